import { type ArtifactRef, sha256Hex } from './artifact-store.js';
import { ArtifactError } from './errors.js';

/**
 * Checks that `key` is a relative POSIX path with plain segments, so that no store can be made to write
 * outside its root (disk) or under a surprising prefix (S3). Returns the key unchanged.
 */
export function assertArtifactKey(key: string): string {
  const problem = describeRelativePathProblem(key);
  if (problem) throw new ArtifactError(`Invalid artifact key ${JSON.stringify(key)}: ${problem}.`);
  return key;
}

/** Why `key` is not a plain relative POSIX path, or undefined when it is one. */
export function describeRelativePathProblem(key: string): string | undefined {
  if (key.length === 0) return 'it is empty';
  if (key.includes('\\')) return 'use forward slashes, not backslashes';
  if (key.includes('\0')) return 'it contains a NUL character';
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) return 'it must be relative, not absolute';
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty path segment';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
  }
  return undefined;
}

/** Checks size and sha256 of `bytes` against `ref`; throws an ArtifactError naming the key on a mismatch. */
export function verifyArtifact(ref: ArtifactRef, bytes: Buffer): Buffer {
  if (bytes.length !== ref.bytes) {
    throw new ArtifactError(`Artifact ${ref.key} has ${bytes.length} bytes where ${ref.bytes} were stored.`);
  }
  const actual = sha256Hex(bytes);
  if (actual !== ref.sha256) {
    throw new ArtifactError(`Artifact ${ref.key} has sha256 ${actual} where ${ref.sha256} was stored.`);
  }
  return bytes;
}
