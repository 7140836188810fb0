import type { ParameterValue } from '../../../agents/plan.js';

/** Lines of Python; nested arrays are indented one level (four spaces) per nesting. */
export type PythonBlock = ReadonlyArray<string | PythonBlock>;

const INDENT = '    ';

/** Widest line the writer aims for: PEP8's 99-character allowance for code. */
export const MAX_LINE_LENGTH = 99;

/** Flattens a block into source lines, indenting nested blocks; empty strings stay blank lines. */
export function renderBlock(block: PythonBlock, depth = 0): string[] {
  const lines: string[] = [];
  for (const item of mergeComments(block)) {
    if (typeof item !== 'string') lines.push(...renderBlock(item, depth + 1));
    else if (item === '') lines.push('');
    else lines.push(...fitted(item, depth).map((line) => INDENT.repeat(depth) + line));
  }
  return lines;
}

/** Joins consecutive `# ` comment lines into one, so a comment is re-wrapped as the paragraph it is. */
function mergeComments(block: PythonBlock): PythonBlock {
  const merged: Array<string | PythonBlock> = [];
  for (const item of block) {
    const previous = merged[merged.length - 1];
    if (
      typeof item === 'string' &&
      item.startsWith('# ') &&
      typeof previous === 'string' &&
      previous.startsWith('# ')
    ) {
      merged[merged.length - 1] = `${previous} ${item.slice(2)}`;
    } else merged.push(item);
  }
  return merged;
}

/** Re-wraps a comment or one-line docstring that is too wide at its depth; code lines are left as written. */
function fitted(line: string, depth: number): string[] {
  if (fitsLine(line, depth)) return [line];
  if (line.startsWith('# ')) return commentLines(line.slice(2), depth);
  const docstring = /^"""(.*)"""$/.exec(line);
  if (docstring?.[1] !== undefined) return docstringLines(docstring[1], depth);
  const call = splitCall(line);
  if (!call) return [line];
  // A single parenthesised expression or generator must not gain a comma: that would make it a tuple.
  const isCall = /[\w)\]]\($/.test(call.head);
  const [only] = call.items;
  const lone = call.items.length === 1 && only !== undefined && (!isCall || / for /.test(only));
  const items = lone ? call.items : call.items.map((item) => `${item},`);
  return [
    call.head,
    ...items.flatMap((item) => fitted(item, depth + 1).map((part) => INDENT + part)),
    call.tail,
  ];
}

/**
 * Splits a line ending in a call (`x = f(a, b)` or `if f(a, b):`) into its head `x = f(`, its top-level
 * arguments and its tail `)`, skipping brackets and commas inside string literals.
 */
function splitCall(line: string): { head: string; items: string[]; tail: string } | undefined {
  const tailMatch = /\)(:?)$/.exec(line);
  if (!tailMatch) return undefined;
  const close = tailMatch.index;
  const openings: number[] = [];
  const commas = new Map<number, number[]>();
  let open = -1;
  let quote: string | undefined;
  for (let index = 0; index <= close; index += 1) {
    const character = line.charAt(index);
    if (quote !== undefined) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if ('([{'.includes(character)) openings.push(index);
    else if (character === ',' && openings.length > 0) {
      const owner = openings[openings.length - 1] ?? -1;
      commas.set(owner, [...(commas.get(owner) ?? []), index]);
    } else if (')]}'.includes(character)) {
      const popped = openings.pop();
      if (popped === undefined) return undefined;
      if (index === close) open = popped;
    }
  }
  if (open <= 0 || quote !== undefined || openings.length > 0) return undefined;
  const bounds = [open, ...(commas.get(open) ?? []), close];
  const items = bounds
    .slice(1)
    .map((end, position) => line.slice((bounds[position] ?? open) + 1, end).trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) return undefined;
  return { head: line.slice(0, open + 1), items, tail: line.slice(close) };
}

/** The header every QuantConnect file starts with, then the module docstring. */
export function moduleHeader(docstring: string): string[] {
  return [
    '# region imports',
    'from AlgorithmImports import *',
    '# endregion',
    ...docstringLines(docstring, 0),
  ];
}

/** Joins top-level parts with PEP8's two blank lines and ends the file with one newline. */
export function renderModule(parts: PythonBlock[]): string {
  const rendered = parts.map((part) => trimBlankEdges(renderBlock(part)).join('\n'));
  return `${rendered.filter((part) => part.length > 0).join('\n\n\n')}\n`;
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start += 1;
  while (end > start && lines[end - 1] === '') end -= 1;
  return lines.slice(start, end);
}

