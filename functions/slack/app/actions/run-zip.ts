import { runKeys } from '../../../pipeline/project-files.js';
import { readRunSnapshot } from '../../../pipeline/run-snapshot.js';
import { type ArtifactRef, type ArtifactStore, readRef } from '../../../shared/artifact-store.js';

/** What a finished run left to download: its zip, no zip, or no record of the run at all. */
export type RunZip =
  | { status: 'found'; zip: ArtifactRef; fileName: string }
  | { status: 'no-zip'; location: string }
  | { status: 'unknown-run' };

function fileNameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/**
 * Finds a finished run's zip: its record names it; a record written before records named zips leads to
 * the run's folder, searched for the zip the Package stage writes (`<runId>/<projectName>.zip`).
 */
export async function findRunZip(store: ArtifactStore, runId: string): Promise<RunZip> {
  const snapshot = await readRunSnapshot(store, runId);
  if (!snapshot) return { status: 'unknown-run' };
  if (snapshot.zip) return { status: 'found', zip: snapshot.zip, fileName: fileNameOf(snapshot.zip.key) };
  // Taken only for records written before records named zips: list the run's keys, then read the zip alone.
  const keys = await store.list(runId);
  const expected = snapshot.plan ? runKeys.zip(runId, snapshot.plan.projectName) : undefined;
  const topLevelZip = (key: string) => /^[^/]+\/[^/]+\.zip$/.test(key);
  const zipKey = keys.find((key) => key === expected) ?? keys.find(topLevelZip);
  const zip = zipKey === undefined ? undefined : await readRef(store, zipKey);
  if (zip) return { status: 'found', zip, fileName: fileNameOf(zip.key) };
  return { status: 'no-zip', location: store.locate(runKeys.projectFile(runId, '').replace(/\/$/, '')) };
}
