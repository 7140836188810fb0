import { z } from 'zod';
import { type ArtifactStore, putJson, readJson } from '../../shared/artifact-store.js';
import type { Logger } from '../../shared/logger.js';

/** One writer's outcome, as its own Lambda recorded it for the others to read. */
export const WriterProgress = z.object({
  stage: z.string(),
  status: z.enum(['succeeded', 'failed', 'skipped']),
  detail: z.string().optional(),
  at: z.string(),
});
export type WriterProgress = z.infer<typeof WriterProgress>;

/** The folder of a run's writer records; one file per writer, so parallel writers never write the same key. */
export function writerProgressFolder(runId: string): string {
  return `${runId}/slack/progress`;
}

/** Records one writer's outcome under the run. */
export async function recordWriterProgress(
  store: ArtifactStore,
  runId: string,
  progress: WriterProgress,
): Promise<void> {
  await putJson(store, `${writerProgressFolder(runId)}/${progress.stage}.json`, progress);
}

/**
 * Every writer's recorded outcome, by stage. A record that cannot be read (a stray file, or one gone
 * between the listing and the read) is left out: the next update reads it again.
 */
export async function readWriterProgress(
  store: ArtifactStore,
  runId: string,
  logger: Logger,
): Promise<Map<string, WriterProgress>> {
  const keys = await store.list(writerProgressFolder(runId));
  const records = await Promise.all(
    keys.map(async (key) => {
      try {
        return await readJson(store, key, WriterProgress);
      } catch (error) {
        logger.debug('writer progress record unreadable; skipped', {
          key,
          error: error instanceof Error ? error.message : String(error),
        });
        return undefined;
      }
    }),
  );
  return new Map(
    records.filter((record) => record !== undefined).map((record) => [record.stage, record] as const),
  );
}

/** A fingerprint of the records, to tell whether a second read found anything the first did not. */
export function progressFingerprint(records: ReadonlyMap<string, WriterProgress>): string {
  return [...records.values()]
    .map((record) => `${record.stage}:${record.status}`)
    .sort()
    .join(',');
}
