import { topLevelModule } from '../environment/python-environment.js';
import type { ClassBase, PythonClass, PythonFunction } from '../python/definitions.js';
import { resolveImport } from './import-resolution.js';
import type { Project } from './project.js';
import type { PythonModule } from './python-module.js';

/** What a base class name refers to: a LEAN type, a class of the project, or something the validator cannot see. */
export type ResolvedBase =
  | { kind: 'lean'; name: string }
  | { kind: 'project'; module: PythonModule; definition: PythonClass }
  | { kind: 'unknown' };

/** Resolves `class A(Base)`'s Base: a class of the same module, one imported from a project module, or LEAN's. */
export function resolveBase(project: Project, module: PythonModule, base: ClassBase): ResolvedBase {
  if (base.node.type === 'identifier') return resolveClassName(project, module, base.text, new Set());
  if (base.node.type === 'attribute') return resolveDottedBase(project, module, base);
  return { kind: 'unknown' };
}

function resolveClassName(
  project: Project,
  module: PythonModule,
  name: string,
  visited: Set<string>,
): ResolvedBase {
  const key = `${module.name}:${name}`;
  if (visited.has(key)) return { kind: 'unknown' };
  visited.add(key);
  // When a module defines a class name twice, the later definition is the one the name refers to.
  const own = module.classes.filter((definition) => definition.name === name).at(-1);
  if (own !== undefined) return { kind: 'project', module, definition: own };
  for (const pythonImport of module.imports) {
    if (pythonImport.kind !== 'from' || pythonImport.runs !== 'on-load') continue;
    const imported = pythonImport.names.find((entry) => (entry.alias ?? entry.name) === name);
    if (imported === undefined) continue;
    const target = resolveImport(project, module, pythonImport);
    if (target.kind === 'module') return resolveClassName(project, target.module, imported.name, visited);
    if (target.kind === 'external' && project.environment.leanModules.has(topLevelModule(target.name))) {
      return { kind: 'lean', name: imported.name };
    }
    return { kind: 'unknown' };
  }
  if (module.names.has(name)) return { kind: 'unknown' };
  const environment = project.environment;
  if (environment.algorithmBaseClasses.has(name) || environment.algorithmImportsNames.has(name)) {
    return { kind: 'lean', name };
  }
  return starImportedClass(project, module, name, visited);
}

/** The class `from helpers import *` brings into `module` under `name`, following project modules only. */
function starImportedClass(
  project: Project,
  module: PythonModule,
  name: string,
  visited: Set<string>,
): ResolvedBase {
  for (const pythonImport of module.imports) {
    if (!pythonImport.star || pythonImport.runs !== 'on-load') continue;
    const target = resolveImport(project, module, pythonImport);
    if (target.kind !== 'module') continue;
    const found = resolveClassName(project, target.module, name, visited);
    if (found.kind === 'project') return found;
  }
  return { kind: 'unknown' };
}

function resolveDottedBase(project: Project, module: PythonModule, base: ClassBase): ResolvedBase {
  const qualifier = base.text.slice(0, base.text.length - base.simpleName.length - 1).replace(/\s+/g, '');
  for (const pythonImport of module.imports) {
    if (pythonImport.kind !== 'import' || pythonImport.runs !== 'on-load') continue;
    if ((pythonImport.alias ?? pythonImport.module) !== qualifier) continue;
    const target = resolveImport(project, module, pythonImport);
    if (target.kind === 'module') return resolveClassName(project, target.module, base.simpleName, new Set());
  }
  if (project.environment.leanModules.has(topLevelModule(qualifier)))
    return { kind: 'lean', name: base.simpleName };
  return { kind: 'unknown' };
}

/** `yes` when the class derives (through project classes) from a LEAN type named in `targets`. */
export function derivesFrom(
  project: Project,
  module: PythonModule,
  definition: PythonClass,
  targets: ReadonlySet<string>,
  visited: Set<PythonClass> = new Set(),
): 'yes' | 'no' | 'unknown' {
  if (visited.has(definition)) return 'unknown';
  visited.add(definition);
  let result: 'no' | 'unknown' = 'no';
  for (const base of definition.bases) {
    if (targets.has(base.simpleName) && base.node.type !== 'subscript') return 'yes';
    const resolved = resolveBase(project, module, base);
    let found: 'yes' | 'no' | 'unknown' = 'unknown';
    if (resolved.kind === 'lean') found = targets.has(resolved.name) ? 'yes' : 'no';
    else if (resolved.kind === 'project') {
      found = derivesFrom(project, resolved.module, resolved.definition, targets, visited);
    }
    if (found === 'yes') return 'yes';
    if (found === 'unknown') result = 'unknown';
  }
  return result;
}

/** A method the class defines or inherits from project classes; `unknown` when a base is out of sight. */
export function findMethod(
  project: Project,
  module: PythonModule,
  definition: PythonClass,
  names: readonly string[],
  visited: Set<PythonClass> = new Set(),
): PythonFunction | 'missing' | 'unknown' {
  for (const name of names) {
    const method = definition.methods.get(name);
    if (method !== undefined) return method;
  }
  if (visited.has(definition)) return 'unknown';
  visited.add(definition);
  let result: 'missing' | 'unknown' = 'missing';
  for (const base of definition.bases) {
    const resolved = resolveBase(project, module, base);
    if (resolved.kind === 'unknown') result = 'unknown';
    if (resolved.kind !== 'project') continue;
    const found = findMethod(project, resolved.module, resolved.definition, names, visited);
    if (found !== 'missing') return found;
  }
  return result;
}
