import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LEAN_CATALOG_URL } from '../../../functions/validator/catalog/catalog-file.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts', 'import-lean-catalog.mjs');
const SHARED_CATALOG = path.join(ROOT, '..', 'shared', 'qc-api', 'catalog.json');

const SMALL_CATALOG = {
  lean_commit: 'f'.repeat(40),
  lean_commit_date: '2026-08-21',
  pythonnet_version: '2.0.65',
  algorithm_imports: { python_names: { np: 'numpy', '*typing': 'typing.*' }, assign_aliases: {} },
  globals: { Widget: 'Test.Widget' },
  object_members: ['ToString', 'GetHashCode'],
  external_members: { IDisposable: ['Dispose'] },
  param_snake: { startDate: 'start_date' },
  types: {
    'Test.Widget': {
      name: 'Widget',
      kind: 'class',
      namespace: 'Test',
      src: ['Widget.cs'],
      members: {
        Start: {
          kind: 'method',
          static: false,
          py: 'start',
          arity: [1, 1],
          params: ['startDate'],
          overloads: [{ params: ['startDate'], types: ['DateTime'], arity: [1, 1], returns: 'void' }],
        },
      },
    },
  },
  python_modules: {},
};

function runScript(input: string, output: string): void {
  execFileSync(process.execPath, [SCRIPT, input, output], { stdio: 'pipe' });
}

describe('scripts/import-lean-catalog.mjs', () => {
  it('writes a header line and one line per type, without what the validator never reads', () => {
    // Prepare
    const folder = mkdtempSync(path.join(tmpdir(), 'import-catalog-'));
    const input = path.join(folder, 'catalog.json');
    const output = path.join(folder, 'out.txt.gz');
    writeFileSync(input, JSON.stringify(SMALL_CATALOG));

    // Act
    runScript(input, output);

    // Assess
    const [header, widget, end] = gunzipSync(readFileSync(output)).toString('utf8').split('\n');
    expect(JSON.parse(header ?? '{}')).toMatchObject({
      format: 1,
      lean_commit: 'f'.repeat(40),
      python_names: ['np'],
      object_members: {
        ToString: { kind: 'external', py: 'to_string' },
        GetHashCode: { py: 'get_hash_code' },
      },
      external_members: { IDisposable: { Dispose: { kind: 'external', py: 'dispose' } } },
    });
    expect(widget).toBe(
      'Test.Widget\t{"name":"Widget","kind":"class","members":{"Start":{"kind":"method","py":"start","overloads":[{"params":["startDate"],"arity":[1,1]}]}}}',
    );
    expect(end).toBe('');
  });

  it('gives the same bytes for the same input', () => {
    // Prepare
    const folder = mkdtempSync(path.join(tmpdir(), 'import-catalog-'));
    const input = path.join(folder, 'catalog.json');
    writeFileSync(input, JSON.stringify(SMALL_CATALOG));

    // Act
    runScript(input, path.join(folder, 'first.gz'));
    runScript(input, path.join(folder, 'second.gz'));

    // Assess
    expect(readFileSync(path.join(folder, 'first.gz'))).toEqual(readFileSync(path.join(folder, 'second.gz')));
  });

  it('rejects a file that is not a LEAN API catalog', () => {
    // Prepare
    const folder = mkdtempSync(path.join(tmpdir(), 'import-catalog-'));
    const input = path.join(folder, 'other.json');
    writeFileSync(input, JSON.stringify({ name: 'something else' }));

    // Act
    const run = () => runScript(input, path.join(folder, 'out.gz'));

    // Assess
    expect(run).toThrow(/is not a LEAN API catalog/);
  });

  it('shipped the file derived from the shared catalog, when the shared catalog is beside the repository', () => {
    // Prepare
    const folder = mkdtempSync(path.join(tmpdir(), 'import-catalog-'));
    const output = path.join(folder, 'derived.txt.gz');
    const shipped = readFileSync(LEAN_CATALOG_URL);

    // Act
    if (existsSync(SHARED_CATALOG)) runScript(SHARED_CATALOG, output);

    // Assess
    if (existsSync(SHARED_CATALOG)) expect(readFileSync(output).equals(shipped)).toBe(true);
    else expect(gunzipSync(shipped).toString('utf8', 0, 200)).toContain('"lean_commit":"24863901');
  });
});
