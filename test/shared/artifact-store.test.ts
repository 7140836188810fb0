import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ArtifactStore,
  putJson,
  readJson,
  readRef,
  sha256Hex,
} from '../../functions/shared/artifact-store.js';
import { createDiskArtifactStore } from '../../functions/shared/disk-artifact-store.js';

const StageRecord = z.object({ stage: z.string() });

let folder: string;
let store: ArtifactStore;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'quantcoder-artifact-helpers-'));
  store = createDiskArtifactStore(folder);
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('readJson', () => {
  it('parses the JSON under a key, and gives undefined for a key never written', async () => {
    // Prepare
    await putJson(store, 'run-1/record.json', { stage: 'alpha' });

    // Act
    const record = await readJson(store, 'run-1/record.json', StageRecord);
    const missing = await readJson(store, 'run-1/other.json', StageRecord);

    // Assess
    expect(record).toEqual({ stage: 'alpha' });
    expect(missing).toBeUndefined();
  });

  it('refuses JSON that does not fit the schema', async () => {
    // Prepare
    await putJson(store, 'run-1/record.json', { stage: 7 });

    // Act
    const reading = readJson(store, 'run-1/record.json', StageRecord);

    // Assess
    await expect(reading).rejects.toBeInstanceOf(z.ZodError);
  });
});

describe('readRef', () => {
  it('makes the reference a put would have returned, and undefined for a key never written', async () => {
    // Prepare
    const put = await store.put('run-1/project.zip', Buffer.from('PK zip bytes'));

    // Act
    const ref = await readRef(store, 'run-1/project.zip');
    const missing = await readRef(store, 'run-1/other.zip');

    // Assess
    expect(ref).toEqual(put);
    expect(ref?.sha256).toBe(sha256Hex('PK zip bytes'));
    expect(missing).toBeUndefined();
  });
});
