import yazl from 'yazl';
import { describeRelativePathProblem } from './artifact-integrity.js';
import { ArtifactError } from './errors.js';

export interface ZipEntry {
  /** Relative POSIX path inside the archive (or inside `root`), e.g. `main.py` or `docs/notes.md`. */
  name: string;
  content: Buffer | string;
}

export interface ZipOptions {
  /** A folder every entry goes under, e.g. `momentum-top-100`. */
  root?: string;
  /** Modification time stamped on every entry; fixed by default so equal input gives equal bytes. */
  mtime?: Date;
}

/** The fixed timestamp used when none is given. */
export const DEFAULT_ZIP_MTIME = new Date(Date.UTC(2000, 0, 1));

/** Builds a zip in memory, byte-for-byte deterministic: names sorted, one timestamp, fixed file modes. */
export async function createZipArchive(entries: ZipEntry[], options: ZipOptions = {}): Promise<Buffer> {
  const root =
    options.root === undefined ? undefined : assertEntryName(options.root.replace(/\/+$/, ''), 'root');
  const named = entries.map((entry) => ({
    path: root ? `${root}/${assertEntryName(entry.name, 'entry')}` : assertEntryName(entry.name, 'entry'),
    bytes: typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : entry.content,
  }));
  named.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
  for (let index = 1; index < named.length; index += 1) {
    if (named[index]?.path === named[index - 1]?.path) {
      throw new ArtifactError(`Zip entry ${JSON.stringify(named[index]?.path)} appears twice.`);
    }
  }

  const mtime = wallClockOf(options.mtime ?? DEFAULT_ZIP_MTIME);
  const zip = new yazl.ZipFile();
  for (const entry of named) {
    // forceDosTimestamp drops yazl's extra UTC field, the only field that would differ between machines.
    zip.addBuffer(entry.bytes, entry.path, {
      mtime,
      mode: 0o100644,
      compress: true,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  return collect(zip.outputStream);
}

function assertEntryName(name: string, what: 'root' | 'entry'): string {
  const problem = describeRelativePathProblem(name);
  if (problem) throw new ArtifactError(`Invalid zip ${what} name ${JSON.stringify(name)}: ${problem}.`);
  return name;
}

/**
 * DOS timestamps hold local wall-clock fields and yazl reads them from the local time zone; a Date whose
 * local fields equal the UTC fields of `instant` makes the bytes the same in every time zone.
 */
function wallClockOf(instant: Date): Date {
  return new Date(
    instant.getUTCFullYear(),
    instant.getUTCMonth(),
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
  );
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}
