import type { Point, Node as SyntaxNode } from 'web-tree-sitter';

/*
 * A header without its ':' can throw tree-sitter's error recovery far off: it may wrap the whole file in one
 * ERROR node that starts at line 1. Python's own rule is simpler: a logical line that starts with a compound
 * keyword ends with ':' outside brackets. Checking that on the tokens finds the header CPython reports.
 */

/** A compound statement header without its ':', and the part of the file its statement covers. */
export interface HeaderWithoutColon {
  /** The keyword that starts the header: `def`, `if`, `case`. */
  keyword: string;
  /** Just after the header's last token, where CPython reports "expected ':'". */
  point: Point;
  /** Where the header starts. */
  startIndex: number;
  /** Where the statement ends: the header, its indented body and its else/elif/except/finally clauses. */
  endIndex: number;
}

/** One logical line: its tokens, and whether its brackets are all closed at its end. */
interface LogicalLine {
  tokens: SyntaxNode[];
  first: SyntaxNode;
  closed: boolean;
}

/** Keywords that always start a compound statement, whose header must end with ':'. */
const COMPOUND_KEYWORDS: ReadonlySet<string> = new Set([
  'if',
  'elif',
  'else',
  'for',
  'while',
  'def',
  'class',
  'try',
  'except',
  'finally',
  'with',
  'async',
]);

/** `match` and `case` are keywords only in a header: `match = 1` and `match(x)` are plain statements. */
const SOFT_KEYWORDS = new Set(['match', 'case']);

/** After `match`/`case`, a token like these makes the line an expression or assignment, not a header. */
// biome-ignore format: operators read better in a block
const NOT_A_SUBJECT = new Set([
  '=', '.', ',', ';', ':', ':=', ')', ']', '}', '+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '&=', '|=',
  '^=', '<<=', '>>=',
]);

/** Keywords whose statement continues with clauses at its own indentation. */
const WITH_CLAUSES = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally']);
const CLAUSES = new Set(['elif', 'else', 'except', 'finally']);

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/**
 * Every compound statement header in `tokens` (a file's tokens, without comments) that has no ':' outside
 * brackets and lambdas. `lines` are the file's lines, to see a '\' line continuation.
 */
export function headersWithoutColon(
  tokens: readonly SyntaxNode[],
  lines: readonly string[],
): HeaderWithoutColon[] {
  const logicalLines = splitLogicalLines(tokens, lines);
  const headers: HeaderWithoutColon[] = [];
  logicalLines.forEach((line, index) => {
    const keyword = headerKeyword(line, logicalLines[index + 1]);
    // A header still inside brackets is an unclosed bracket, not a missing ':'.
    if (keyword === undefined || !line.closed || hasHeaderColon(line.tokens)) return;
    const last = line.tokens.at(-1) ?? line.first;
    headers.push({
      keyword,
      point: last.endPosition,
      startIndex: line.first.startIndex,
      endIndex: statementEnd(keyword, line, logicalLines.slice(index + 1)),
    });
  });
  return headers;
}

function splitLogicalLines(tokens: readonly SyntaxNode[], lines: readonly string[]): LogicalLine[] {
  const logicalLines: LogicalLine[] = [];
  let current: SyntaxNode[] = [];
  let depth = 0;
  let previous: SyntaxNode | undefined;
  const finish = (closed: boolean): void => {
    const first = current[0];
    if (first !== undefined) logicalLines.push({ tokens: current, first, closed });
    current = [];
  };
  for (const token of tokens) {
    if (
      previous !== undefined &&
      depth === 0 &&
      token.startPosition.row > previous.endPosition.row &&
      !endsWithBackslash(previous, lines)
    ) {
      finish(true);
    }
    current.push(token);
    if (OPENING.has(token.type)) depth += 1;
    else if (CLOSING.has(token.type)) depth = Math.max(0, depth - 1);
    previous = token;
  }
  finish(depth === 0);
  return logicalLines;
}

/** True when only a '\' follows the token on its line: the logical line goes on. */
function endsWithBackslash(token: SyntaxNode, lines: readonly string[]): boolean {
  const end = token.endPosition;
  return (lines[end.row] ?? '').slice(end.column).trim() === '\\';
}

function headerKeyword(line: LogicalLine, next: LogicalLine | undefined): string | undefined {
  const keyword = line.first.text;
  if (COMPOUND_KEYWORDS.has(keyword)) return keyword;
  if (!SOFT_KEYWORDS.has(keyword)) return undefined;
  const subject = line.tokens[1];
  if (subject === undefined || NOT_A_SUBJECT.has(subject.type)) return undefined;
  // Without ':' a soft keyword line is a header only when an indented block follows it.
  const bodyFollows = next !== undefined && next.first.startPosition.column > line.first.startPosition.column;
  return bodyFollows ? keyword : undefined;
}

/** A ':' outside brackets that no `lambda` before it claims. */
function hasHeaderColon(tokens: readonly SyntaxNode[]): boolean {
  let depth = 0;
  let openLambdas = 0;
  for (const token of tokens) {
    const type = token.type;
    if (OPENING.has(type)) depth += 1;
    else if (CLOSING.has(type)) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (type === 'lambda') openLambdas += 1;
    else if (type === ':' && openLambdas > 0) openLambdas -= 1;
    else if (type === ':') return true;
  }
  return false;
}

/** Where the next statement at the header's indentation (or less) starts; its clauses do not end it. */
function statementEnd(keyword: string, header: LogicalLine, following: readonly LogicalLine[]): number {
  const indentation = header.first.startPosition.column;
  for (const line of following) {
    const column = line.first.startPosition.column;
    if (column > indentation) continue;
    if (column === indentation && WITH_CLAUSES.has(keyword) && CLAUSES.has(line.first.text)) continue;
    return line.first.startIndex;
  }
  return Number.POSITIVE_INFINITY;
}
