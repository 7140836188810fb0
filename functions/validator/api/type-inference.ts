import type { LeanCatalog } from '../catalog/lean-catalog.js';
import type { ResolvedMember } from '../catalog/member-index.js';
import { arityFits, callShapeOf, candidateOverloads } from './call-shape.js';
import { type AnalyzedModule, type ClassModel, familyStores } from './class-models.js';
import { isDunder } from './messages.js';
import { fieldOf, fieldsOf, type PlainNode, textOf } from './plain-tree.js';
import { type Binding, type ClassInfo, isSelfParameter, lookupBinding, type Scope } from './scopes.js';
import { type AlgorithmReceiver, sameType, UNKNOWN, type ValueType } from './value-types.js';

/** What the inference reads besides the syntax: the catalog, the class models, the project's algorithm. */
export interface InferenceContext {
  catalog: LeanCatalog;
  /** QCAlgorithm's type key. */
  algorithmKey: string;
  /** Parameter types that mean "the algorithm" in a hook (QCAlgorithm, IAlgorithm). */
  algorithmParameterKeys: ReadonlySet<string>;
  models: ReadonlyMap<ClassInfo, ClassModel>;
  /** The modules by the root node of their tree. */
  modules: ReadonlyMap<PlainNode, AnalyzedModule>;
  /** The user's algorithm as a framework hook receives it (`algorithm` in AlphaModel.update). */
  hookAlgorithm: AlgorithmReceiver;
  /** Some module uses setattr with a computed name or `__dict__`: attributes may come from anywhere. */
  usesReflection: boolean;
}

/**
 * Light type inference over the plain trees: names of LEAN types, `self` and hook parameters, locals assigned
 * once, attributes stored on self, and the catalog's type_key/returns_key/indexers along attribute chains.
 * Results are memoised per node; cycles give `unknown`.
 */
export class TypeInference {
  private readonly memo = new Map<PlainNode, ValueType>();
  private readonly inProgress = new Set<PlainNode>();
  private readonly attributeTypes = new Map<ClassModel, Map<string, ValueType>>();
  private readonly selfTypes = new Map<ClassModel, ValueType>();

  constructor(readonly context: InferenceContext) {}

  /** The module an expression belongs to. */
  moduleOf(scope: Scope): AnalyzedModule | undefined {
    let root = scope;
    while (root.parent !== undefined) root = root.parent;
    return this.context.modules.get(root.node);
  }

  /** The type of an expression evaluated in `scope`. */
  typeOf(node: PlainNode, scope: Scope): ValueType {
    const known = this.memo.get(node);
    if (known !== undefined) return known;
    if (this.inProgress.has(node)) return UNKNOWN;
    this.inProgress.add(node);
    try {
      const type = this.compute(node, scope);
      this.memo.set(node, type);
      return type;
    } finally {
      this.inProgress.delete(node);
    }
  }

  private compute(node: PlainNode, scope: Scope): ValueType {
    const module = this.moduleOf(scope);
    if (module === undefined) return UNKNOWN;
    switch (node.type) {
      case 'identifier':
        return this.nameType(textOf(module.facts.tree, node), scope, module);
      case 'attribute': {
        const receiver = fieldOf(node, 'object');
        const name = fieldOf(node, 'attribute');
        if (receiver === undefined || name === undefined) return UNKNOWN;
        return this.memberType(this.typeOf(receiver, scope), textOf(module.facts.tree, name));
      }
      case 'call':
        return this.callResult(node, scope, module);
      case 'subscript':
        return this.subscriptType(node, scope);
      case 'parenthesized_expression':
      case 'assignment': {
        const inner = node.type === 'assignment' ? fieldOf(node, 'right') : node.children[0];
        return inner === undefined ? UNKNOWN : this.typeOf(inner, scope);
      }
      default:
        return UNKNOWN;
    }
  }

  /** What a name refers to from `scope`. */
  nameType(name: string, scope: Scope, module: AnalyzedModule): ValueType {
    const binding = lookupBinding(scope, name);
    if (binding === undefined) {
      const keys = module.catalogNames(name);
      return keys.length > 0 ? { kind: 'type', keys } : UNKNOWN;
    }
    return this.bindingType(binding);
  }

