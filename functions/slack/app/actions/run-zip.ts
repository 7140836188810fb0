import { runKeys } from '../../../pipeline/project-files.js';
import { readRunSnapshot } from '../../../pipeline/run-snapshot.js';
import type { ArtifactRef, ArtifactStore } from '../../../shared/artifact-store.js';

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
  // Slow path (the S3 store reads every listed object to hash it), taken only for records without a zip.
  const refs = await store.list(runId);
  const expected = snapshot.plan ? runKeys.zip(runId, snapshot.plan.projectName) : undefined;
  const topLevelZip = (ref: ArtifactRef) => /^[^/]+\/[^/]+\.zip$/.test(ref.key);
  const zip = refs.find((ref) => ref.key === expected) ?? refs.find(topLevelZip);
  if (zip) return { status: 'found', zip, fileName: fileNameOf(zip.key) };
  return { status: 'no-zip', location: store.locate(runKeys.projectFile(runId, '').replace(/\/$/, '')) };
}
