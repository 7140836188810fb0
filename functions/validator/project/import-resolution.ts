import type { PythonImport } from '../python/imports.js';
import type { Project } from './project.js';
import type { PythonModule } from './python-module.js';

/** What an import's module refers to. */
export type ImportTarget =
  | { kind: 'module'; module: PythonModule }
  /** A folder of project modules (utils for utils/math.py): a namespace package with no names of its own. */
  | { kind: 'package'; name: string }
  /** Not a project module: a library, or a module that does not exist. */
  | { kind: 'external'; name: string }
  /** `import alpha.x` where alpha is a project file, not a folder. */
  | { kind: 'not-a-package'; module: PythonModule; name: string }
  /** A relative import that names no project module (or climbs above the project root). */
  | { kind: 'relative-unresolved'; name: string };

/** The absolute module name an import refers to (`.alpha` in utils/x.py is utils.alpha); undefined above the root. */
export function absoluteModuleName(importer: PythonModule, pythonImport: PythonImport): string | undefined {
  if (pythonImport.level === 0) return pythonImport.module;
  const packageParts = importer.name.split('.').slice(0, -1);
  const climb = pythonImport.level - 1;
  if (climb > packageParts.length) return undefined;
  const base = packageParts.slice(0, packageParts.length - climb);
  const own = pythonImport.module === '' ? [] : pythonImport.module.split('.');
  return [...base, ...own].join('.');
}

/** Resolves an import's module against the project's files. */
export function resolveImport(
  project: Project,
  importer: PythonModule,
  pythonImport: PythonImport,
): ImportTarget {
  const name = absoluteModuleName(importer, pythonImport);
  const written = `${'.'.repeat(pythonImport.level)}${pythonImport.module}`;
  if (name === undefined) return { kind: 'relative-unresolved', name: written };
  const module = project.modules.get(name);
  if (module !== undefined) return { kind: 'module', module };
  if (name === '' || project.packages.has(name)) return { kind: 'package', name };
  const parts = name.split('.');
  for (let length = parts.length - 1; length >= 1; length -= 1) {
    const prefix = project.modules.get(parts.slice(0, length).join('.'));
    if (prefix !== undefined) return { kind: 'not-a-package', module: prefix, name };
  }
  if (pythonImport.level > 0) return { kind: 'relative-unresolved', name: written };
  return { kind: 'external', name };
}

/** The project module `from target import name` reaches when `name` is a submodule of a package target. */
export function submoduleOf(project: Project, target: ImportTarget, name: string): PythonModule | undefined {
  const base =
    target.kind === 'module' ? target.module.name : target.kind === 'package' ? target.name : undefined;
  if (base === undefined) return undefined;
  return project.modules.get(base === '' ? name : `${base}.${name}`);
}
