import { type LineState, START_OF_SOURCE, scanLine } from './line-scanner.js';

/*
 * Inside brackets, a line's indentation means nothing to Python, but tree-sitter-python's scanner reads a
 * bracketed line indented less than its block as a dedent when the line before ends in an operator
 * (`x = (a and` / `c)`), and reports errors in valid code. Indenting such lines to their statement's level
 * gives an equivalent program it parses correctly. Only the columns of those lines move.
 */

/** The source with bracketed continuation lines indented to their statement, or undefined when none needs it. */
export function indentShallowContinuationLines(source: string): string | undefined {
  const lines = source.split('\n');
  let state: LineState = START_OF_SOURCE;
  let statementIndentation = '';
  let changed = false;
  for (let row = 0; row < lines.length; row += 1) {
    const line = lines[row] ?? '';
    const indentation = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (state.quote === undefined && state.depth === 0) statementIndentation = indentation;
    if (
      state.quote === undefined &&
      state.depth > 0 &&
      line.trim() !== '' &&
      indentation.length < statementIndentation.length
    ) {
      lines[row] = statementIndentation + line.slice(indentation.length);
      changed = true;
    }
    state = scanLine(line, state);
  }
  return changed ? lines.join('\n') : undefined;
}