  private bindingType(binding: Binding): ValueType {
    switch (binding.kind) {
      case 'parameter':
        return this.parameterType(binding);
      case 'assignment':
        return weaken(this.typeOf(binding.value, binding.scope));
      case 'lean-import': {
        const keys = this.context.catalog.globalKeys(binding.name);
        return keys.length > 0 ? { kind: 'type', keys } : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private parameterType(binding: Binding & { kind: 'parameter' }): ValueType {
    const info = binding.function;
    const model = info.classInfo === undefined ? undefined : this.context.models.get(info.classInfo);
    if (isSelfParameter(binding))
      return model === undefined || model.dynamicAttributes ? UNKNOWN : this.selfType(model);
    const isMethod = model !== undefined && !info.decorators.includes('staticmethod');
    if (isMethod && binding.index === 0) return UNKNOWN;
    if (isMethod && model !== undefined) {
      const hook = this.hookParameterType(model, info.name, info.parameters.length - 1, binding.index - 1);
      if (hook.kind !== 'unknown') return hook;
    }
    const parameter = info.parameters[binding.index];
    if (parameter?.annotation !== undefined)
      return this.annotationType(parameter.annotation, info.outerScope);
    // By convention only: the algorithm passed to helpers (SymbolData(algorithm, symbol)); findings are warnings.
    if (parameter?.name === 'algorithm') {
      return { kind: 'algorithm', receiver: { ...this.context.hookAlgorithm, certain: false } };
    }
    return UNKNOWN;
  }

  /**
   * A parameter annotated with a LEAN type: the algorithm for QCAlgorithm/IAlgorithm, else an instance of the
   * type, unless a project class derives from it (the argument may then carry the subclass's attributes).
   */
  private annotationType(annotation: PlainNode, scope: Scope): ValueType {
    const annotated = this.typeOf(annotation, scope);
    if (annotated.kind !== 'type' || annotated.keys.length !== 1) return UNKNOWN;
    const [key] = annotated.keys;
    if (key === undefined) return UNKNOWN;
    if (this.context.algorithmParameterKeys.has(key)) {
      return { kind: 'algorithm', receiver: this.context.hookAlgorithm };
    }
    for (const model of this.context.models.values()) {
      if (model.role.kind === 'lean' && model.role.typeKey === key) return UNKNOWN;
    }
    return { kind: 'instance', key };
  }

  /** `self` in a method of the class. */
  selfType(model: ClassModel): ValueType {
    let type = this.selfTypes.get(model);
    if (type === undefined) {
      type = this.computeSelfType(model);
      this.selfTypes.set(model, type);
    }
    return type;
  }

  private computeSelfType(model: ClassModel): ValueType {
    const role = model.role;
    if (role.kind === 'algorithm') {
      const hook = this.context.hookAlgorithm;
      const userNames = new Set([...model.familyNames, ...hook.userNames]);
      return {
        kind: 'algorithm',
        receiver: { certain: role.basesKnown && !this.context.usesReflection, userNames, model },
      };
    }
    if (role.kind === 'lean' && role.typeKey !== undefined && !role.fromPythonModule && role.basesKnown) {
      return { kind: 'instance', key: role.typeKey, model };
    }
    return UNKNOWN;
  }

  /**
   * A parameter of a method that overrides a LEAN hook (AlphaModel.update's algorithm and data,
   * QCAlgorithm.on_data's slice): the hook's parameter type, when every matching overload agrees.
   */
  private hookParameterType(model: ClassModel, method: string, count: number, index: number): ValueType {
    const role = model.role;
    const baseKey =
      role.kind === 'algorithm' ? this.context.algorithmKey : role.kind === 'lean' ? role.typeKey : undefined;
    if (baseKey === undefined) return UNKNOWN;
    const resolved = this.context.catalog.members(baseKey)?.lookup(method);
    if (resolved === undefined || resolved.member.kind !== 'method' || resolved.member.virtual !== true)
      return UNKNOWN;
    const keys = new Set<string | null>();
    for (const overload of resolved.member.overloads ?? []) {
      if (overload.params.length !== count) continue;
      keys.add(overload.param_keys?.[index] ?? null);
    }
    const [key] = keys;
    if (keys.size !== 1 || key === undefined || key === null) return UNKNOWN;
    if (this.context.algorithmParameterKeys.has(key)) {
      return { kind: 'algorithm', receiver: this.context.hookAlgorithm };
    }
    return { kind: 'instance', key };
  }

  /** The type of `value.name`. */
  memberType(value: ValueType, name: string): ValueType {
    if (isDunder(name)) return UNKNOWN;
    switch (value.kind) {
      case 'algorithm': {
        if (value.receiver.userNames.has(name)) {
          return value.receiver.model === undefined
            ? UNKNOWN
            : this.attributeType(value.receiver.model, name);
        }
        const resolved = this.context.catalog.members(this.context.algorithmKey)?.lookup(name);
        return resolved === undefined ? UNKNOWN : this.resolvedType(resolved, value, name);
      }
      case 'instance': {
        if (value.model?.familyNames.has(name)) return this.attributeType(value.model, name);
        const resolved = this.context.catalog.members(value.key)?.lookup(name);
        return resolved === undefined ? UNKNOWN : this.resolvedType(resolved, value, name);
      }
      case 'type': {
        for (const key of value.keys) {
          const resolved = this.context.catalog.members(key)?.lookup(name);
          if (resolved !== undefined) return this.resolvedType(resolved, value, name);
        }
        return UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private resolvedType(resolved: ResolvedMember, receiver: ValueType, spelled: string): ValueType {
    const member = resolved.member;
    switch (member.kind) {
      case 'property':
      case 'field':
        return member.type_key === undefined ? UNKNOWN : { kind: 'instance', key: member.type_key };
      case 'nested_type': {
        const keys =
          member.type === undefined ? [] : typeof member.type === 'string' ? [member.type] : member.type;
        return keys.length > 0 ? { kind: 'type', keys } : UNKNOWN;
      }
      case 'method':
        return { kind: 'method', receiver, resolved, spelled, typeArguments: undefined };
      default:
        return UNKNOWN;
    }
  }

  /** The type of a user attribute: what every `self.name = value` of the class family gives, if they agree. */
  private attributeType(model: ClassModel, name: string): ValueType {
    let byName = this.attributeTypes.get(model);
    if (byName === undefined) {
      byName = new Map();
      this.attributeTypes.set(model, byName);
    }
    const known = byName.get(name);
    if (known !== undefined) return known;
    byName.set(name, UNKNOWN);
    let merged: ValueType | undefined;
    for (const store of familyStores(model, name)) {
      if (store.value === undefined) {
        merged = UNKNOWN;
        break;
      }
      if (store.value.type === 'none') continue;
      const type = this.typeOf(store.value, store.scope);
      if (merged === undefined) merged = type;
      else if (!sameType(merged, type)) {
        merged = UNKNOWN;
        break;
      }
    }
    const result = weaken(merged ?? UNKNOWN);
    byName.set(name, result);
    return result;
  }

  private subscriptType(node: PlainNode, scope: Scope): ValueType {
    const value = fieldOf(node, 'value');
    if (value === undefined) return UNKNOWN;
    const base = this.typeOf(value, scope);
    const typeArguments = fieldsOf(node, 'subscript').length;
    if (base.kind === 'type') {
      const generic = base.keys.filter(
        (key) => (this.context.catalog.type(key)?.generic ?? 0) === typeArguments,
      );
      return generic.length > 0 ? { kind: 'type', keys: generic, typeArguments } : UNKNOWN;
    }
    if (base.kind === 'method') return { ...base, typeArguments };
    if (base.kind === 'instance') {
      const keys = new Set(this.context.catalog.members(base.key)?.indexerKeys ?? []);
      const [key] = keys;
      return keys.size === 1 && typeof key === 'string' ? { kind: 'instance', key } : UNKNOWN;
    }
    return UNKNOWN;
  }

  private callResult(node: PlainNode, scope: Scope, module: AnalyzedModule): ValueType {
    const callee = fieldOf(node, 'function');
    const argumentsNode = fieldOf(node, 'arguments');
    if (callee === undefined || argumentsNode === undefined) return UNKNOWN;
    const calleeType = this.typeOf(callee, scope);
    if (calleeType.kind === 'type') {
      const keys = calleeType.keys.filter((key) => {
        const type = this.context.catalog.type(key);
        return type !== undefined && (type.kind === 'class' || type.kind === 'struct') && !type.static;
      });
      const chosen =
        calleeType.typeArguments === undefined
          ? keys.filter((key) => this.context.catalog.type(key)?.generic === undefined)
          : keys;
      const [key] = chosen;
      return chosen.length === 1 && key !== undefined ? { kind: 'instance', key } : UNKNOWN;
    }
    if (calleeType.kind !== 'method') return UNKNOWN;
    const shape = callShapeOf(module.facts.tree, argumentsNode);
    const overloads = candidateOverloads(
      calleeType.resolved.member.overloads ?? [],
      calleeType.typeArguments,
    );
    const returned = new Set(
      overloads
        .filter((overload) => arityFits(overload, shape, calleeType.typeArguments))
        .map((overload) => overload.returns_key),
    );
    const [key] = returned;
    return returned.size === 1 && key !== undefined ? { kind: 'instance', key } : UNKNOWN;
  }
}

/** A value reached through an assignment: an algorithm there is no longer certain (warnings only). */
function weaken(type: ValueType): ValueType {
  if (type.kind === 'method') return { ...type, receiver: weaken(type.receiver) };
  if (type.kind !== 'algorithm' || !type.receiver.certain) return type;
  return { kind: 'algorithm', receiver: { ...type.receiver, certain: false } };
}
