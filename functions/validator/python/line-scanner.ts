const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** Where a line leaves the tokenizer: inside how many brackets, and inside which string quote, if any. */
export interface LineState {
  depth: number;
  quote: string | undefined;
}

/** The state at the start of a file. */
export const START_OF_SOURCE: LineState = { depth: 0, quote: undefined };

/** What scanning one line finds: the state at its end, and where a misplaced line continuation sits. */
export interface ScannedLine extends LineState {
  /** The column of the first '\\' outside strings and comments that is not the line's last character. */
  strayBackslash: number | undefined;
}

/** Bracket depth and open string at the end of a line, skipping strings and comments. */
export function scanLine(line: string, start: LineState): ScannedLine {
  let depth = start.depth;
  let quote = start.quote;
  let strayBackslash: number | undefined;
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
    else if (character === '\\' && index < line.length - 1) strayBackslash ??= index;
  }
  // A single-quoted string cannot continue past its line (without '\'), so a stray quote does not swallow the file.
  const continues = quote !== undefined && (quote.length === 3 || line.endsWith('\\'));
  return { depth, quote: continues ? quote : undefined, strayBackslash };
}

/**
 * The source with every string (quotes included) and comment turned to spaces, newlines kept, so offsets and
 * line numbers stay those of `source` while code-looking text inside strings and comments matches nothing.
 */
export function maskStringsAndComments(source: string): string {
  let quote: string | undefined;
  return source
    .split('\n')
    .map((line) => {
      const masked = maskLine(line, quote);
      // As in scanLine: only a triple-quoted string, or one whose line ends in '\', goes on past its line.
      quote =
        masked.quote !== undefined && (masked.quote.length === 3 || line.endsWith('\\'))
          ? masked.quote
          : undefined;
      return masked.text;
    })
    .join('\n');
}

function maskLine(line: string, start: string | undefined): { text: string; quote: string | undefined } {
  let text = '';
  let quote = start;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index] ?? '';
    if (quote !== undefined) {
      if (character === '\\') {
        text += line[index + 1] === undefined ? ' ' : '  ';
        index += 1;
      } else if (line.startsWith(quote, index)) {
        text += ' '.repeat(quote.length);
        index += quote.length - 1;
        quote = undefined;
      } else text += ' ';
      continue;
    }
    if (character === '#') return { text: text + ' '.repeat(line.length - index), quote };
    if (character === '"' || character === "'") {
      const triple = character.repeat(3);
      quote = line.startsWith(triple, index) ? triple : character;
      text += ' '.repeat(quote.length);
      index += quote.length - 1;
    } else text += character;
  }
  return { text, quote };
}
