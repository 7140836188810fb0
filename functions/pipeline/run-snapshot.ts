import { z } from 'zod';
import { ArtifactRef, type ArtifactStore, putJson, readJson } from '../shared/artifact-store.js';
import { UserInputError } from '../shared/errors.js';
import type { Deps } from './deps.js';
import { ProjectFile, type RunRequest, RunState, SlackThread } from './run-state.js';

/**
 * What a later run needs from a finished one: its plan, its files, its QuantConnect project. Written when
 * a run ends, under the run and, for Slack runs, as its thread's latest run, so a reply in the thread or a
 * button on its summary can build on it.
 */
export const RunSnapshot = z.object({
  runId: z.string(),
  status: z.enum(['succeeded', 'failed']),
  finishedAt: z.string(),
  idea: z.string(),
  plan: RunState.shape.plan,
  files: z.array(ProjectFile),
  quantConnect: RunState.shape.quantConnect,
  thread: SlackThread.optional(),
  /** The run's zip, so a "Fresh download link" click can sign a new link without searching the run's files. */
  zip: ArtifactRef.optional(),
});
export type RunSnapshot = z.infer<typeof RunSnapshot>;

const SNAPSHOT_FILE = 'snapshot.json';

/** Folders (artifact-store prefixes) that hold exactly one snapshot each. */
export const snapshotFolders = {
  run: (runId: string) => `snapshots/runs/${runId}`,
  thread: (channel: string, threadTs: string) => `snapshots/threads/${channel}/${threadTs}`,
};

/** The thread a run reports into: the one its notifier opened, or the one the request came from. */
export function threadOf(state: RunState): { channel: string; threadTs: string } | undefined {
  if (state.thread) return { channel: state.thread.channel, threadTs: state.thread.ts };
  const slack = state.request.slack;
  return slack?.threadTs ? { channel: slack.channel, threadTs: slack.threadTs } : undefined;
}

/** Records a finished run, and makes it its thread's latest. */
export async function writeRunSnapshot(
  state: RunState,
  deps: Pick<Deps, 'store' | 'now'>,
  status: RunSnapshot['status'],
): Promise<void> {
  const snapshot: RunSnapshot = {
    runId: state.runId,
    status,
    finishedAt: deps.now().toISOString(),
    idea: state.request.idea,
    ...(state.plan ? { plan: state.plan } : {}),
    files: state.files,
    ...(state.quantConnect ? { quantConnect: state.quantConnect } : {}),
    ...(state.thread ? { thread: state.thread } : {}),
    ...(state.package ? { zip: state.package.zip } : {}),
  };
  await putJson(deps.store, `${snapshotFolders.run(state.runId)}/${SNAPSHOT_FILE}`, snapshot);
  // A deployment writes no new version of the project, so the thread's latest project stays the one deployed.
  const thread = state.deployment ? undefined : threadOf(state);
  if (thread) {
    await putJson(
      deps.store,
      `${snapshotFolders.thread(thread.channel, thread.threadTs)}/${SNAPSHOT_FILE}`,
      snapshot,
    );
  }
}

/** The snapshot in a folder, or undefined when there is none. */
function readSnapshotIn(store: ArtifactStore, folder: string): Promise<RunSnapshot | undefined> {
  return readJson(store, `${folder}/${SNAPSHOT_FILE}`, RunSnapshot);
}

/** The record of a finished run, or undefined while it runs, before run records existed, or once it expired. */
export function readRunSnapshot(store: ArtifactStore, runId: string): Promise<RunSnapshot | undefined> {
  return readSnapshotIn(store, snapshotFolders.run(runId));
}

/**
 * The earlier run a follow-up builds on: the one it names, or the latest run of its Slack thread. A
 * UserInputError says what to do when there is none.
 */
export async function findFollowedRun(request: RunRequest, deps: Pick<Deps, 'store'>): Promise<RunSnapshot> {
  const followUp = request.followUp;
  if (followUp?.runId) {
    const snapshot = await readRunSnapshot(deps.store, followUp.runId);
    if (!snapshot) {
      throw new UserInputError(
        `Run ${followUp.runId} has no record of a finished run to build on: it may still be running, or it was started before QuantCoder kept run records. Start a new run with /quantcoder <idea>.`,
      );
    }
    return snapshot;
  }
  const slack = request.slack;
  if (!slack?.threadTs) {
    throw new UserInputError(
      'A follow-up needs the run it builds on: a run id, or a Slack thread that holds a QuantCoder run.',
    );
  }
  const snapshot = await readSnapshotIn(deps.store, snapshotFolders.thread(slack.channel, slack.threadTs));
  if (!snapshot) {
    throw new UserInputError(
      'This thread has no finished QuantCoder run yet: wait for the run to end, or start one with /quantcoder <idea>.',
    );
  }
  return snapshot;
}
