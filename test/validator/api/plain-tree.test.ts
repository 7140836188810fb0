import { describe, expect, it } from 'vitest';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { fieldOf, type PlainNode, plainTreeOf, textOf } from '../../../functions/validator/api/plain-tree.js';
import { parsePythonFile } from '../../../functions/validator/python/parser.js';
import { positionOf } from '../../../functions/validator/static-diagnostic.js';

const SOURCE = [
  '# a comment',
  'class Algo(QCAlgorithm):',
  '    def initialize(self):',
  '        self.x = "é" + self.y  # trailing comment',
  '        call(a, key=b, note=f"{self.z}")',
  '',
].join('\n');

/** What the copy keeps: named nodes but comments, and inside string literals only those of f-strings. */
function named(node: SyntaxNode): SyntaxNode[] {
  if (node.type === 'string' && !node.text.startsWith('f')) return [];
  return node.namedChildren.flatMap((child) =>
    child === null || child.type === 'comment' ? [] : [child, ...named(child)],
  );
}

const WITH_TEXT = new Set(['identifier', 'string']);

function flatten(node: PlainNode): PlainNode[] {
  return node.children.flatMap((child) => [child, ...flatten(child)]);
}

describe('plainTreeOf', () => {
  it.each([
    ['a file', SOURCE],
    ['a file that starts with blank lines (the module node starts after them)', `\n\n  \n${SOURCE}`],
  ])(
    'copies the named nodes of %s but comments and plain string contents, with type, position and names',
    (_name, content) => {
      // Prepare
      const parsed = parsePythonFile({ name: 'main.py', content });

      // Act
      const plain = plainTreeOf(parsed.tree, parsed.source);

      // Assess
      const expected = named(parsed.tree.rootNode).map((node) => ({
        type: node.type,
        text: WITH_TEXT.has(node.type) ? node.text : undefined,
        position: positionOf(node),
      }));
      const actual = flatten(plain.root).map((node) => ({
        type: node.type,
        text: WITH_TEXT.has(node.type) ? textOf(plain, node) : undefined,
        position: plain.positionOf(node),
      }));
      expect(actual).toEqual(expected);
      expect(actual.filter((node) => node.type === 'interpolation')).toHaveLength(1);
      expect(() => textOf(plain, plain.root.children[0] ?? plain.root)).toThrow(/was not copied/);
      parsed.tree.delete();
    },
  );

  it('records the field each node fills and its parent', () => {
    // Prepare
    const parsed = parsePythonFile({ name: 'main.py', content: 'a.b = c\n' });

    // Act
    const plain = plainTreeOf(parsed.tree, parsed.source);

    // Assess
    const assignment = plain.root.children[0]?.children[0];
    const left = assignment === undefined ? undefined : fieldOf(assignment, 'left');
    expect(left?.type).toBe('attribute');
    expect(left?.parent).toBe(assignment);
    expect(left === undefined ? '' : textOf(plain, fieldOf(left, 'attribute') ?? left)).toBe('b');
    parsed.tree.delete();
  });
});
