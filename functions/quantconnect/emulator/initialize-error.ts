/** An exception main.py's `initialize` raises unconditionally. */
export interface InitializeRaise {
  exceptionType: string;
  message: string;
  /** The method as spelled in the file: `initialize` or `Initialize`. */
  method: string;
  /** 1-based line of the raise statement in main.py. */
  line: number;
  code: string;
}

const INITIALIZE_DEF = /^(\s*)def\s+(initialize|Initialize)\s*\(\s*self\b/;
const RAISE = /^raise(?:\s*$|\s*#|\s+([A-Za-z_][\w.]*)(.*)$)/;

/**
 * Finds a `raise` statement directly in the body of `initialize` (not nested under if/for/try), which
 * LEAN would hit on every run. Returns the first one, or undefined.
 */
export function findInitializeRaise(mainSource: string): InitializeRaise | undefined {
  const lines = mainSource.split('\n');
  const definition = lines.findIndex((line) => INITIALIZE_DEF.test(line));
  const method = lines[definition]?.match(INITIALIZE_DEF)?.[2];
  if (definition < 0 || !method) return undefined;
  const definitionIndent = indentOf(lines[definition] ?? '');
  let bodyIndent: number | undefined;
  for (let index = definition + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = indentOf(line);
    if (indent <= definitionIndent) return undefined;
    bodyIndent ??= indent;
    if (indent !== bodyIndent) continue;
    const match = trimmed.match(RAISE);
    if (match) {
      return {
        exceptionType: match[1] ?? 'RuntimeError',
        message: match[1] ? firstStringLiteral(match[2] ?? '') : 'No active exception to reraise',
        method,
        line: index + 1,
        code: trimmed,
      };
    }
  }
  return undefined;
}

/** The error text and stack trace LEAN reports for an exception raised in initialize. */
export function describeInitializeRaise(
  failure: InitializeRaise,
  file = 'main.py',
): { error: string; stacktrace: string } {
  const summary = failure.message ? `${failure.exceptionType} : ${failure.message}` : failure.exceptionType;
  const stacktrace = `  at ${failure.method}\n    ${failure.code}\n in ${file}: line ${failure.line}\n`;
  return {
    error: `During the algorithm initialization, the following exception has occurred: ${summary}\n${stacktrace} ${summary}`,
    stacktrace,
  };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function firstStringLiteral(argumentsText: string): string {
  const match = argumentsText.match(
    /(?:\b[rRbBuUfF]{1,2})?("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/,
  );
  const literal = match?.[1];
  if (!literal) return '';
  const quote = literal.startsWith('"""') || literal.startsWith("'''") ? 3 : 1;
  return literal.slice(quote, literal.length - quote);
}
