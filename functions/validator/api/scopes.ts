import type { PlainNode, PlainTree } from './plain-tree.js';

/*
 * What module-facts.ts collects from a module: its scopes and what each binds, its classes and methods, and
 * the attribute reads, stores and calls the API checks look at, each with its scope.
 */

/** A module, function, lambda or class body: where Python looks names up. */
export interface Scope {
  kind: 'module' | 'function' | 'lambda' | 'class';
  node: PlainNode;
  parent: Scope | undefined;
  bindings: Map<string, Binding[]>;
  /** For a function scope: the function. */
  function?: FunctionInfo;
  /** For a class scope: the class. */
  classInfo?: ClassInfo;
}

/** How a scope binds a name. */
export type Binding =
  | { kind: 'parameter'; function: FunctionInfo; index: number }
  | { kind: 'assignment'; value: PlainNode; scope: Scope }
  /** `from QuantConnect.X import Name` (or AlgorithmImports): a LEAN type by its simple name. */
  | { kind: 'lean-import'; name: string }
  | { kind: 'other' };

/** A parameter of a `def`. */
export interface ParameterInfo {
  name: string;
  kind: 'positional' | 'keyword-only' | 'var-positional' | 'var-keyword';
  /** The annotation's expression (`QCAlgorithm` in `algorithm: QCAlgorithm`), evaluated in the outer scope. */
  annotation?: PlainNode;
}

/** A `def`: its name, parameters and, for a method, its class. */
export interface FunctionInfo {
  node: PlainNode;
  name: string;
  parameters: ParameterInfo[];
  decorators: string[];
  /** Set when the def is directly in a class body. */
  classInfo: ClassInfo | undefined;
  /** The scope the def is in, where its annotations and defaults are evaluated. */
  outerScope: Scope;
}

/** `receiver.name = value` (value undefined for augmented, tuple and del targets). */
export interface AttributeStore {
  name: string;
  receiver: PlainNode;
  value: PlainNode | undefined;
  scope: Scope;
  node: PlainNode;
}

/** A class body: what it defines, and what its methods store on self. */
export interface ClassInfo {
  node: PlainNode;
  name: string;
  topLevel: boolean;
  methods: Map<string, FunctionInfo>;
  /** Names the class body binds (methods, class attributes, nested classes). */
  classNames: Set<string>;
  /** `self.X = ...` in its methods, by X. */
  selfStores: Map<string, AttributeStore[]>;
}

/** An attribute (`obj.name`) the checks look at, with the scope it is evaluated in. */
export interface AttributeUse {
  node: PlainNode;
  scope: Scope;
  store: AttributeStore | undefined;
}

/** What the API checks need from one module. */
export interface ModuleFacts {
  tree: PlainTree;
  moduleScope: Scope;
  classes: ClassInfo[];
  attributes: AttributeUse[];
  calls: { node: PlainNode; scope: Scope }[];
  /** Attribute names stored on anything but a method's own self (`algorithm.flag = True`). */
  otherStores: Set<string>;
  /** Names given as literals to hasattr/getattr/setattr/delattr. */
  reflectedNames: Set<string>;
  /** setattr with a computed name, or `__dict__`: attributes the validator cannot list. */
  usesReflection: boolean;
}

/** The binding a name has in a scope as seen from code in `scope` (Python's LEGB, class bodies skipped). */
export function lookupBinding(scope: Scope, name: string): Binding | undefined {
  let current: Scope | undefined = scope;
  let first = true;
  while (current !== undefined) {
    if (first || current.kind !== 'class') {
      const bindings = current.bindings.get(name);
      if (bindings !== undefined) return bindings.length === 1 ? bindings[0] : { kind: 'other' };
    }
    first = false;
    current = current.parent;
  }
  return undefined;
}

/** True for a method's first parameter: the instance (self), unless the method is static or a classmethod. */
export function isSelfParameter(binding: Binding | undefined): boolean {
  if (binding?.kind !== 'parameter' || binding.index !== 0) return false;
  const { function: info } = binding;
  return (
    info.classInfo !== undefined &&
    !info.decorators.includes('staticmethod') &&
    !info.decorators.includes('classmethod')
  );
}
