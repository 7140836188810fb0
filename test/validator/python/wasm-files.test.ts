import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  WASM_DIRECTORY_ENV,
  WASM_FILES,
  wasmFilePaths,
} from '../../../functions/validator/python/wasm-files.js';

const PYTHON_LANGUAGE = fileURLToPath(
  new URL('../../../functions/validator/python/python-language.ts', import.meta.url),
);

/** Imports the parser module in a fresh Node process with `directory` as the WebAssembly folder. */
function importParserWith(directory: string) {
  const script = `const { pythonParser } = await import(${JSON.stringify(PYTHON_LANGUAGE)}); console.log(pythonParser().parse('x = 1').rootNode.type);`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, [WASM_DIRECTORY_ENV]: directory },
    timeout: 20_000,
  });
}

describe('wasmFilePaths', () => {
  it('finds both files in the installed packages when no folder is set', () => {
    // Act
    const paths = wasmFilePaths({});

    // Assess
    expect(basename(paths.runtime)).toBe(WASM_FILES.runtime.fileName);
    expect(basename(paths.grammar)).toBe(WASM_FILES.grammar.fileName);
    expect(existsSync(paths.runtime) && existsSync(paths.grammar)).toBe(true);
  });

  it('looks in the folder the environment names (a Lambda bundle has no node_modules)', () => {
    // Act
    const paths = wasmFilePaths({ [WASM_DIRECTORY_ENV]: join('task', 'root') });

    // Assess
    expect(paths).toEqual({
      runtime: join('task', 'root', 'tree-sitter.wasm'),
      grammar: join('task', 'root', 'tree-sitter-python.wasm'),
    });
  });
});

describe('loading the parser', () => {
  it('loads from a folder holding only the two files, and names the variable when they are missing', () => {
    // Prepare
    const folder = mkdtempSync(join(tmpdir(), 'quantcoder-wasm-'));
    const empty = mkdtempSync(join(tmpdir(), 'quantcoder-wasm-'));
    const installed = wasmFilePaths({});
    copyFileSync(installed.runtime, join(folder, WASM_FILES.runtime.fileName));
    copyFileSync(installed.grammar, join(folder, WASM_FILES.grammar.fileName));

    try {
      // Act
      const loaded = importParserWith(folder);
      const missing = importParserWith(empty);

      // Assess
      expect(loaded.stdout.trim()).toBe('module');
      expect(loaded.status).toBe(0);
      expect(missing.status).not.toBe(0);
      expect(missing.stderr).toContain('ConfigurationError');
      expect(missing.stderr).toContain(WASM_DIRECTORY_ENV);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
