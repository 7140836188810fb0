import type { Language, Tree } from 'web-tree-sitter';
import { QuantCoderError } from '../../shared/errors.js';
import type { SourcePosition } from '../static-diagnostic.js';

/*
 * The API checks walk a module's tree many times (scopes, classes, types of expressions). Each property read
 * on a web-tree-sitter node is a call into WebAssembly, so the named nodes are copied once, in one cursor pass,
 * into plain objects; everything after that is plain JavaScript.
 */

/** A named node of a syntax tree, copied out of WebAssembly memory. */
export interface PlainNode {
  type: string;
  /** The field this node fills in its parent (`object`, `attribute`, `left`), or '' when none. */
  field: string;
  /** Offsets into PlainTree.source. */
  start: number;
  /**
   * Read only for the nodes whose text the checks use (NODES_WITH_TEXT), to save a WebAssembly call per node;
   * -1 on the others.
   */
  end: number;
  /** Named children in order, comments left out. */
  children: PlainNode[];
  parent: PlainNode | undefined;
}

/** A module's named nodes and the source their offsets refer to. */
export interface PlainTree {
  root: PlainNode;
  source: string;
  /** The 1-based line and column where a node starts. */
  positionOf(node: PlainNode): SourcePosition;
}

/** The nodes whose text the checks read: names, module paths, decorators and string literals. */
const NODES_WITH_TEXT = new Set(['identifier', 'dotted_name', 'relative_import', 'decorator', 'string']);

/** The nodes whose children's fields the checks read; other nodes' children get field ''. */
const NODES_WITH_FIELDS = new Set([
  'attribute',
  'call',
  'assignment',
  'augmented_assignment',
  'for_statement',
  'for_in_clause',
  'named_expression',
  'keyword_argument',
  'function_definition',
  'class_definition',
  'decorated_definition',
  'lambda',
  'default_parameter',
  'typed_default_parameter',
  'typed_parameter',
  'subscript',
  'import_statement',
  'import_from_statement',
  'aliased_import',
]);

/** Named nodes that never have children: no need to ask the cursor. */
const LEAF_NODES = new Set([
  'identifier',
  'integer',
  'float',
  'true',
  'false',
  'none',
  'comment',
  'string_content',
]);

/** `f"..."` and the like hold interpolations; other string literals hold nothing the checks read. */
const FORMATTED_STRING_PREFIX = /^[a-zA-Z]*[fF]/;

interface LanguageTables {
  named: boolean[];
  types: string[];
  fields: string[];
}

const tablesByLanguage = new WeakMap<Language, LanguageTables>();

function tablesOf(language: Language): LanguageTables {
  const cached = tablesByLanguage.get(language);
  if (cached !== undefined) return cached;
  const named: boolean[] = [];
  const types: string[] = [];
  for (let id = 0; id < language.nodeTypeCount; id += 1) {
    named.push(language.nodeTypeIsNamed(id));
    types.push(language.nodeTypeForId(id) ?? '');
  }
  const fields = [''];
  for (let id = 1; id <= language.fieldCount; id += 1) fields.push(language.fieldNameForId(id) ?? '');
  const tables = { named, types, fields };
  tablesByLanguage.set(language, tables);
  return tables;
}

/**
 * Copies the named nodes of a tree (comments excluded) into plain objects. `source` is the text the tree was
 * parsed from: node offsets count from its start, which the root node's own text does not (the module node
 * begins at the first token, after any leading blank lines).
 */
export function plainTreeOf(tree: Tree, source: string): PlainTree {
  const { named, types, fields } = tablesOf(tree.language);
  const root: PlainNode = {
    type: 'module',
    field: '',
    start: 0,
    end: source.length,
    children: [],
    parent: undefined,
  };
  // One entry per cursor depth: the plain node children at that depth attach to (anonymous nodes pass through).
  const parents: PlainNode[] = [root];
  const cursor = tree.walk();
  try {
    if (!cursor.gotoFirstChild()) return withPositions(root, source);
    for (;;) {
      const typeId = cursor.nodeTypeId;
      const parent = parents[parents.length - 1] ?? root;
      let attachTo = parent;
      const type = types[typeId] ?? '';
      const isNamed = named[typeId] === true;
      if (isNamed && type !== 'comment') {
        const node: PlainNode = {
          type,
          field: NODES_WITH_FIELDS.has(parent.type) ? (fields[cursor.currentFieldId] ?? '') : '',
          start: cursor.startIndex,
          end: NODES_WITH_TEXT.has(type) ? cursor.endIndex : -1,
          children: [],
          parent,
        };
        parent.children.push(node);
        attachTo = node;
      }
      // Tokens (anonymous nodes) have no children in the Python grammar: no need to ask.
      const descend =
        isNamed &&
        !LEAF_NODES.has(type) &&
        (type !== 'string' || FORMATTED_STRING_PREFIX.test(source.slice(attachTo.start, attachTo.start + 3)));
      if (descend && cursor.gotoFirstChild()) {
        parents.push(attachTo);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || parents.length <= 1) return withPositions(root, source);
        parents.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

function withPositions(root: PlainNode, source: string): PlainTree {
  const lineStarts = [0];
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1))
    lineStarts.push(index + 1);
  return {
    root,
    source,
    positionOf: (node) => {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((lineStarts[middle] ?? 0) <= node.start) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, column: node.start - (lineStarts[low] ?? 0) + 1 };
    },
  };
}

/** The source text of a node (one of NODES_WITH_TEXT). */
export function textOf(tree: PlainTree, node: PlainNode): string {
  if (node.end < 0) throw new QuantCoderError(`the text of a ${node.type} node was not copied from the tree`);
  return tree.source.slice(node.start, node.end);
}

/** The first child filling `field`, if any. */
export function fieldOf(node: PlainNode, field: string): PlainNode | undefined {
  return node.children.find((child) => child.field === field);
}

/** Every child filling `field` (`subscript` of `a[b, c]` has two). */
export function fieldsOf(node: PlainNode, field: string): PlainNode[] {
  return node.children.filter((child) => child.field === field);
}
