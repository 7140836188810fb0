import type { Node as SyntaxNode } from 'web-tree-sitter';
import { descendantsOfType } from './syntax-tree.js';

/** Parents under which an identifier binds a name rather than reading one. */
const BINDING_PARENTS = new Set([
  'parameters',
  'lambda_parameters',
  'typed_parameter',
  'list_splat_pattern',
  'dictionary_splat_pattern',
  'aliased_import',
  'global_statement',
  'nonlocal_statement',
  'as_pattern_target',
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
]);

/** Parents whose `name` field binds: `def f`, `class C`, `x=1` defaults, `(y := 2)`. */
const NAMED_BINDINGS = new Set([
  'function_definition',
  'class_definition',
  'default_parameter',
  'typed_default_parameter',
  'named_expression',
]);

/** Parents whose `left` field binds: assignments and for targets. */
const LEFT_BINDINGS = new Set(['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause']);

/**
 * Names a module reads without binding them anywhere in the file, with the first place each is read.
 * Scopes are not modelled: a name bound anywhere counts as bound everywhere, so this under-reports.
 */
export function unboundNameUses(root: SyntaxNode): Map<string, SyntaxNode> {
  const bound = new Set<string>();
  const reads: SyntaxNode[] = [];
  for (const identifier of descendantsOfType(root, 'identifier')) {
    const role = roleOf(identifier);
    if (role === 'binding') bound.add(identifier.text);
    else if (role === 'read') reads.push(identifier);
  }
  const unbound = new Map<string, SyntaxNode>();
  for (const identifier of reads) {
    if (!bound.has(identifier.text) && !unbound.has(identifier.text))
      unbound.set(identifier.text, identifier);
  }
  return unbound;
}

function roleOf(identifier: SyntaxNode): 'binding' | 'read' | 'other' {
  const parent = identifier.parent;
  if (parent === null) return 'read';
  const type = parent.type;
  if (type === 'attribute') return isField(parent, 'object', identifier) ? 'read' : 'other';
  if (type === 'keyword_argument') return isField(parent, 'name', identifier) ? 'other' : 'read';
  if (type === 'dotted_name')
    return parent.parent?.type === 'import_statement' ? 'binding' : importRole(parent);
  if (type === 'except_clause') return isField(parent, 'alias', identifier) ? 'binding' : 'read';
  if (BINDING_PARENTS.has(type)) return 'binding';
  if (NAMED_BINDINGS.has(type)) return isField(parent, 'name', identifier) ? 'binding' : 'read';
  if (LEFT_BINDINGS.has(type)) return isField(parent, 'left', identifier) ? 'binding' : 'read';
  return 'read';
}

/** In `from m import a`, `a` binds; the module path and anything in `import a.b as c` do not. */
function importRole(dottedName: SyntaxNode): 'binding' | 'other' {
  const statement = dottedName.parent;
  if (statement?.type !== 'import_from_statement') return 'other';
  return isField(statement, 'module_name', dottedName) ? 'other' : 'binding';
}

function isField(parent: SyntaxNode, field: string, node: SyntaxNode): boolean {
  const child = parent.childForFieldName(field);
  return child !== null && child.startIndex === node.startIndex && child.endIndex === node.endIndex;
}
