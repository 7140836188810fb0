import { type LineState, START_OF_SOURCE, scanLine } from './line-scanner.js';
import type { SyntaxProblem } from './syntax-errors.js';

/**
 * Backslashes outside strings and comments that are not the last character of their line. CPython's
 * tokenizer refuses them before it parses anything ("unexpected character after line continuation
 * character"), while tree-sitter recovers somewhere far away, often at the top of the file.
 */
export function findLineContinuationProblems(source: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  let state: LineState = START_OF_SOURCE;
  const lines = source.split('\n');
  for (const [row, rawLine] of lines.entries()) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const scanned = scanLine(line, state);
    const column = scanned.strayBackslash;
    if (column !== undefined) {
      const after = line.slice(column + 1).trim();
      const what = after === '' ? 'spaces' : after.startsWith('#') ? 'a comment' : 'text';
      const advice = after.startsWith('#')
        ? ' (move the comment to its own line, or drop the \\ inside brackets)'
        : '';
      problems.push({
        point: { row, column },
        message: `${what} after the line-continuation '\\': a '\\' that continues a line must be its last character${advice}`,
      });
    }
    state = scanned;
  }
  return problems;
}
