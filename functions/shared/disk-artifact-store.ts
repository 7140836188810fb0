import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertArtifactKey, verifyArtifact } from './artifact-integrity.js';
import { type ArtifactStore, sha256Hex } from './artifact-store.js';
import { ArtifactError } from './errors.js';

/** An artifact store over a folder: each key is a file under `root`. The embedded default on one machine. */
export function createDiskArtifactStore(root: string): ArtifactStore {
  const absoluteRoot = path.resolve(root);
  const locate = (key: string): string => path.join(absoluteRoot, ...assertArtifactKey(key).split('/'));

  return {
    async put(key, body) {
      const target = locate(key);
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
      // A reader must never see half a file: write beside the target, then rename over it.
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(temporary, bytes);
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw new ArtifactError(`Could not write artifact ${key}.`, { cause: error });
      }
      return { key, sha256: sha256Hex(bytes), bytes: bytes.length };
    },

    async get(ref) {
      const file = locate(ref.key);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new ArtifactError(`Artifact ${ref.key} is missing (looked in ${file}).`, { cause: error });
      }
      return verifyArtifact(ref, bytes);
    },

    async link(ref) {
      return locate(ref.key);
    },

    locate,

    async read(key) {
      try {
        return await readFile(locate(key));
      } catch (error) {
        // A folder, or a file where the key needs a folder, holds no artifact under that key either.
        if (MISSING_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
        throw new ArtifactError(`Could not read artifact ${key}.`, { cause: error });
      }
    },

    async list(prefix) {
      const folder = locate(prefix);
      let entries: string[];
      try {
        entries = await readdir(folder, { recursive: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw new ArtifactError(`Could not list artifacts under ${prefix}.`, { cause: error });
      }
      const keys: string[] = [];
      for (const entry of entries) {
        // Temporary files belong to writes still under way.
        if (entry.endsWith('.tmp')) continue;
        const key = `${prefix}/${entry.split(path.sep).join('/')}`;
        if (await isFile(locate(key), key)) keys.push(key);
      }
      return keys.sort();
    },
  };
}

const MISSING_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR']);

/** Whether `file` is a file; folders have no bytes of their own, and a file gone since the listing is no more. */
async function isFile(file: string, key: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new ArtifactError(`Could not read artifact ${key}.`, { cause: error });
  }
}
