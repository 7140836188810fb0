import type { Node as SyntaxNode } from 'web-tree-sitter';
import { type PythonParameter, parametersOf } from './parameters.js';
import { childrenForFieldName, descendantsOfType, namedChildrenOf } from './syntax-tree.js';

/** A name a module defines at its top level, so that `from module import name` works. */
export interface ModuleName {
  name: string;
  kind: 'class' | 'function' | 'variable' | 'import';
  /** The identifier (or import) node that binds it. */
  node: SyntaxNode;
}

/** One base in `class A(Base, other.Base)`. */
export interface ClassBase {
  /** The base as written (`AlphaModel`, `framework.AlphaModel`, `Generic[T]`). */
  text: string;
  /** The last identifier of a dotted base, or of the subscripted type (`AlphaModel`, `Generic`). */
  simpleName: string;
  node: SyntaxNode;
}

/** A function or method: its name and parameters. */
export interface PythonFunction {
  name: string;
  /** The identifier after `def`. */
  node: SyntaxNode;
  parameters: PythonParameter[];
}

/** A top-level class: its bases and the methods its body defines. */
export interface PythonClass {
  name: string;
  /** The identifier after `class`. */
  node: SyntaxNode;
  bases: ClassBase[];
  methods: Map<string, PythonFunction>;
}

const NESTED_BLOCK_STATEMENTS = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'try_statement',
  'except_clause',
  'finally_clause',
  'with_statement',
  'for_statement',
  'while_statement',
  'block',
]);

/** The names a module binds at top level (including inside top-level if/try/with/for), first binding wins. */
export function moduleNamesOf(root: SyntaxNode): Map<string, ModuleName> {
  const names = new Map<string, ModuleName>();
  const add = (name: string, kind: ModuleName['kind'], node: SyntaxNode): void => {
    if (!names.has(name)) names.set(name, { name, kind, node });
  };
  const visit = (statement: SyntaxNode): void => {
    for (const binding of bindingsOf(statement)) add(binding.name, binding.kind, binding.node);
    if (NESTED_BLOCK_STATEMENTS.has(statement.type))
      for (const child of namedChildrenOf(statement)) visit(child);
  };
  for (const statement of namedChildrenOf(root)) visit(statement);
  for (const globalStatement of descendantsOfType(root, 'global_statement')) {
    for (const name of namedChildrenOf(globalStatement))
      if (name.type === 'identifier') add(name.text, 'variable', name);
  }
  return names;
}

function bindingsOf(statement: SyntaxNode): ModuleName[] {
  switch (statement.type) {
    case 'class_definition':
    case 'function_definition': {
      const name = statement.childForFieldName('name');
      const kind = statement.type === 'class_definition' ? 'class' : 'function';
      return name === null ? [] : [{ name: name.text, kind, node: name }];
    }
    case 'decorated_definition': {
      const definition = statement.childForFieldName('definition');
      return definition === null ? [] : bindingsOf(definition);
    }
    case 'expression_statement':
      return namedChildrenOf(statement).flatMap(assignmentBindings);
    case 'import_statement':
    case 'import_from_statement':
      return importBindings(statement);
    case 'for_statement':
      return targetNames(statement.childForFieldName('left')).map(variable);
    case 'with_statement':
      return descendantsOfType(statement, 'as_pattern_target').flatMap((target) =>
        targetNames(target).map(variable),
      );
    case 'except_clause':
      return targetNames(statement.childForFieldName('alias')).map(variable);
    case 'type_alias_statement': {
      const alias = namedChildrenOf(statement)[0];
      const name = alias === undefined ? undefined : namedChildrenOf(alias)[0];
      return name === undefined ? [] : [variable(name)];
    }
    default:
      return [];
  }
}

function variable(node: SyntaxNode): ModuleName {
  return { name: node.text, kind: 'variable', node };
}

/** `a = b = 1`, `a, b = ...`, `a += 1`; a bare annotation (`a: int`) binds nothing. */
function assignmentBindings(expression: SyntaxNode): ModuleName[] {
  if (expression.type !== 'assignment' && expression.type !== 'augmented_assignment') return [];
  const right = expression.childForFieldName('right');
  if (right === null) return [];
  const names = targetNames(expression.childForFieldName('left')).map(variable);
  return [...names, ...assignmentBindings(right)];
}

/** The identifiers an assignment target binds: `a`, `a, (b, *c)`; attributes and subscripts bind none. */
export function targetNames(target: SyntaxNode | null): SyntaxNode[] {
  if (target === null) return [];
  switch (target.type) {
    case 'identifier':
      return [target];
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
    case 'list_splat_pattern':
    case 'parenthesized_expression':
    case 'as_pattern_target':
      return namedChildrenOf(target).flatMap(targetNames);
    default:
      return [];
  }
}

function importBindings(statement: SyntaxNode): ModuleName[] {
  const bindings: ModuleName[] = [];
  for (const name of childrenForFieldName(statement, 'name')) {
    if (name.type === 'aliased_import') {
      const alias = name.childForFieldName('alias');
      if (alias !== null) bindings.push({ name: alias.text, kind: 'import', node: name });
      continue;
    }
    const bound = statement.type === 'import_statement' ? name.text.split('.')[0] : name.text;
    if (bound !== undefined) bindings.push({ name: bound, kind: 'import', node: name });
  }
  return bindings;
}

/** The classes a module defines at top level (decorated ones included), in source order. */
export function classesOf(root: SyntaxNode): PythonClass[] {
  const classes: PythonClass[] = [];
  for (const statement of namedChildrenOf(root)) {
    const definition =
      statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition === null || definition.type !== 'class_definition') continue;
    const described = describeClass(definition);
    if (described !== undefined) classes.push(described);
  }
  return classes;
}

function describeClass(definition: SyntaxNode): PythonClass | undefined {
  const name = definition.childForFieldName('name');
  if (name === null) return undefined;
  const superclasses = definition.childForFieldName('superclasses');
  const bases = (superclasses === null ? [] : namedChildrenOf(superclasses)).flatMap((base): ClassBase[] => {
    const simpleName = simpleNameOf(base);
    return simpleName === undefined ? [] : [{ text: base.text, simpleName, node: base }];
  });
  return { name: name.text, node: name, bases, methods: methodsOf(definition.childForFieldName('body')) };
}

function simpleNameOf(base: SyntaxNode): string | undefined {
  switch (base.type) {
    case 'identifier':
      return base.text;
    case 'attribute':
      return base.childForFieldName('attribute')?.text;
    case 'subscript': {
      const value = base.childForFieldName('value');
      return value === null ? undefined : simpleNameOf(value);
    }
    default:
      return undefined;
  }
}

function methodsOf(body: SyntaxNode | null): Map<string, PythonFunction> {
  const methods = new Map<string, PythonFunction>();
  for (const statement of body === null ? [] : namedChildrenOf(body)) {
    const definition =
      statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition === null || definition.type !== 'function_definition') continue;
    const name = definition.childForFieldName('name');
    const parameters = definition.childForFieldName('parameters');
    if (name === null) continue;
    methods.set(name.text, {
      name: name.text,
      node: name,
      parameters: parameters === null ? [] : parametersOf(parameters),
    });
  }
  return methods;
}
