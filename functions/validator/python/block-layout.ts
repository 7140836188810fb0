import type { Point, Node as SyntaxNode, Tree, TreeCursor } from 'web-tree-sitter';
import type { SyntaxProblem } from './syntax-errors.js';
import { clip, descendantsOfType, namedChildrenOf, tokenBefore, withCursor } from './syntax-tree.js';

/*
 * Layout rules tree-sitter-python does not enforce but CPython does:
 * - the statements of a block start at one indentation (tree-sitter keeps a stray indent or a dedent to
 *   no outer level inside the block);
 * - statements on one line are separated by ';' (tree-sitter reads `from risk import Risk Model` as two);
 * - a simple statement continues on the next line only inside brackets or after '\' (tree-sitter joins
 *   `x = 1 +` with the line after it).
 */

/** One child of a block, read through a cursor so that only the few nodes a rule reports are materialised. */
interface Statement {
  type: string;
  start: Point;
  end: Point;
  node: SyntaxNode;
}

/** An indentation as CPython's tokenizer measures it: tabs to multiples of 8, and tabs as 1. */
interface Indentation {
  column: number;
  alternateColumn: number;
}

const SIMPLE_STATEMENTS = new Set([
  'expression_statement',
  'return_statement',
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'assert_statement',
  'delete_statement',
  'raise_statement',
  'global_statement',
  'nonlocal_statement',
  'type_alias_statement',
]);

const EXTRAS = new Set(['comment', 'line_continuation']);
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** Indentation and statement-separation problems of every block (and the module) of an error-free tree. */
export function checkBlockLayout(tree: Tree, source: string): SyntaxProblem[] {
  const lines = source.split('\n');
  const root = tree.rootNode;
  const problems: SyntaxProblem[] = [];
  for (const block of [root, ...descendantsOfType(root, 'block')]) {
    const statements = statementsOf(block);
    const indentation = checkIndentation(statements, lines, block === root);
    if (indentation !== undefined) problems.push(indentation);
    problems.push(...checkSeparation(statements, lines));
  }
  problems.push(...checkClauseAlignment(root, lines));
  return problems;
}

const CLAUSES = ['else_clause', 'elif_clause', 'except_clause', 'except_group_clause', 'finally_clause'];

/** `else:`/`except:`/`finally:` start at their statement's indentation, and so do a decorated def's lines. */
function checkClauseAlignment(root: SyntaxNode, lines: readonly string[]): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const node of descendantsOfType(root, [...CLAUSES, 'decorated_definition'])) {
    const parent = node.type === 'decorated_definition' ? node : node.parent;
    if (parent === null) continue;
    const expected = lineIndentation(parent.startPosition, lines);
    if (expected === undefined) continue;
    const parts =
      node.type === 'decorated_definition' ? namedChildrenOf(node).filter((child) => !child.isExtra) : [node];
    for (const part of parts) {
      const actual = lineIndentation(part.startPosition, lines);
      if (actual === undefined || actual === expected) continue;
      const keyword = part.firstChild?.type ?? part.type;
      const owner =
        parent.type === 'decorated_definition' ? 'its decorator' : `the '${parent.firstChild?.type}'`;
      problems.push({
        point: part.startPosition,
        message: `'${keyword}' is not aligned with ${owner} on line ${parent.startPosition.row + 1}`,
      });
      break;
    }
  }
  return problems;
}

/** The indentation before a point when only whitespace precedes it on its line. */
function lineIndentation(point: Point, lines: readonly string[]): string | undefined {
  const prefix = (lines[point.row] ?? '').slice(0, point.column);
  return /^[ \t\f]*$/.test(prefix) ? prefix : undefined;
}

/** A block's statements without extras; `undefined` entries stand for ';'. */
function statementsOf(block: SyntaxNode): (Statement | undefined)[] {
  const statements: (Statement | undefined)[] = [];
  return withCursor(block, (cursor) => {
    if (!cursor.gotoFirstChild()) return statements;
    do {
      const type = cursor.nodeType;
      if (EXTRAS.has(type)) continue;
      const node = cursor.currentNode;
      const broken = type === ';';
      statements.push(
        broken ? undefined : { type, start: cursor.startPosition, end: cursor.endPosition, node },
      );
    } while (cursor.gotoNextSibling());
    return statements;
  });
}

