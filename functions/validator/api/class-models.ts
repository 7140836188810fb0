import type { LeanCatalog } from '../catalog/lean-catalog.js';
import { resolveBase } from '../project/class-hierarchy.js';
import type { Project } from '../project/project.js';
import type { PythonModule } from '../project/python-module.js';
import type { ClassBase } from '../python/definitions.js';
import type { CatalogNameResolver } from './catalog-names.js';
import type { AttributeStore, ClassInfo, ModuleFacts } from './scopes.js';

/** What a project class is to the API checks. */
export type ClassRole =
  /** Derives from QCAlgorithm: `self` is the algorithm. `basesKnown`: every base is in sight. */
  | { kind: 'algorithm'; basesKnown: boolean }
  /**
   * Derives from another LEAN type (AlphaModel, PythonData, ...). `typeKey` is the catalog type (for a class of
   * LEAN's Python modules, the C# type of the same name, if any); `fromPythonModule` when it is such a class.
   */
  | { kind: 'lean'; typeKey: string | undefined; fromPythonModule: boolean; basesKnown: boolean }
  /** `basesKnown`: its bases are plain project classes (or none), so its attributes are all in sight. */
  | { kind: 'other'; basesKnown: boolean };

/** A project class with its role and the names its family (project ancestors and descendants) defines. */
export interface ClassModel {
  info: ClassInfo;
  module: PythonModule;
  facts: ModuleFacts;
  role: ClassRole;
  ancestors: ClassModel[];
  descendants: ClassModel[];
  /** Methods, class attributes and `self.X` stores of the class, its project ancestors and descendants. */
  familyNames: Set<string>;
  /** A family member defines __getattr__/__getattribute__: any attribute may exist. */
  dynamicAttributes: boolean;
}

/** A module with what the API checks derived from it. */
export interface AnalyzedModule {
  module: PythonModule;
  facts: ModuleFacts;
  catalogNames: CatalogNameResolver;
}

type BaseResolution =
  | { kind: 'algorithm' }
  | { kind: 'lean'; typeKey: string | undefined; fromPythonModule: boolean }
  | { kind: 'project'; model: ClassModel }
  | { kind: 'object' }
  | { kind: 'unknown' };

