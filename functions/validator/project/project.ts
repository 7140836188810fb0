import type { FileContract } from '../../agents/plan.js';
import type { SourceFile } from '../../agents/tasks.js';
import type { PythonEnvironment } from '../environment/python-environment.js';
import { analyzePythonModule, moduleNameOf, type PythonModule } from './python-module.js';

/** Everything the rules look at: the files, their parsed modules, the plan's contract and the environment. */
export interface Project {
  files: readonly SourceFile[];
  /** The .py files by import name, in file order. */
  modules: ReadonlyMap<string, PythonModule>;
  /** Dotted prefixes of module names: `utils` when the project has utils/math.py. */
  packages: ReadonlySet<string>;
  contract: readonly FileContract[] | undefined;
  environment: PythonEnvironment;
}

/** Parses every .py file once; the rules share the result. Pass the project to releaseProject when done. */
export function buildProject(
  files: readonly SourceFile[],
  contract: readonly FileContract[] | undefined,
  environment: PythonEnvironment,
): Project {
  const modules = new Map<string, PythonModule>();
  const packages = new Set<string>();
  const project = { files, modules, packages, contract, environment };
  try {
    for (const file of files) {
      const name = moduleNameOf(file.name);
      if (name === undefined || modules.has(name)) continue;
      modules.set(name, analyzePythonModule(file, name));
      const parts = name.split('.');
      for (let length = 1; length < parts.length; length += 1) packages.add(parts.slice(0, length).join('.'));
    }
  } catch (error) {
    releaseProject(project);
    throw error;
  }
  return project;
}

/** Frees the syntax trees of a project's modules (WebAssembly memory, which no garbage collector frees). */
export function releaseProject(project: Project): void {
  for (const module of project.modules.values()) module.parsed.tree.delete();
}
