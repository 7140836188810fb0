import { readFile } from 'node:fs/promises';
import { Language, Parser } from 'web-tree-sitter';
import { ConfigurationError } from '../../shared/errors.js';
import { WASM_DIRECTORY_ENV, wasmFilePaths } from './wasm-files.js';

/*
 * The parser is WebAssembly (web-tree-sitter) rather than the native addon: one build runs on every
 * platform, including Lambda's, whose C++ runtime is older than the native prebuilds need. Loading it is
 * asynchronous, so it happens once, here, at module load (~40 ms), and parsing stays synchronous for
 * validateProject's callers.
 */

/** Reads a WebAssembly file, or says which file is missing and how to point at it. */
async function readWasm(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ConfigurationError(
      `The Python parser cannot read ${path}: install the dependencies, or set ${WASM_DIRECTORY_ENV} to the folder holding tree-sitter.wasm and tree-sitter-python.wasm.`,
      { cause: error },
    );
  }
}

async function loadPythonLanguage(): Promise<Language> {
  const paths = wasmFilePaths();
  const runtime = await readWasm(paths.runtime);
  const grammar = await readWasm(paths.grammar);
  // Handing over the bytes keeps emscripten from looking for the file next to its own (bundled) script.
  await Parser.init({ wasmBinary: runtime });
  return Language.load(grammar);
}

/** The Python grammar, loaded once per process. */
export const PYTHON_LANGUAGE: Language = await loadPythonLanguage();

let sharedParser: Parser | undefined;

/** One parser per process: parsing is synchronous and in memory, so one parser serves every call. */
export function pythonParser(): Parser {
  if (sharedParser === undefined) {
    const parser = new Parser();
    parser.setLanguage(PYTHON_LANGUAGE);
    sharedParser = parser;
  }
  return sharedParser;
}
