import { type LineState, START_OF_SOURCE, scanLine } from './line-scanner.js';

/*
 * tree-sitter-python's scanner, before each comment on a line of its own, reads ahead over all the comment
 * lines that follow to find the next line of code (its indentation decides the dedents). A run of k comment
 * lines therefore costs k²/2 line reads: 2,000 lines of comments take half a second to parse. Blanking every
 * comment line of a run but the first keeps the read-ahead to one pass. Comments are not code, the lines
 * keep their length, and blank lines are skipped the same way, so every other node keeps its position and
 * the tree its shape; only the blanked comments are missing from it.
 */

/** Only the whitespace Python's tokenizer skips before a comment: anything else there is a syntax error. */
const COMMENT_LINE = /^[ \t\f]*#/;
const BLANK_LINE = /^[ \t\f\r]*$/;

/**
 * The source with each comment line that follows another comment line (blank lines between them allowed)
 * replaced by spaces of the same length, or undefined when there is no such line.
 */
export function blankRepeatedCommentLines(source: string): string | undefined {
  const lines = source.split('\n');
  let state: LineState = START_OF_SOURCE;
  let afterCommentLine = false;
  let changed = false;
  for (let row = 0; row < lines.length; row += 1) {
    const line = lines[row] ?? '';
    if (state.quote === undefined && COMMENT_LINE.test(line)) {
      if (afterCommentLine) {
        // A comment line changes neither the bracket depth nor the string state.
        lines[row] = blank(line);
        changed = true;
        continue;
      }
      afterCommentLine = true;
    } else if (state.quote !== undefined || !BLANK_LINE.test(line)) afterCommentLine = false;
    state = scanLine(line, state);
  }
  return changed ? lines.join('\n') : undefined;
}

/** Spaces in place of every character, except a final '\r', so that offsets and columns do not move. */
function blank(line: string): string {
  return line.endsWith('\r') ? `${' '.repeat(line.length - 1)}\r` : ' '.repeat(line.length);
}
