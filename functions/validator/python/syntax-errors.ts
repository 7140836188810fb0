import type { Point, Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { type HeaderWithoutColon, headersWithoutColon } from './header-colons.js';
import { childrenOf, clip, namedChildrenOf, tokenAfter, tokensOf } from './syntax-tree.js';

/** A syntax problem found in a tree: where it is (0-based tree-sitter point) and what is wrong, in plain words. */
export interface SyntaxProblem {
  point: Point;
  message: string;
}

const CLOSER_OF = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
]);
const CLOSING = new Set([')', ']', '}']);

/** Tokens after which a line cannot end: binary operators, assignment, separators and keywords that need more. */
// biome-ignore format: one operator family per line reads better than one token per line
const CONTINUING_TOKENS = new Set([
  '+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^', '~',
  '<', '>', '<=', '>=', '==', '!=', '=', ':=', '+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=',
  '&=', '|=', '^=', '<<=', '>>=', '.', ',', '->',
  'and', 'or', 'not', 'in', 'is', 'import', 'from', 'as', 'lambda', 'def', 'class', 'del', 'assert',
  'raise', 'global', 'nonlocal', 'await',
]);

/**
 * Every ERROR and MISSING node of a tree as a plain-words problem; nested errors at one spot are reported once.
 * `source` is the text the tree was parsed from.
 */
