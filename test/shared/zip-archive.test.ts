import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { ArtifactError } from '../../functions/shared/errors.js';
import { createZipArchive } from '../../functions/shared/zip-archive.js';

interface ReadEntry {
  name: string;
  content: Buffer;
  modified: Date;
}

/** Reads every entry of a zip held in memory, in archive order. */
function readZip(zip: Buffer): Promise<ReadEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (openError, archive) => {
      if (openError) return reject(openError);
      const entries: ReadEntry[] = [];
      archive.on('error', reject);
      archive.on('end', () => resolve(entries));
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({
              name: entry.fileName,
              content: Buffer.concat(chunks),
              modified: entry.getLastModDate(),
            });
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
}

const projectFiles = [
  { name: 'main.py', content: 'from AlgorithmImports import *\n' },
  { name: 'alpha.py', content: 'class MomentumAlphaModel(AlphaModel):\n    pass\n' },
  { name: 'README.md', content: '# Momentum top 100\n' },
  { name: 'data/weights.bin', content: Buffer.from([0, 1, 2, 253, 254, 255]) },
];

describe('createZipArchive', () => {
  it('holds every entry with its exact content, sorted by name', async () => {
    // Act
    const zip = await createZipArchive(projectFiles);
    const entries = await readZip(zip);

    // Assess
    expect(entries.map((entry) => entry.name)).toEqual([
      'README.md',
      'alpha.py',
      'data/weights.bin',
      'main.py',
    ]);
    for (const file of projectFiles) {
      const entry = entries.find((candidate) => candidate.name === file.name);
      expect(entry?.content.equals(Buffer.from(file.content))).toBe(true);
    }
  });

  it('puts entries under the root folder when one is given', async () => {
    // Act
    const zip = await createZipArchive(projectFiles, { root: 'momentum-top-100' });
    const names = (await readZip(zip)).map((entry) => entry.name);

    // Assess
    expect(names).toEqual([
      'momentum-top-100/README.md',
      'momentum-top-100/alpha.py',
      'momentum-top-100/data/weights.bin',
      'momentum-top-100/main.py',
    ]);
  });

  it('gives identical bytes for the same input in any order, and different bytes for other content', async () => {
    // Act
    const first = await createZipArchive(projectFiles, { root: 'momentum-top-100' });
    const second = await createZipArchive([...projectFiles].reverse(), { root: 'momentum-top-100' });
    const changed = await createZipArchive([...projectFiles, { name: 'risk.py', content: 'x = 1\n' }], {
      root: 'momentum-top-100',
    });

    // Assess
    expect(first.equals(second)).toBe(true);
    expect(first.equals(changed)).toBe(false);
  });

  it('stamps the given modification time on every entry', async () => {
    // Prepare
    const mtime = new Date(Date.UTC(2024, 4, 17, 9, 30, 0));

    // Act
    const entries = await readZip(await createZipArchive(projectFiles, { mtime }));

    // Assess
    for (const entry of entries) {
      // DOS timestamps carry wall-clock fields, which the reader turns into local time.
      expect([entry.modified.getFullYear(), entry.modified.getMonth(), entry.modified.getDate()]).toEqual([
        2024, 4, 17,
      ]);
      expect([entry.modified.getHours(), entry.modified.getMinutes()]).toEqual([9, 30]);
    }
  });

  it.each(['/main.py', '../main.py', 'src/../../main.py', 'src//main.py', 'src\\main.py', ''])(
    'refuses the entry name %j',
    async (name) => {
      // Act
      const zipping = createZipArchive([{ name, content: 'x' }]);

      // Assess
      await expect(zipping).rejects.toBeInstanceOf(ArtifactError);
    },
  );

  it('refuses a root folder that escapes, and a name given twice', async () => {
    // Act
    const escaping = createZipArchive(projectFiles, { root: '../elsewhere' });
    const doubled = createZipArchive([...projectFiles, { name: 'main.py', content: 'again' }]);

    // Assess
    await expect(escaping).rejects.toThrow(/root/);
    await expect(doubled).rejects.toThrow(/main\.py.*twice/);
  });
});
