/*
 * Inside brackets, a line's indentation means nothing to Python, but tree-sitter-python's scanner reads a
 * bracketed line indented less than its block as a dedent when the line before ends in an operator
 * (`x = (a and` / `c)`), and reports errors in valid code. Indenting such lines to their statement's level
 * gives an equivalent program it parses correctly. Only the columns of those lines move.
 */

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** The source with bracketed continuation lines indented to their statement, or undefined when none needs it. */
export function indentShallowContinuationLines(source: string): string | undefined {
  const lines = source.split('\n');
  let depth = 0;
  let statementIndentation = '';
  let quote: string | undefined;
  let changed = false;
  for (let row = 0; row < lines.length; row += 1) {
    const line = lines[row] ?? '';
    const indentation = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (quote === undefined && depth === 0) statementIndentation = indentation;
    if (
      quote === undefined &&
      depth > 0 &&
      line.trim() !== '' &&
      indentation.length < statementIndentation.length
    ) {
      lines[row] = statementIndentation + line.slice(indentation.length);
      changed = true;
    }
    const state = scanLine(line, depth, quote);
    depth = state.depth;
    quote = state.quote;
  }
  return changed ? lines.join('\n') : undefined;
}

/** Bracket depth and open string at the end of a line, skipping strings and comments. */
function scanLine(line: string, startDepth: number, startQuote: string | undefined) {
  let depth = startDepth;
  let quote = startQuote;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index] ?? '';
    if (quote !== undefined) {
      if (character === '\\') index += 1;
      else if (line.startsWith(quote, index)) {
        index += quote.length - 1;
        quote = undefined;
      }
      continue;
    }
    if (character === '#') break;
    if (character === '"' || character === "'") {
      const triple = character.repeat(3);
      quote = line.startsWith(triple, index) ? triple : character;
      index += quote.length - 1;
    } else if (OPENING.has(character)) depth += 1;
    else if (CLOSING.has(character)) depth = Math.max(0, depth - 1);
  }
  // A single-quoted string cannot continue past its line (without '\'), so a stray quote does not swallow the file.
  const continues = quote !== undefined && (quote.length === 3 || line.endsWith('\\'));
  return { depth, quote: continues ? quote : undefined };
}
