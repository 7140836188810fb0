import type { Node as SyntaxNode } from 'web-tree-sitter';
import { derivesFrom, type ResolvedBase, resolveBase } from '../project/class-hierarchy.js';
import type { Project } from '../project/project.js';
import type { PythonModule } from '../project/python-module.js';
import type { PythonClass } from '../python/definitions.js';
import type { PythonParameter } from '../python/parameters.js';
import { familiesOfLeanNames, type LeanFamily, type ModelFamily } from './lean-hooks.js';

/** The LEAN classes a class derives from, and whether every base could be followed. */
export interface LeanAncestry {
  names: ReadonlySet<string>;
  /** False when some base is neither a project class nor a LEAN class the validator knows. */
  complete: boolean;
}

/** A method as the pitfall rules read it. */
export interface ClassMethod {
  name: string;
  /** The function_definition node. */
  node: SyntaxNode;
  parameters: PythonParameter[];
  /** Under a decorator (staticmethod, property, ...), so LEAN's calls may not pass self. */
  decorated: boolean;
  /** The name of the first parameter (self), when it takes one. */
  selfName: string | undefined;
}

/** A top-level class of a cleanly parsed project module, with what LEAN makes of it. */
export interface ProjectClass {
  module: PythonModule;
  definition: PythonClass;
  /** The class_definition node. */
  node: SyntaxNode;
  isAlgorithm: boolean;
  ancestry: LeanAncestry;
  families: ModelFamily[];
  /** The families whose hooks LEAN calls on it: `algorithm` first for an algorithm, then `families`. */
  hookFamilies: LeanFamily[];
  methods: ClassMethod[];
}

const classesByProject = new WeakMap<Project, ProjectClass[]>();

/** Every top-level class of the project's modules without syntax errors; computed once per project. */
export function projectClasses(project: Project): ProjectClass[] {
  const cached = classesByProject.get(project);
  if (cached !== undefined) return cached;
  const classes: ProjectClass[] = [];
  for (const module of project.modules.values()) {
    if (module.hasSyntaxErrors) continue;
    for (const definition of module.classes) {
      const node = definition.node.parent;
      if (node === null) continue;
      const ancestry = leanAncestry(project, module, definition);
      const isAlgorithm =
        derivesFrom(project, module, definition, project.environment.algorithmBaseClasses) === 'yes';
      const families = familiesOfLeanNames(ancestry.names);
      classes.push({
        module,
        definition,
        node,
        isAlgorithm,
        ancestry,
        families,
        hookFamilies: isAlgorithm ? ['algorithm', ...families] : families,
        methods: methodsOf(definition),
      });
    }
  }
  classesByProject.set(project, classes);
  return classes;
}

/** The LEAN classes `definition` derives from, following its project bases. */
export function leanAncestry(
  project: Project,
  module: PythonModule,
  definition: PythonClass,
  visited: Set<PythonClass> = new Set(),
): LeanAncestry {
  const names = new Set<string>();
  let complete = true;
  if (visited.has(definition)) return { names, complete: false };
  visited.add(definition);
  for (const base of definition.bases) {
    if (base.node.type === 'identifier' && base.text === 'object') continue;
    const resolved = resolveBase(project, module, base);
    if (resolved.kind === 'lean') names.add(resolved.name);
    else if (resolved.kind === 'project') {
      const inherited = leanAncestry(project, resolved.module, resolved.definition, visited);
      for (const name of inherited.names) names.add(name);
      complete &&= inherited.complete;
    } else complete = false;
  }
  return { names, complete };
}

/** What a class name written in `module` refers to (`AlphaModel`, `alpha.MyAlpha`), star imports of project modules included. */
export function resolveClassReference(
  project: Project,
  module: PythonModule,
  reference: SyntaxNode,
): ResolvedBase {
  if (reference.type !== 'identifier' && reference.type !== 'attribute') return { kind: 'unknown' };
  const simpleName =
    reference.type === 'attribute' ? reference.childForFieldName('attribute')?.text : reference.text;
  if (simpleName === undefined) return { kind: 'unknown' };
  return resolveBase(project, module, { text: reference.text, simpleName, node: reference });
}

function methodsOf(definition: PythonClass): ClassMethod[] {
  const methods: ClassMethod[] = [];
  for (const method of definition.methods.values()) {
    const node = method.node.parent;
    if (node === null) continue;
    const first = method.parameters[0];
    const selfName =
      first !== undefined && (first.kind === 'positional' || first.kind === 'positional-only')
        ? first.name
        : undefined;
    const decorated = node.parent?.type === 'decorated_definition';
    methods.push({ name: method.name, node, parameters: method.parameters, decorated, selfName });
  }
  return methods;
}
