import { createRequire } from 'node:module';
import { join } from 'node:path';
import { optionalEnvironment } from '../../shared/environment.js';
import { ConfigurationError } from '../../shared/errors.js';

/**
 * The folder holding the two WebAssembly files, when they are not in node_modules: a Lambda bundle has no
 * node_modules, so the function's construct copies the files beside the bundle and sets this variable.
 */
export const WASM_DIRECTORY_ENV = 'QUANTCODER_WASM_DIR';

/** The WebAssembly files the Python parser loads: web-tree-sitter's runtime and the Python grammar. */
export const WASM_FILES = {
  runtime: { fileName: 'tree-sitter.wasm', packagePath: 'web-tree-sitter/tree-sitter.wasm' },
  grammar: { fileName: 'tree-sitter-python.wasm', packagePath: 'tree-sitter-python/tree-sitter-python.wasm' },
} as const;

/** Where each WebAssembly file is: in $QUANTCODER_WASM_DIR when it is set, else in the installed packages. */
export function wasmFilePaths(environment: NodeJS.ProcessEnv = process.env): {
  runtime: string;
  grammar: string;
} {
  const directory = optionalEnvironment(WASM_DIRECTORY_ENV, environment);
  if (directory !== undefined) {
    return {
      runtime: join(directory, WASM_FILES.runtime.fileName),
      grammar: join(directory, WASM_FILES.grammar.fileName),
    };
  }
  return {
    runtime: resolveInstalled(WASM_FILES.runtime.packagePath),
    grammar: resolveInstalled(WASM_FILES.grammar.packagePath),
  };
}

function resolveInstalled(packagePath: string): string {
  try {
    return createRequire(import.meta.url).resolve(packagePath);
  } catch (error) {
    throw new ConfigurationError(
      `Cannot find ${packagePath}: install the dependencies, or set ${WASM_DIRECTORY_ENV} to the folder that holds ${WASM_FILES.runtime.fileName} and ${WASM_FILES.grammar.fileName}.`,
      { cause: error },
    );
  }
}
