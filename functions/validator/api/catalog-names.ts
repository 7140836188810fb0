import type { LeanCatalog } from '../catalog/lean-catalog.js';
import { topLevelModule } from '../environment/python-environment.js';
import { resolveImport } from '../project/import-resolution.js';
import { starImportsLean } from '../project/module-exports.js';
import type { Project } from '../project/project.js';
import type { PythonModule } from '../project/python-module.js';

/**
 * Which LEAN types a module's free names (bound in none of its scopes) refer to: the catalog's globals, when
 * the module star-imports AlgorithmImports (or a QuantConnect namespace), unless a star import of a project
 * module or of a library might bring the same name. A module with no such import at all is read as if it had
 * `from AlgorithmImports import *` (the missing-algorithm-imports rule says to add it): snippets often leave
 * the header out, and a free `Resolution` can mean nothing else.
 */
export type CatalogNameResolver = (name: string) => readonly string[];

const NONE: readonly string[] = [];

/**
 * Standard-library modules whose star exports are few and known, none of them a LEAN global name
 * (datetime: date, datetime, time, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR; math: functions and
 * constants; decimal: Decimal and its contexts; typing: type hints). Star-importing one hides nothing.
 */
const HARMLESS_STAR_MODULES = new Set(['datetime', 'math', 'decimal', 'typing']);

/** The resolver for one module's free names. */
export function catalogNameResolver(
  project: Project,
  module: PythonModule,
  catalog: LeanCatalog,
): CatalogNameResolver {
  if (starImportsLean(project, module) === 'unknown') return () => NONE;
  const shadowing: PythonModule[] = [];
  for (const pythonImport of module.imports) {
    if (!pythonImport.star || pythonImport.runs === 'never') continue;
    const target = resolveImport(project, module, pythonImport);
    if (target.kind === 'module') shadowing.push(target.module);
    else if (
      target.kind === 'external' &&
      !project.environment.leanModules.has(topLevelModule(target.name)) &&
      !HARMLESS_STAR_MODULES.has(target.name)
    ) {
      // A library's star import may rebind any name: no free name is known for certain.
      return () => NONE;
    }
  }
  return (name) => {
    if (shadowing.some((other) => other.names.has(name))) return NONE;
    return catalog.globalKeys(name);
  };
}