/** A docstring at the given nesting depth, wrapped to fit; a single short sentence stays on one line. */
export function docstringLines(text: string, depth: number): string[] {
  const escaped = text.replaceAll('\\', '\\\\').replaceAll('"""', '\\"\\"\\"').trim();
  // A quote right before the closing triple quote would end the string early.
  const safe = escaped.endsWith('"') ? `${escaped.slice(0, -1)}\\"` : escaped;
  const width = MAX_LINE_LENGTH - INDENT.length * depth - 6;
  const paragraphs = safe.split(/\n\s*\n/).map((paragraph) => wrapText(paragraph, width));
  const lines = paragraphs.flatMap((paragraph, index) => (index === 0 ? paragraph : ['', ...paragraph]));
  if (lines.length === 1) return [`"""${lines[0]}"""`];
  const [first, ...rest] = lines;
  return [`"""${first ?? ''}`, ...rest, '"""'];
}

/** `# ` comment lines wrapped to the line width at the given nesting depth. */
export function commentLines(text: string, depth: number): string[] {
  const width = MAX_LINE_LENGTH - INDENT.length * depth - 2;
  return wrapText(text, width).map((line) => `# ${line}`);
}

/** Greedy word wrap; words longer than the width get a line of their own. */
export function wrapText(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current.length === 0) current = word;
    else if (current.length + 1 + word.length <= width) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current.length > 0 || lines.length === 0) lines.push(current);
  return lines;
}

/** A Python string literal (double-quoted; JSON escapes are valid Python escapes). */
export function pythonString(value: string): string {
  return JSON.stringify(value);
}

/** A Python float literal that always reads as a float (`1.0`, not `1`). */
export function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as a Python float`);
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** The Python literal for a contract parameter's value, shaped by its declared type where they agree. */
export function pythonLiteral(parameter: Pick<ParameterValue, 'type' | 'value'>): string {
  const { value } = parameter;
  if (Array.isArray(value)) return `[${value.map(pythonString).join(', ')}]`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pythonString(value);
  if (parameter.type === 'int' && Number.isInteger(value)) return String(value);
  return pythonFloat(value);
}

/** The annotation for a contract parameter's declared type. */
export function pythonAnnotation(parameter: Pick<ParameterValue, 'type'>): string {
  return parameter.type;
}

/** Whether a line fits the line width at the given nesting depth. */
export function fitsLine(text: string, depth: number): boolean {
  return text.length + INDENT.length * depth <= MAX_LINE_LENGTH;
}

/**
 * A call with one argument per line when it does not fit on one line at the given depth,
 * as `name(` ... `)` lines; `prefix` is what precedes the call on its first line.
 */
export function callLines(
  prefix: string,
  callee: string,
  argumentsText: string[],
  depth: number,
): PythonBlock {
  const oneLine = `${prefix}${callee}(${argumentsText.join(', ')})`;
  if (fitsLine(oneLine, depth)) return [oneLine];
  return [`${prefix}${callee}(`, argumentsText.map((argument) => `${argument},`), ')'];
}

/** A `def` line, wrapping the parameters one per line when the signature is too long. */
export function defLines(name: string, parameters: string[], returns: string, depth: number): PythonBlock {
  const oneLine = `def ${name}(${parameters.join(', ')}) -> ${returns}:`;
  if (fitsLine(oneLine, depth)) return [oneLine];
  return [`def ${name}(`, parameters.map((parameter) => `${parameter},`), `) -> ${returns}:`];
}

/** A list literal of string items, one per line when it does not fit. */
export function listLines(prefix: string, items: string[], depth: number): PythonBlock {
  const oneLine = `${prefix}[${items.join(', ')}]`;
  if (fitsLine(oneLine, depth)) return [oneLine];
  return [`${prefix}[`, items.map((item) => `${item},`), ']'];
}

/** A fraction as a percentage for docstrings and comments: 0.07 → `7%`. */
export function percentText(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/**
 * `<prefix><literal><suffix>` for a parameter value; a list that does not fit is spread one item per line.
 * Used for constructor defaults and for the keyword arguments main.py passes.
 */
export function valueLines(
  prefix: string,
  parameter: Pick<ParameterValue, 'type' | 'value'>,
  suffix: string,
  depth: number,
): PythonBlock {
  const oneLine = `${prefix}${pythonLiteral(parameter)}${suffix}`;
  if (fitsLine(oneLine, depth) || !Array.isArray(parameter.value)) return [oneLine];
  return [`${prefix}[`, parameter.value.map((item) => `${pythonString(item)},`), `]${suffix}`];
}
