import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Where a stored file lives and what it must hash to. The only way file contents travel through the state. */
export const ArtifactRef = z.object({
  key: z.string().min(1),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type ArtifactRef = z.infer<typeof ArtifactRef>;

export interface PutOptions {
  contentType?: string;
}

/** The artifact store port: a folder on disk locally, S3 in AWS. */
export interface ArtifactStore {
  /** Stores `body` under `key` and returns its reference. */
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<ArtifactRef>;
  /** Reads the bytes behind a reference and checks their sha256. */
  get(ref: ArtifactRef): Promise<Buffer>;
  /** A link a person can open: a file path locally, a presigned URL in S3. */
  link(ref: ArtifactRef, options?: { expiresInSeconds?: number }): Promise<string>;
  /** Where `key` lives, for messages ("files are in ..."). */
  locate(key: string): string;
  /** Keys of every artifact under the folder `prefix`, sorted; an empty list when there is none. */
  list(prefix: string): Promise<string[]>;
  /** The bytes stored under `key` as they are now (a key has no hash to check), or undefined when none are. */
  read(key: string): Promise<Buffer | undefined>;
}

/** sha256 of a body, lower-case hex. */
export function sha256Hex(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Reads a stored artifact as UTF-8 text. */
export async function getText(store: ArtifactStore, ref: ArtifactRef): Promise<string> {
  return (await store.get(ref)).toString('utf8');
}

/** Reads a stored artifact as JSON and parses it with `schema`. */
export async function getJson<T>(store: ArtifactStore, ref: ArtifactRef, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(JSON.parse(await getText(store, ref)));
}

/** Reads the JSON stored under `key` and parses it with `schema`; undefined when nothing is stored there. */
export async function readJson<T>(
  store: ArtifactStore,
  key: string,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  const bytes = await store.read(key);
  return bytes === undefined ? undefined : schema.parse(JSON.parse(bytes.toString('utf8')));
}

/** A reference to the bytes under `key` now (read and hashed), for a found file the state must hold. */
export async function readRef(store: ArtifactStore, key: string): Promise<ArtifactRef | undefined> {
  const bytes = await store.read(key);
  return bytes === undefined ? undefined : { key, sha256: sha256Hex(bytes), bytes: bytes.length };
}

/** Stores a value as pretty JSON. */
export function putJson(store: ArtifactStore, key: string, value: unknown): Promise<ArtifactRef> {
  return store.put(key, `${JSON.stringify(value, null, 2)}\n`, { contentType: 'application/json' });
}