function checkIndentation(
  statements: readonly (Statement | undefined)[],
  lines: readonly string[],
  isModule: boolean,
): SyntaxProblem | undefined {
  let expected: Indentation | undefined = isModule ? { column: 0, alternateColumn: 0 } : undefined;
  for (const statement of statements) {
    if (statement === undefined) continue;
    const prefix = (lines[statement.start.row] ?? '').slice(0, statement.start.column);
    // Only a statement that starts its line has an indentation of its own.
    if (!/^[ \t\f]*$/.test(prefix)) continue;
    const indentation = measure(prefix);
    if (expected === undefined) expected = indentation;
    else {
      const problem = compareIndentation(statement, indentation, expected, lines);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

function measure(prefix: string): Indentation {
  let column = 0;
  let alternateColumn = 0;
  for (const character of prefix) {
    if (character === '\t') {
      column = (Math.floor(column / 8) + 1) * 8;
      alternateColumn += 1;
    } else if (character === '\f') {
      column = 0;
      alternateColumn = 0;
    } else {
      column += 1;
      alternateColumn += 1;
    }
  }
  return { column, alternateColumn };
}

function compareIndentation(
  statement: Statement,
  indentation: Indentation,
  expected: Indentation,
  lines: readonly string[],
): SyntaxProblem | undefined {
  const sameColumn = indentation.column === expected.column;
  const sameAlternate = indentation.alternateColumn === expected.alternateColumn;
  if (sameColumn && sameAlternate) return undefined;
  const point = statement.start;
  if (sameColumn !== sameAlternate)
    return { point, message: 'inconsistent use of tabs and spaces in indentation' };
  if (indentation.column < expected.column || previousLineIsDeeper(statement.node, indentation, lines)) {
    return { point, message: 'unindent does not match any outer indentation level' };
  }
  return { point, message: 'unexpected indent' };
}

function previousLineIsDeeper(
  statement: SyntaxNode,
  indentation: Indentation,
  lines: readonly string[],
): boolean {
  const previous = tokenBefore(statement);
  if (previous === undefined) return false;
  const line = lines[previous.startPosition.row] ?? '';
  return measure(/^[ \t\f]*/.exec(line)?.[0] ?? '').column > indentation.column;
}

function checkSeparation(
  statements: readonly (Statement | undefined)[],
  lines: readonly string[],
): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  let previous: Statement | undefined;
  for (const statement of statements) {
    if (statement !== undefined && previous !== undefined && statement.start.row === previous.end.row) {
      problems.push({
        point: statement.start,
        message: `unexpected '${clip(statement.node.text, 20)}' after a complete statement on the same line`,
      });
    }
    const continued =
      statement !== undefined &&
      SIMPLE_STATEMENTS.has(statement.type) &&
      statement.start.row !== statement.end.row
        ? unbracketedContinuation(statement.node, lines)
        : undefined;
    if (continued !== undefined) problems.push(continued);
    previous = statement;
  }
  return problems;
}

/** Where a simple statement carries on to the next line outside brackets and without '\'. */
function unbracketedContinuation(statement: SyntaxNode, lines: readonly string[]): SyntaxProblem | undefined {
  return withCursor(statement, (cursor) => continuationAt(cursor, lines));
}

function continuationAt(cursor: TreeCursor, lines: readonly string[]): SyntaxProblem | undefined {
  let depth = 0;
  let previous: { start: Point; end: Point } | undefined;
  let nesting = 0;
  for (;;) {
    const type = cursor.nodeType;
    // A string literal is one token even when it spans lines.
    if (type !== 'string' && cursor.gotoFirstChild()) {
      nesting += 1;
      continue;
    }
    if (!EXTRAS.has(type) && cursor.endIndex > cursor.startIndex) {
      const start = cursor.startPosition;
      if (previous !== undefined && depth === 0 && start.row > previous.end.row) {
        const line = lines[previous.end.row] ?? '';
        if (!line.trimEnd().endsWith('\\')) {
          const text =
            previous.start.row === previous.end.row
              ? line.slice(previous.start.column, previous.end.column)
              : '…';
          return { point: previous.start, message: `unexpected end of line after '${clip(text, 20)}'` };
        }
      }
      if (OPENING.has(type)) depth += 1;
      else if (CLOSING.has(type)) depth = Math.max(0, depth - 1);
      previous = { start, end: cursor.endPosition };
    }
    while (!cursor.gotoNextSibling()) {
      if (nesting === 0 || !cursor.gotoParent()) return undefined;
      nesting -= 1;
    }
    if (nesting === 0) return undefined;
  }
}
