/** A statement that runs every time its method runs: at the body's own indentation, before any `return`. */
export interface BodyStatement {
  /** 1-based line in the file. */
  line: number;
  /** The statement as written, without its indentation. */
  code: string;
  /** The statement with string literals emptied and any trailing comment dropped, for pattern checks. */
  bare: string;
  /** `bare` of the whole statement: its first line and the lines it continues on, joined by spaces. */
  wholeBare: string;
}

export interface MethodDefinition {
  /** The method as spelled in the file (`initialize`, `OnData`, ...). */
  name: string;
  /** 1-based line of the `def`. */
  line: number;
  /** The class the method belongs to, when it is indented under one. */
  className: string | undefined;
  /** Base classes of that class, as written (`AlphaModel`, `QCAlgorithm`). */
  classBases: string[];
  statements: BodyStatement[];
}

const DEF = /^(\s*)def\s+([A-Za-z_]\w*)\s*\(\s*self\b/;
const CLASS = /^(\s*)class\s+([A-Za-z_]\w*)\s*(?:\(([^)]*)\))?\s*:/;

/**
 * The methods of a Python file with their unconditional statements: the ones at the body's own indentation
 * (not under if/for/while/try/with), up to the first `return`. Lines inside multi-line strings or open
 * brackets are skipped, so only whole statements count; this keeps the checks built on it certain.
 */
export function methodDefinitions(source: string): MethodDefinition[] {
  const lines = logicalLines(source);
  const methods: MethodDefinition[] = [];
  const classes: Array<{ indent: number; name: string; bases: string[] }> = [];
  for (let index = 0; index < lines.length; index += 1) {
    const current = lines[index];
    const trimmed = current?.text.trim() ?? '';
    if (!current || current.continuation || trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = indentOf(current.text);
    while (classes.length > 0 && (classes[classes.length - 1]?.indent ?? 0) >= indent) classes.pop();
    const classMatch = current.text.match(CLASS);
    if (classMatch) {
      classes.push({ indent, name: classMatch[2] ?? '', bases: splitBases(classMatch[3] ?? '') });
      continue;
    }
    const definition = current.text.match(DEF);
    if (!definition?.[2]) continue;
    const owner = classes[classes.length - 1];
    methods.push({
      name: definition[2],
      line: index + 1,
      className: owner?.name,
      classBases: owner?.bases ?? [],
      statements: bodyStatements(lines, index),
    });
  }
  return methods;
}

interface LogicalLine {
  text: string;
  /** True when the line continues a statement (open bracket, backslash) or sits inside a multi-line string. */
  continuation: boolean;
  bare: string;
}

function bodyStatements(lines: readonly LogicalLine[], definitionIndex: number): BodyStatement[] {
  const definitionIndent = indentOf(lines[definitionIndex]?.text ?? '');
  const statements: BodyStatement[] = [];
  let bodyIndent: number | undefined;
  for (let index = definitionIndex + 1; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) break;
    const trimmed = line.text.trim();
    if (line.continuation || trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = indentOf(line.text);
    if (indent <= definitionIndent) break;
    bodyIndent ??= indent;
    if (indent !== bodyIndent) continue;
    if (/^return\b/.test(trimmed)) break;
    const continued: string[] = [];
    for (let next = index + 1; lines[next]?.continuation; next += 1)
      continued.push(lines[next]?.bare.trim() ?? '');
    const bare = line.bare.trim();
    statements.push({ line: index + 1, code: trimmed, bare, wholeBare: [bare, ...continued].join(' ') });
  }
  return statements;
}

/** Marks continuation lines and blanks out string contents, tracking brackets and triple-quoted strings. */
function logicalLines(source: string): LogicalLine[] {
  const result: LogicalLine[] = [];
  let depth = 0;
  let openTriple: string | undefined;
  let continued = false;
  for (const text of source.split('\n')) {
    const continuation = depth > 0 || openTriple !== undefined || continued;
    let bare = '';
    let index = 0;
    while (index < text.length) {
      const character = text[index] ?? '';
      if (openTriple) {
        if (text.startsWith(openTriple, index)) {
          bare += openTriple;
          index += 3;
          openTriple = undefined;
        } else index += 1;
        continue;
      }
      if (character === '#') break;
      if (text.startsWith('"""', index) || text.startsWith("'''", index)) {
        openTriple = text.slice(index, index + 3);
        bare += openTriple;
        index += 3;
        continue;
      }
      if (character === '"' || character === "'") {
        const end = closingQuote(text, index + 1, character);
        bare += `${character}${character}`;
        index = end + 1;
        continue;
      }
      if ('([{'.includes(character)) depth += 1;
      if (')]}'.includes(character)) depth = Math.max(0, depth - 1);
      bare += character;
      index += 1;
    }
    continued = openTriple === undefined && depth === 0 && /\\\s*$/.test(bare);
    result.push({ text, continuation, bare });
  }
  return result;
}

function closingQuote(text: string, from: number, quote: string): number {
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === quote) return index;
  }
  return text.length;
}

function splitBases(bases: string): string[] {
  return bases
    .split(',')
    .map((base) => base.trim())
    .filter((base) => base !== '');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