/** Models every class of the project's modules (nested classes get the role `other`). */
export function buildClassModels(
  project: Project,
  modules: readonly AnalyzedModule[],
  catalog: LeanCatalog,
): Map<ClassInfo, ClassModel> {
  const algorithmKeys = new Set(catalog.globalKeys('QCAlgorithm'));
  const models = new Map<ClassInfo, ClassModel>();
  const byDefinition = new Map<string, ClassModel>();
  for (const analyzed of modules) {
    for (const info of analyzed.facts.classes) {
      const model: ClassModel = {
        info,
        module: analyzed.module,
        facts: analyzed.facts,
        role: { kind: 'other', basesKnown: false },
        ancestors: [],
        descendants: [],
        familyNames: new Set(),
        dynamicAttributes: false,
      };
      models.set(info, model);
      if (info.topLevel) byDefinition.set(`${analyzed.module.name}:${info.name}`, model);
    }
  }
  const resolving = new Set<ClassModel>();
  const resolved = new Set<ClassModel>();
  const resolveRole = (model: ClassModel, analyzed: AnalyzedModule): void => {
    if (resolved.has(model) || resolving.has(model)) return;
    resolving.add(model);
    const definition = model.info.topLevel
      ? analyzed.module.classes.find((candidate) => candidate.name === model.info.name)
      : undefined;
    const bases = (definition?.bases ?? []).map((base) => resolveClassBase(project, analyzed, base));
    const ancestors = new Set<ClassModel>();
    for (const base of bases) {
      if (base.kind !== 'project') continue;
      const baseAnalyzed = modules.find((entry) => entry.module === base.model.module);
      if (baseAnalyzed !== undefined) resolveRole(base.model, baseAnalyzed);
      for (const ancestor of [base.model, ...base.model.ancestors])
        if (ancestor !== model) ancestors.add(ancestor);
    }
    model.ancestors = [...ancestors];
    model.role = roleOf(bases, definition === undefined);
    resolving.delete(model);
    resolved.add(model);
  };
  const resolveClassBase = (
    projectRef: Project,
    analyzed: AnalyzedModule,
    base: ClassBase,
  ): BaseResolution => {
    const resolvedBase = resolveBase(projectRef, analyzed.module, base);
    if (resolvedBase.kind === 'project') {
      const model = byDefinition.get(`${resolvedBase.module.name}:${resolvedBase.definition.name}`);
      return model === undefined ? { kind: 'unknown' } : { kind: 'project', model };
    }
    if (base.node.type !== 'identifier') {
      if (
        resolvedBase.kind === 'lean' &&
        catalog.globalKeys(resolvedBase.name).some((key) => algorithmKeys.has(key))
      )
        return { kind: 'algorithm' };
      return { kind: 'unknown' };
    }
    const name = base.text;
    const binding = analyzed.facts.moduleScope.bindings.get(name);
    let keys: readonly string[] = [];
    let fromPythonModule = false;
    if (binding === undefined) {
      if (name === 'object') return { kind: 'object' };
      keys = analyzed.catalogNames(name);
    } else if (binding.length === 1 && binding[0]?.kind === 'lean-import') {
      keys = catalog.globalKeys(binding[0].name);
    } else if (resolvedBase.kind === 'lean') {
      fromPythonModule = true;
      keys = catalog.globalKeys(resolvedBase.name);
    } else return { kind: 'unknown' };
    if (keys.some((key) => algorithmKeys.has(key)) && !fromPythonModule) return { kind: 'algorithm' };
    if (keys.length === 0 && !fromPythonModule) return { kind: 'unknown' };
    return { kind: 'lean', typeKey: keys[0], fromPythonModule };
  };
  for (const analyzed of modules) {
    for (const info of analyzed.facts.classes) {
      const model = models.get(info);
      if (model !== undefined) resolveRole(model, analyzed);
    }
  }
  for (const model of models.values())
    for (const ancestor of model.ancestors) ancestor.descendants.push(model);
  for (const model of models.values()) {
    const family = [model, ...model.ancestors, ...model.descendants];
    for (const member of family) for (const name of ownNames(member.info)) model.familyNames.add(name);
    model.dynamicAttributes = family.some(
      (member) => member.info.methods.has('__getattr__') || member.info.methods.has('__getattribute__'),
    );
  }
  return models;
}

function roleOf(bases: readonly BaseResolution[], unseen: boolean): ClassRole {
  if (unseen) return { kind: 'other', basesKnown: false };
  const basesKnown = bases.every(
    (base) =>
      base.kind === 'algorithm' ||
      base.kind === 'lean' ||
      base.kind === 'object' ||
      (base.kind === 'project' && base.model.role.basesKnown),
  );
  const algorithm = bases.some(
    (base) => base.kind === 'algorithm' || (base.kind === 'project' && base.model.role.kind === 'algorithm'),
  );
  if (algorithm) return { kind: 'algorithm', basesKnown };
  for (const base of bases) {
    if (base.kind === 'lean') return { ...base, basesKnown };
    if (base.kind === 'project' && base.model.role.kind === 'lean') return { ...base.model.role, basesKnown };
  }
  return { kind: 'other', basesKnown };
}

function ownNames(info: ClassInfo): Iterable<string> {
  return [...info.classNames, ...info.methods.keys(), ...info.selfStores.keys()];
}

/** The `self.name = ...` stores of a class family (the class, its project ancestors and descendants). */
export function familyStores(model: ClassModel, name: string): AttributeStore[] {
  const family = [model, ...model.ancestors, ...model.descendants];
  return family.flatMap((member) => member.info.selfStores.get(name) ?? []);
}
