const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** Where a line leaves the tokenizer: inside how many brackets, and inside which string quote, if any. */
export interface LineState {
  depth: number;
  quote: string | undefined;
}

/** The state at the start of a file. */
export const START_OF_SOURCE: LineState = { depth: 0, quote: undefined };

/** Bracket depth and open string at the end of a line, skipping strings and comments. */
export function scanLine(line: string, start: LineState): LineState {
  let depth = start.depth;
  let quote = start.quote;
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
