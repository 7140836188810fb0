import type { SourceFile } from '../../agents/tasks.js';
import { classesOf, type ModuleName, moduleNamesOf, type PythonClass } from '../python/definitions.js';
import { importsOf, type PythonImport } from '../python/imports.js';
import { type ParsedPythonFile, parsePythonFile } from '../python/parser.js';

/** A parsed project .py file and what the cross-file rules need from it. */
export interface PythonModule {
  file: SourceFile;
  /** The import name: `alpha` for alpha.py, `utils.math` for utils/math.py. */
  name: string;
  parsed: ParsedPythonFile;
  hasSyntaxErrors: boolean;
  /** Names bound at top level, which `from module import name` can import. */
  names: Map<string, ModuleName>;
  classes: PythonClass[];
  imports: PythonImport[];
}

/** The import name of a project file (`utils/math.py` → `utils.math`), or undefined for a non-.py file. */
export function moduleNameOf(fileName: string): string | undefined {
  if (!fileName.endsWith('.py')) return undefined;
  return fileName.slice(0, -'.py'.length).split('/').join('.');
}

/** Parses a project .py file and summarises its definitions and imports. */
export function analyzePythonModule(file: SourceFile, name: string): PythonModule {
  const parsed = parsePythonFile(file);
  const root = parsed.tree.rootNode;
  try {
    return {
      file,
      name,
      parsed,
      hasSyntaxErrors: parsed.diagnostics.length > 0,
      names: moduleNamesOf(root),
      classes: classesOf(root),
      imports: importsOf(root),
    };
  } catch (error) {
    parsed.tree.delete();
    throw error;
  }
}