export function findSyntaxProblems(tree: Tree, source: string): SyntaxProblem[] {
  const root = tree.rootNode;
  if (!root.hasError) return [];
  const headers = headersWithoutColon(tokensOf(root), source.split('\n'));
  const problems: SyntaxProblem[] = [];
  const seen = new Set<string>();
  const report = (problem: SyntaxProblem): void => {
    const key = `${problem.point.row}:${problem.point.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  visitProblemNodes(root, (node) => {
    const header = headers.find((candidate) => overlaps(node, candidate));
    const tokens = node.isMissing ? [] : tokensOf(node);
    // An unterminated string changes how everything after it reads, headers included.
    const string = unterminatedString(tokens);
    if (header !== undefined && string === undefined) report(headerProblem(header));
    else report(node.isMissing ? explainMissing(node) : (string ?? explainError(node, tokens)));
  });
  return problems;
}

/** True when a problem node lies in (or runs into) the statement of a header without ':'. */
function overlaps(node: SyntaxNode, header: HeaderWithoutColon): boolean {
  return node.startIndex < header.endIndex && node.endIndex >= header.startIndex;
}

function headerProblem(header: HeaderWithoutColon): SyntaxProblem {
  return { point: header.point, message: `missing ':' at the end of the '${header.keyword}' line` };
}

/** Calls `visit` on each outermost ERROR node and each MISSING node outside ERROR nodes, in source order. */
function visitProblemNodes(node: SyntaxNode, visit: (node: SyntaxNode) => void): void {
  for (const child of childrenOf(node)) {
    if (child.type === 'ERROR' || child.isMissing) visit(child);
    else if (child.hasError) visitProblemNodes(child, visit);
  }
}

function explainMissing(node: SyntaxNode): SyntaxProblem {
  const what = node.isNamed ? `a ${node.type.replaceAll('_', ' ')}` : `'${node.type}'`;
  return { point: node.startPosition, message: `missing ${what === 'a identifier' ? 'a name' : what}` };
}

function explainError(node: SyntaxNode, tokens: readonly SyntaxNode[]): SyntaxProblem {
  const first = tokens[0];
  if (first === undefined) return { point: node.startPosition, message: 'invalid syntax' };
  return (
    bracketProblem(tokens) ??
    missingSeparator(node) ??
    adjacentOperators(tokens) ??
    unexpectedEnd(node, tokens) ?? {
      point: first.startPosition,
      message: `unexpected '${clip(tokenText(first))}'`,
    }
  );
}

/** A token's text, or the whole string literal when the token is a piece of one. */
function tokenText(token: SyntaxNode): string {
  const parent = token.parent;
  return parent !== null && parent.type === 'string' ? parent.text : token.text;
}

function unterminatedString(tokens: readonly SyntaxNode[]): SyntaxProblem | undefined {
  for (const token of tokens) {
    if (token.type !== 'string_start') continue;
    const string = token.parent;
    const closed = string?.type === 'string' && string.lastChild?.type === 'string_end';
    if (!closed) return { point: token.startPosition, message: 'unterminated string literal' };
  }
  return undefined;
}

function bracketProblem(tokens: readonly SyntaxNode[]): SyntaxProblem | undefined {
  const open: SyntaxNode[] = [];
  for (const token of tokens) {
    if (CLOSER_OF.has(token.type)) {
      open.push(token);
      continue;
    }
    if (!CLOSING.has(token.type)) continue;
    const opener = open.pop();
    if (opener === undefined) {
      return {
        point: token.startPosition,
        message: `unexpected '${token.type}' with no matching opening bracket`,
      };
    }
    if (CLOSER_OF.get(opener.type) !== token.type) {
      return {
        point: token.startPosition,
        message: `closing '${token.type}' does not match the opening '${opener.type}' on line ${opener.startPosition.row + 1}`,
      };
    }
  }
  const unclosed = open.at(-1);
  if (unclosed === undefined) return undefined;
  return { point: unclosed.startPosition, message: `unclosed '${unclosed.type}'` };
}

const SEPARATED_LISTS = new Set([
  'argument_list',
  'list',
  'tuple',
  'set',
  'dictionary',
  'parameters',
  'subscript',
]);

/** Two items of a bracketed list with no ',' between them (or a dictionary key with no ':' before its value). */
function missingSeparator(node: SyntaxNode): SyntaxProblem | undefined {
  const parent = node.parent;
  if (parent === null || !SEPARATED_LISTS.has(parent.type)) return undefined;
  const items = namedChildrenOf(node).filter((child) => !child.isExtra);
  const [firstItem, secondItem] = items;
  if (items.length === 2 && firstItem !== undefined && secondItem !== undefined) {
    const separator = parent.type === 'dictionary' ? ':' : ',';
    return between(separator, firstItem, secondItem);
  }
  if (items.length !== 1 || firstItem === undefined) return undefined;
  const previous = node.previousNamedSibling;
  if (previous !== null && !previous.isExtra && isAdjacent(previous, node)) {
    return between(',', previous, node);
  }
  const next = node.nextNamedSibling;
  if (next !== null && !next.isExtra && isAdjacent(node, next)) return between(',', node, next);
  return undefined;
}

/** True when nothing but whitespace separates two sibling nodes. */
function isAdjacent(left: SyntaxNode, right: SyntaxNode): boolean {
  return left.nextSibling?.startIndex === right.startIndex;
}

function between(separator: string, left: SyntaxNode, right: SyntaxNode): SyntaxProblem {
  return {
    point: right.startPosition,
    message: `missing '${separator}' between '${clip(left.text, 20)}' and '${clip(right.text, 20)}'`,
  };
}

// biome-ignore format: operators read better in a block
const BINARY_ONLY_OPERATORS = new Set([
  '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^', '<', '>', '<=', '>=', '==', '!=', '=',
  'and', 'or', 'in', 'is',
]);

// biome-ignore format: operators read better in a block
const ARITHMETIC_OPERATORS = new Set([
  '+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^', '<', '>', '<=', '>=', '==', '!=', '.',
]);

/** `x +* 2`: an operator that needs a left operand right after another operator. */
function adjacentOperators(tokens: readonly SyntaxNode[]): SyntaxProblem | undefined {
  for (let index = 1; index < tokens.length; index += 1) {
    const left = tokens[index - 1];
    const right = tokens[index];
    if (left === undefined || right === undefined || left.endPosition.row !== right.startPosition.row)
      continue;
    if (ARITHMETIC_OPERATORS.has(left.type) && BINARY_ONLY_OPERATORS.has(right.type)) {
      return { point: right.startPosition, message: `unexpected '${right.type}' after '${left.type}'` };
    }
  }
  return undefined;
}

/** A line that stops after an operator or a keyword that needs more (`x = 1 +`, `from x import`). */
function unexpectedEnd(node: SyntaxNode, tokens: readonly SyntaxNode[]): SyntaxProblem | undefined {
  const last = tokens.at(-1);
  if (last === undefined || !CONTINUING_TOKENS.has(last.type)) return undefined;
  const next = tokenAfter(node);
  if (next !== undefined && next.startPosition.row === last.endPosition.row) return undefined;
  return { point: last.startPosition, message: `unexpected end of line after '${last.type}'` };
}
