import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskArtifactStore } from '../../functions/shared/disk-artifact-store.js';
import { describeArtifactStoreContract } from './artifact-store-contract.js';

async function temporaryFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'quantcoder-disk-store-'));
}

describeArtifactStoreContract('disk artifact store', async () => {
  const root = await temporaryFolder();
  const store = createDiskArtifactStore(root);
  return {
    store,
    tamper: (key, body) => writeFile(store.locate(key), body),
    follow: (link) => readFile(link),
    stop: () => rm(root, { recursive: true, force: true }),
  };
});

describe('createDiskArtifactStore', () => {
  let root: string;

  beforeEach(async () => {
    root = await temporaryFolder();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes under the root, creating folders, and leaves no temporary file behind', async () => {
    // Prepare
    const store = createDiskArtifactStore(root);

    // Act
    await store.put('runs/run-1/files/main.py', 'print(1)\n');

    // Assess
    expect(await readFile(path.join(root, 'runs', 'run-1', 'files', 'main.py'), 'utf8')).toBe('print(1)\n');
    expect(await readdir(path.join(root, 'runs', 'run-1', 'files'))).toEqual(['main.py']);
  });

  it('links and locates by absolute path even when given a relative root', async () => {
    // Prepare
    const relativeRoot = path.relative(process.cwd(), root);
    const store = createDiskArtifactStore(relativeRoot);
    const ref = await store.put('result.json', '{}');

    // Act
    const link = await store.link(ref);
    const place = store.locate('result.json');

    // Assess
    expect(path.isAbsolute(link)).toBe(true);
    expect(link).toBe(path.join(root, 'result.json'));
    expect(place).toBe(link);
  });
});
