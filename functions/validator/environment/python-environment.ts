import {
  ALGORITHM_BASE_CLASSES,
  ALGORITHM_IMPORTS_PYTHON_NAMES,
  COMMON_LEAN_NAMES,
  SYSTEM_NAMES,
} from './lean-names.js';
import { LEAN_MODULES, STANDARD_LIBRARY_MODULES, THIRD_PARTY_MODULES } from './python-modules.js';

/** What QuantConnect's Python provides to a project: the seam where catalog-based checks plug in fuller data. */
export interface PythonEnvironment {
  /** Top-level modules importable besides the project's own files. */
  availableModules: ReadonlySet<string>;
  /** Top-level modules LEAN provides; a star import of one brings LEAN's names into scope. */
  leanModules: ReadonlySet<string>;
  /** Names `from AlgorithmImports import *` binds that the validator knows of (a subset of all of them). */
  algorithmImportsNames: ReadonlySet<string>;
  /** QCAlgorithm and the names LEAN gives it. */
  algorithmBaseClasses: ReadonlySet<string>;
}

/** QuantConnect's cloud Python environment, from the lists in python-modules.ts and lean-names.ts. */
export const QUANTCONNECT_ENVIRONMENT: PythonEnvironment = {
  availableModules: new Set([...LEAN_MODULES, ...STANDARD_LIBRARY_MODULES, ...THIRD_PARTY_MODULES]),
  leanModules: new Set(LEAN_MODULES),
  algorithmImportsNames: new Set([...COMMON_LEAN_NAMES, ...SYSTEM_NAMES, ...ALGORITHM_IMPORTS_PYTHON_NAMES]),
  algorithmBaseClasses: new Set(ALGORITHM_BASE_CLASSES),
};

/** The first component of a dotted module name (`scipy` for `scipy.stats`). */
export function topLevelModule(module: string): string {
  return module.split('.')[0] ?? module;
}
