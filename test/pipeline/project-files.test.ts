import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKeys, unrecordedProjectFiles } from '../../functions/pipeline/project-files.js';
import type { ArtifactStore } from '../../functions/shared/artifact-store.js';
import { createDiskArtifactStore } from '../../functions/shared/disk-artifact-store.js';
import { freshState, projectFile } from './run-state-fixtures.js';

let folder: string;
let disk: ArtifactStore;
let read: string[];
/** The disk store, noting every key read. */
let store: ArtifactStore;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'quantcoder-project-files-'));
  disk = createDiskArtifactStore(folder);
  read = [];
  store = {
    ...disk,
    read(key) {
      read.push(key);
      return disk.read(key);
    },
  };
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('unrecordedProjectFiles', () => {
  it('finds the project files the state does not know, reading only those', async () => {
    // Prepare: the strategy file is recorded; a failed branch wrote alpha.py and the README; a stray file too.
    const known = projectFile('main.py', 'strategy');
    await disk.put(known.ref.key, '# main.py\n');
    const alpha = await disk.put(runKeys.projectFile('run-1', 'alpha.py'), 'class Alpha: pass\n');
    const readme = await disk.put(runKeys.projectFile('run-1', 'README.md'), '# Momentum\n');
    await disk.put(runKeys.projectFile('run-1', 'notes.txt'), 'not a project file\n');
    const state = freshState({ files: [known] });

    // Act
    const found = await unrecordedProjectFiles(state, { store });

    // Assess
    expect(found).toEqual([
      { name: 'README.md', owner: 'integration', ref: readme },
      { name: 'alpha.py', owner: 'alpha', ref: alpha },
    ]);
    expect(read).toEqual([readme.key, alpha.key]);
  });

  it('finds nothing when the run wrote no project file', async () => {
    // Act
    const found = await unrecordedProjectFiles(freshState(), { store });

    // Assess
    expect(found).toEqual([]);
    expect(read).toEqual([]);
  });
});
