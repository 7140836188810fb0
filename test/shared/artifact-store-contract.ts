import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ArtifactRef,
  type ArtifactStore,
  getText,
  sha256Hex,
} from '../../functions/shared/artifact-store.js';
import { ArtifactError } from '../../functions/shared/errors.js';

/** What the contract needs from one store implementation. */
export interface ArtifactStoreHarness {
  store: ArtifactStore;
  /** Replaces the bytes stored under `key` behind the store's back. */
  tamper(key: string, body: Buffer): Promise<void>;
  /** Reads what a link from `store.link` points at. */
  follow(link: string): Promise<Buffer>;
  stop(): Promise<void>;
}

/** The behaviour every ArtifactStore must show, run once per implementation. */
export function describeArtifactStoreContract(
  name: string,
  start: () => Promise<ArtifactStoreHarness>,
): void {
  describe(`${name} (ArtifactStore contract)`, () => {
    let harness: ArtifactStoreHarness;
    let run = 0;
    // Each test writes under its own folder, so tests sharing one store cannot see each other's files.
    const keyFor = (file: string): string => {
      run += 1;
      return `contract-${run}/${file}`;
    };

    beforeAll(async () => {
      harness = await start();
    });
    afterAll(async () => {
      await harness?.stop();
    });

    it('stores text and reads it back with a matching reference', async () => {
      // Prepare
      const key = keyFor('reports/summary.md');
      const text = '# Momentum\n\nSharpe 1.2 — dépassé ✓\n';

      // Act
      const ref = await harness.store.put(key, text, { contentType: 'text/markdown' });
      const back = await getText(harness.store, ref);

      // Assess
      expect(ref).toEqual({ key, sha256: sha256Hex(text), bytes: Buffer.byteLength(text) });
      expect(back).toBe(text);
    });

    it('lists the keys under a folder, sorted, without the folders themselves', async () => {
      // Prepare
      const folder = keyFor('run').replace(/\/run$/, '/run');
      await harness.store.put(`${folder}/project/sub/alpha.py`, 'x = 2\n');
      await harness.store.put(`${folder}/project/main.py`, 'print(1)\n');
      await harness.store.put(`${folder}/plan.json`, '{}');

      // Act
      const listed = await harness.store.list(`${folder}/project`);
      const empty = await harness.store.list(`${folder}/nothing-here`);

      // Assess
      expect(listed).toEqual([`${folder}/project/main.py`, `${folder}/project/sub/alpha.py`]);
      expect(empty).toEqual([]);
    });

    it('reads the bytes under a listed key', async () => {
      // Prepare
      const folder = keyFor('run').replace(/\/run$/, '/run');
      const body = Buffer.from([0x50, 0x4b, 0, 255, 0x0a]);
      await harness.store.put(`${folder}/project/momentum.zip`, body);

      // Act
      const [key] = await harness.store.list(`${folder}/project`);
      const back = await harness.store.read(key ?? '');

      // Assess
      expect(key).toBe(`${folder}/project/momentum.zip`);
      expect(back?.equals(body)).toBe(true);
    });

    it('reads nothing under a key never written, nor under a folder', async () => {
      // Prepare
      const folder = keyFor('run').replace(/\/run$/, '/run');
      await harness.store.put(`${folder}/project/main.py`, 'print(1)\n');

      // Act
      const missing = await harness.store.read(`${folder}/never/written.json`);
      const folderRead = await harness.store.read(`${folder}/project`);

      // Assess
      expect(missing).toBeUndefined();
      expect(folderRead).toBeUndefined();
    });

    it('refuses to read an unsafe key', async () => {
      // Act
      const reading = harness.store.read('../outside.txt');

      // Assess
      await expect(reading).rejects.toBeInstanceOf(ArtifactError);
    });

    it('stores binary bytes unchanged', async () => {
      // Prepare
      const key = keyFor('project.zip');
      const body = Buffer.alloc(70_000);
      for (let index = 0; index < body.length; index += 1) body[index] = (index * 7919) % 256;

      // Act
      const ref = await harness.store.put(key, new Uint8Array(body));
      const back = await harness.store.get(ref);

      // Assess
      expect(ref.bytes).toBe(body.length);
      expect(back.equals(body)).toBe(true);
    });

    it('replaces an earlier body under the same key', async () => {
      // Prepare
      const key = keyFor('main.py');
      await harness.store.put(key, 'first = 1\n');

      // Act
      const ref = await harness.store.put(key, 'second = 2\n');

      // Assess
      expect(await getText(harness.store, ref)).toBe('second = 2\n');
    });

    it('detects bytes that no longer hash to the reference', async () => {
      // Prepare
      const key = keyFor('alpha.py');
      const ref = await harness.store.put(key, 'weight = 1\n');
      await harness.tamper(key, Buffer.from('weight = 9\n'));

      // Act
      const reading = harness.store.get(ref);

      // Assess
      await expect(reading).rejects.toBeInstanceOf(ArtifactError);
      await expect(harness.store.get(ref)).rejects.toThrow(/sha256/);
      await expect(harness.store.get(ref)).rejects.toThrow(key);
    });

    it('detects a body whose size differs from the reference', async () => {
      // Prepare
      const key = keyFor('risk.py');
      const ref = await harness.store.put(key, 'limit = 0.05\n');
      await harness.tamper(key, Buffer.from('limit = 0.5\n'));

      // Act
      const reading = harness.store.get(ref);

      // Assess
      await expect(reading).rejects.toThrow(new RegExp(`${ref.key}.*bytes`));
    });

    it('reports a missing artifact by its key', async () => {
      // Prepare
      const ref: ArtifactRef = { key: keyFor('never/written.json'), sha256: sha256Hex(''), bytes: 0 };

      // Act
      const reading = harness.store.get(ref);

      // Assess
      await expect(reading).rejects.toBeInstanceOf(ArtifactError);
      await expect(harness.store.get(ref)).rejects.toThrow(ref.key);
    });

    it.each([
      '/etc/passwd',
      '../outside.txt',
      'runs/../../outside.txt',
      'runs//main.py',
      'runs\\main.py',
      '',
      'a/./b',
    ])('refuses the key %j', async (key) => {
      // Act
      const writing = harness.store.put(key, 'x');

      // Assess
      await expect(writing).rejects.toBeInstanceOf(ArtifactError);
      await expect(harness.store.put(key, 'x')).rejects.toThrow(JSON.stringify(key));
    });

    it('gives a link that leads to the stored bytes', async () => {
      // Prepare
      const key = keyFor('bundle/momentum.zip');
      const body = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 255]);
      const ref = await harness.store.put(key, body, { contentType: 'application/zip' });

      // Act
      const link = await harness.store.link(ref);

      // Assess
      expect((await harness.follow(link)).equals(body)).toBe(true);
    });

    it('names the place a key lives', () => {
      // Act
      const place = harness.store.locate('runs/abc/main.py');

      // Assess
      expect(place.endsWith('runs/abc/main.py')).toBe(true);
    });
  });
}
