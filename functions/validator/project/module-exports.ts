import { topLevelModule } from '../environment/python-environment.js';
import { resolveImport, submoduleOf } from './import-resolution.js';
import type { Project } from './project.js';
import type { PythonModule } from './python-module.js';

/** Whether `from module import name` finds the name: certainly, certainly not, or cannot tell. */
export type NameLookup = 'defined' | 'missing' | 'unknown';

/**
 * Looks a name up in a project module: its own top-level bindings, its submodules, then what its star
 * imports bring (other project modules, LEAN's names). A star import of a library makes the answer unknown.
 */
export function lookupModuleName(
  project: Project,
  module: PythonModule,
  name: string,
  visited: Set<string> = new Set(),
): NameLookup {
  if (module.names.has(name)) return 'defined';
  if (project.modules.has(`${module.name}.${name}`)) return 'defined';
  if (visited.has(module.name)) return 'missing';
  visited.add(module.name);
  let result: NameLookup = module.hasSyntaxErrors ? 'unknown' : 'missing';
  for (const pythonImport of module.imports) {
    if (!pythonImport.star || pythonImport.runs !== 'on-load') continue;
    const target = resolveImport(project, module, pythonImport);
    let found: NameLookup = 'unknown';
    if (target.kind === 'module') found = lookupModuleName(project, target.module, name, visited);
    else if (target.kind === 'package') found = submoduleOf(project, target, name) ? 'defined' : 'missing';
    else if (target.kind === 'external' && project.environment.leanModules.has(topLevelModule(target.name))) {
      found = project.environment.algorithmImportsNames.has(name) ? 'defined' : 'missing';
    }
    if (found === 'defined') return 'defined';
    if (found === 'unknown') result = 'unknown';
  }
  return result;
}

/** Whether a module's star imports (followed through project modules) bring LEAN's names into it. */
export function starImportsLean(
  project: Project,
  module: PythonModule,
  visited: Set<string> = new Set(),
): NameLookup {
  if (visited.has(module.name)) return 'missing';
  visited.add(module.name);
  let result: NameLookup = 'missing';
  for (const pythonImport of module.imports) {
    if (!pythonImport.star || pythonImport.runs === 'never') continue;
    const target = resolveImport(project, module, pythonImport);
    let found: NameLookup = 'unknown';
    if (target.kind === 'module') found = starImportsLean(project, target.module, visited);
    else if (target.kind === 'external') {
      const topLevel = topLevelModule(target.name);
      if (project.environment.leanModules.has(topLevel)) found = 'defined';
      else if (project.environment.availableModules.has(topLevel)) found = 'missing';
    } else if (target.kind === 'package') found = 'missing';
    if (found === 'defined') return 'defined';
    if (found === 'unknown') result = 'unknown';
  }
  return result;
}
