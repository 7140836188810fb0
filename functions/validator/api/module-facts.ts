import { fieldOf, type PlainNode, type PlainTree, textOf } from './plain-tree.js';
import {
  type AttributeStore,
  type Binding,
  type ClassInfo,
  type FunctionInfo,
  isSelfParameter,
  lookupBinding,
  type ModuleFacts,
  type ParameterInfo,
  type Scope,
} from './scopes.js';

/*
 * One pass over a module's plain tree: which names each scope binds (and how), the classes and their methods,
 * and the attribute reads, attribute stores and calls the API checks look at, each with its scope.
 */

const TARGET_GROUPS = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'tuple',
  'list',
  'parenthesized_expression',
  'list_splat_pattern',
  'list_splat',
  'as_pattern_target',
]);
const REFLECTION_FUNCTIONS = new Set(['hasattr', 'getattr', 'setattr', 'delattr']);

/** Collects the scopes, bindings, classes and attribute/call uses of a module. */
export function collectModuleFacts(tree: PlainTree): ModuleFacts {
  const moduleScope: Scope = { kind: 'module', node: tree.root, parent: undefined, bindings: new Map() };
  const facts: ModuleFacts = {
    tree,
    moduleScope,
    classes: [],
    attributes: [],
    calls: [],
    otherStores: new Set(),
    reflectedNames: new Set(),
    usesReflection: false,
  };
  const text = (node: PlainNode): string => textOf(tree, node);
  const bind = (scope: Scope, name: string, binding: Binding): void => {
    const list = scope.bindings.get(name);
    if (list === undefined) scope.bindings.set(name, [binding]);
    else list.push(binding);
    if (scope.kind === 'class') scope.classInfo?.classNames.add(name);
  };

  const visitChildren = (node: PlainNode, scope: Scope): void => {
    for (const child of node.children) visit(child, scope);
  };

  const bindTarget = (target: PlainNode, scope: Scope, value: PlainNode | undefined): void => {
    if (target.type === 'identifier') {
      bind(
        scope,
        text(target),
        value === undefined ? { kind: 'other' } : { kind: 'assignment', value, scope },
      );
    } else if (TARGET_GROUPS.has(target.type)) {
      for (const child of target.children) bindTarget(child, scope, undefined);
    } else if (target.type === 'attribute') {
      recordAttribute(target, scope, value);
    } else visit(target, scope);
  };

  const recordAttribute = (
    node: PlainNode,
    scope: Scope,
    storedValue: PlainNode | undefined | null,
  ): void => {
    const receiver = fieldOf(node, 'object');
    const name = fieldOf(node, 'attribute');
    let store: AttributeStore | undefined;
    if (storedValue !== null && receiver !== undefined && name !== undefined) {
      store = { name: text(name), receiver, value: storedValue, scope, node };
    }
    if (name !== undefined && text(name) === '__dict__') facts.usesReflection = true;
    facts.attributes.push({ node, scope, store });
    if (receiver !== undefined) visit(receiver, scope);
  };

  const defineFunction = (node: PlainNode, scope: Scope, decorators: string[]): void => {
    const nameNode = fieldOf(node, 'name');
    const name = nameNode === undefined ? '' : text(nameNode);
    if (nameNode !== undefined) bind(scope, name, { kind: 'other' });
    const classInfo = scope.kind === 'class' ? scope.classInfo : undefined;
    const info: FunctionInfo = { node, name, parameters: [], decorators, classInfo, outerScope: scope };
    if (classInfo !== undefined && nameNode !== undefined) classInfo.methods.set(name, info);
    const functionScope: Scope = {
      kind: 'function',
      node,
      parent: scope,
      bindings: new Map(),
      function: info,
    };
    const parameters = fieldOf(node, 'parameters');
    if (parameters !== undefined) bindParameters(parameters, scope, functionScope, info);
    const returnType = fieldOf(node, 'return_type');
    if (returnType !== undefined) visit(returnType, scope);
    const body = fieldOf(node, 'body');
    if (body !== undefined) visit(body, functionScope);
  };

  const bindParameters = (
    parameters: PlainNode,
    outer: Scope,
    inner: Scope,
    info: FunctionInfo | undefined,
  ): void => {
    let keywordOnly = false;
    for (const parameter of parameters.children) {
      if (parameter.type === 'keyword_separator') keywordOnly = true;
      const described = describeParameter(parameter, keywordOnly);
      for (const child of parameter.children)
        if (child.field === 'value' || child.field === 'type') visit(child, outer);
      if (described === undefined) continue;
      if (described.kind === 'var-positional') keywordOnly = true;
      if (info === undefined) bind(inner, described.name, { kind: 'other' });
      else {
        bind(inner, described.name, { kind: 'parameter', function: info, index: info.parameters.length });
        info.parameters.push(described);
      }
    }
  };

  const describeParameter = (node: PlainNode, keywordOnly: boolean): ParameterInfo | undefined => {
    const plain = keywordOnly ? 'keyword-only' : 'positional';
    switch (node.type) {
      case 'identifier':
        return { name: text(node), kind: plain };
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = fieldOf(node, 'name');
        return name === undefined
          ? undefined
          : { name: text(name), kind: plain, annotation: annotationOf(node) };
      }
      case 'typed_parameter': {
        const inner = node.children.find((child) => child.field !== 'type');
        const described = inner === undefined ? undefined : describeParameter(inner, keywordOnly);
        return described === undefined ? undefined : { ...described, annotation: annotationOf(node) };
      }
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern': {
        const name = node.children.find((child) => child.type === 'identifier');
        const kind = node.type === 'list_splat_pattern' ? 'var-positional' : 'var-keyword';
        return name === undefined ? undefined : { name: text(name), kind };
      }
      default:
        return undefined;
    }
  };

  const defineClass = (node: PlainNode, scope: Scope): void => {
    const nameNode = fieldOf(node, 'name');
    const name = nameNode === undefined ? '' : text(nameNode);
    if (nameNode !== undefined) bind(scope, name, { kind: 'other' });
    const superclasses = fieldOf(node, 'superclasses');
    if (superclasses !== undefined) visit(superclasses, scope);
    const classInfo: ClassInfo = {
      node,
      name,
      topLevel: scope.kind === 'module',
      methods: new Map(),
      classNames: new Set(),
      selfStores: new Map(),
    };
    facts.classes.push(classInfo);
    const classScope: Scope = { kind: 'class', node, parent: scope, bindings: new Map(), classInfo };
    const body = fieldOf(node, 'body');
    if (body !== undefined) visit(body, classScope);
  };

  const bindImport = (node: PlainNode, scope: Scope): void => {
    const moduleName = fieldOf(node, 'module_name');
    const module = moduleName === undefined ? '' : text(moduleName);
    const fromLean = node.type === 'import_from_statement' && isLeanNamespace(module);
    for (const child of node.children) {
      if (child.field !== 'name') continue;
      if (child.type === 'aliased_import') {
        const alias = fieldOf(child, 'alias');
        const original = fieldOf(child, 'name');
        if (alias === undefined) continue;
        const binding: Binding =
          fromLean && original !== undefined
            ? { kind: 'lean-import', name: text(original) }
            : { kind: 'other' };
        bind(scope, text(alias), binding);
      } else {
        const written = text(child);
        const bound = node.type === 'import_statement' ? (written.split('.')[0] ?? written) : written;
        bind(scope, bound, fromLean ? { kind: 'lean-import', name: written } : { kind: 'other' });
      }
    }
  };

  const visitCall = (node: PlainNode, scope: Scope): void => {
    facts.calls.push({ node, scope });
    const callee = fieldOf(node, 'function');
    const argumentsNode = fieldOf(node, 'arguments');
    if (callee?.type === 'identifier' && REFLECTION_FUNCTIONS.has(text(callee)) && argumentsNode) {
      const nameArgument = argumentsNode.children[1];
      if (
        nameArgument?.type === 'string' &&
        nameArgument.children.every((part) => part.type !== 'interpolation')
      ) {
        facts.reflectedNames.add(text(nameArgument).replace(/^[a-zA-Z]*['"]+|['"]+$/g, ''));
      } else if (text(callee) === 'setattr') facts.usesReflection = true;
    }
    visitChildren(node, scope);
  };

  const visit = (node: PlainNode, scope: Scope): void => {
    switch (node.type) {
      case 'decorated_definition': {
        const decorators = node.children.filter((child) => child.type === 'decorator');
        for (const decorator of decorators) visitChildren(decorator, scope);
        const definition = fieldOf(node, 'definition');
        if (definition?.type === 'function_definition') {
          defineFunction(
            definition,
            scope,
            decorators.map((decorator) => text(decorator).replace(/^@\s*/, '')),
          );
        } else if (definition !== undefined) visit(definition, scope);
        return;
      }
      case 'function_definition':
        defineFunction(node, scope, []);
        return;
      case 'class_definition':
        defineClass(node, scope);
        return;
      case 'lambda': {
        const lambdaScope: Scope = { kind: 'lambda', node, parent: scope, bindings: new Map() };
        const parameters = fieldOf(node, 'parameters');
        if (parameters !== undefined) bindParameters(parameters, scope, lambdaScope, undefined);
        const body = fieldOf(node, 'body');
        if (body !== undefined) visit(body, lambdaScope);
        return;
      }
      case 'assignment': {
        const left = fieldOf(node, 'left');
        const right = fieldOf(node, 'right');
        const annotation = fieldOf(node, 'type');
        if (annotation !== undefined) visit(annotation, scope);
        if (right !== undefined) visit(right, scope);
        if (left !== undefined) bindTarget(left, scope, right ?? undefined);
        return;
      }
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause': {
        for (const child of node.children) {
          if (child.field === 'left') bindTarget(child, scope, undefined);
          else visit(child, scope);
        }
        return;
      }
      case 'named_expression': {
        const name = fieldOf(node, 'name');
        if (name !== undefined) bind(scope, text(name), { kind: 'other' });
        const value = fieldOf(node, 'value');
        if (value !== undefined) visit(value, scope);
        return;
      }
      case 'as_pattern_target':
      case 'delete_statement':
        for (const child of node.children) bindTarget(child, scope, undefined);
        return;
      case 'case_pattern':
        bindPatternNames(node, scope);
        return;
      case 'import_statement':
      case 'import_from_statement':
        bindImport(node, scope);
        return;
      case 'global_statement':
      case 'nonlocal_statement':
        for (const child of node.children) {
          if (child.type !== 'identifier') continue;
          bind(scope, text(child), { kind: 'other' });
          if (node.type === 'global_statement') bind(moduleScope, text(child), { kind: 'other' });
        }
        return;
      case 'attribute':
        recordAttribute(node, scope, null);
        return;
      case 'call':
        visitCall(node, scope);
        return;
      case 'keyword_argument': {
        const value = fieldOf(node, 'value');
        if (value !== undefined) visit(value, scope);
        return;
      }
      default:
        visitChildren(node, scope);
    }
  };

  const bindPatternNames = (node: PlainNode, scope: Scope): void => {
    if (node.type === 'identifier') bind(scope, text(node), { kind: 'other' });
    else if (node.type === 'attribute') recordAttribute(node, scope, null);
    else for (const child of node.children) bindPatternNames(child, scope);
  };

  visitChildren(tree.root, moduleScope);
  classifyStores(facts, text);
  return facts;
}

/** The expression of a parameter's `type` field, if it has one. */
function annotationOf(parameter: PlainNode): PlainNode | undefined {
  return fieldOf(parameter, 'type')?.children[0];
}

/** `from <module> import Name` binds a LEAN type: AlgorithmImports and the QuantConnect namespaces. */
function isLeanNamespace(module: string): boolean {
  return module === 'AlgorithmImports' || module === 'QuantConnect' || module.startsWith('QuantConnect.');
}

function classifyStores(facts: ModuleFacts, text: (node: PlainNode) => string): void {
  for (const use of facts.attributes) {
    const store = use.store;
    if (store === undefined) continue;
    const binding =
      store.receiver.type === 'identifier' ? lookupBinding(use.scope, text(store.receiver)) : undefined;
    if (
      binding?.kind === 'parameter' &&
      isSelfParameter(binding) &&
      binding.function.classInfo !== undefined
    ) {
      const stores = binding.function.classInfo.selfStores;
      const list = stores.get(store.name);
      if (list === undefined) stores.set(store.name, [store]);
      else list.push(store);
    } else facts.otherStores.add(store.name);
  }
}
