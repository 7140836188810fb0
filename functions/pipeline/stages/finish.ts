import { putJson } from '../../shared/artifact-store.js';
import { describeError } from '../../shared/errors.js';
import { notifyBestEffort } from '../../shared/notifier.js';
import { createZipArchive } from '../../shared/zip-archive.js';
import type { Deps } from '../deps.js';
import { loadSources, runKeys, unrecordedProjectFiles } from '../project-files.js';
import { buildRunReport } from '../run-report.js';
import { writeRunSnapshot } from '../run-snapshot.js';
import type { Failure, RunState } from '../run-state.js';
import type { Stage } from '../stage.js';
import type { StatePatch } from '../state-patch.js';

/** Seven days: the longest a SigV4 presigned link may live. */
const LINK_SECONDS = 7 * 24 * 3600;

async function packageProject(state: RunState, deps: Deps): Promise<StatePatch['package']> {
  const projectName = state.plan?.projectName ?? `quantcoder-${state.runId}`;
  const sources = await loadSources(state, deps);
  const zip = await createZipArchive(
    sources.map((source) => ({ name: source.name, content: source.content })),
    { root: projectName },
  );
  const ref = await deps.store.put(runKeys.zip(state.runId, projectName), zip, {
    contentType: 'application/zip',
  });
  return {
    zip: ref,
    fileName: `${projectName}.zip`,
    link: await deps.store.link(ref, { expiresInSeconds: LINK_SECONDS }),
  };
}

async function writeReport(state: RunState, deps: Deps, status: 'succeeded' | 'failed', failure?: Failure) {
  const reportKey = runKeys.report(state.runId);
  const report = await buildRunReport(state, deps, {
    status,
    ...(failure ? { failure } : {}),
    reportKey,
    projectKey: runKeys.projectFile(state.runId, '').replace(/\/$/, ''),
  });
  return { report, ref: await putJson(deps.store, reportKey, report) };
}

/** Zips the project into the artifact store and makes a link to it. */
export const packageStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    return { package: await packageProject(state, deps) };
  },
  describe: (state) => state.package?.fileName,
};

/** Writes report.json and tells whoever asked that the run is done. */
export const reportStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const { report, ref } = await writeReport(state, deps, 'succeeded');
    await writeRunSnapshot(state, deps, 'succeeded');
    await notifyBestEffort(deps, state, {
      type: 'finished',
      status: 'succeeded',
      summary: `${report.files.length} files written to ${report.locations.project}`,
    });
    return { outcome: { status: 'succeeded', report: ref } };
  },
  describe: (state) => state.outcome && 'report.json written',
};

/** The failure a Catch or an exhausted loop left in the state, in words a user can act on. */
export function describeFailure(state: RunState): Failure {
  if (state.failure) {
    const last = state.validation?.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    const detail = state.result && state.result.verdict !== 'ok' ? state.result.message : last?.message;
    return detail
      ? { ...state.failure, message: `${state.failure.message} Last error: ${detail}` }
      : state.failure;
  }
  if (state.error) {
    const cause = parseCause(state.error.Cause);
    const stageMatch = /^stage (?<stage>[a-z-]+): (?<message>[\s\S]*)$/.exec(cause);
    return {
      stage: stageMatch?.groups?.stage ?? 'unknown',
      reason: state.error.Error,
      message: stageMatch?.groups?.message ?? cause,
    };
  }
  return { stage: 'unknown', reason: 'unknown', message: 'The run stopped without saying why.' };
}

/** Lambda causes are JSON ({ errorMessage }); local ones are the message itself. */
function parseCause(cause: string | undefined): string {
  if (!cause) return 'no cause given';
  try {
    const parsed: unknown = JSON.parse(cause);
    if (
      parsed &&
      typeof parsed === 'object' &&
      'errorMessage' in parsed &&
      typeof parsed.errorMessage === 'string'
    ) {
      return parsed.errorMessage;
    }
  } catch {
    // Not JSON: the cause is already the message.
  }
  return cause;
}

/** Keeps whatever the run produced (zipped), writes a failure report that says what failed and where the files are. */
export const reportFailureStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const failure = describeFailure(state);
    const recovered = await unrecordedProjectFiles(state, deps);
    let withPackage: RunState = { ...state, files: [...state.files, ...recovered] };
    if (withPackage.files.length > 0 && !state.package) {
      try {
        withPackage = { ...withPackage, package: await packageProject(withPackage, deps) };
      } catch (error) {
        deps.logger.error('could not zip the files of a failed run; they stay in the project folder', {
          error: describeError(error).message,
        });
      }
    }
    const { report, ref } = await writeReport(withPackage, deps, 'failed', failure);
    try {
      await writeRunSnapshot(withPackage, deps, 'failed');
    } catch (error) {
      // The failure report matters more than being able to refine the run from its thread.
      deps.logger.error('could not record the failed run for follow-ups', {
        error: describeError(error).message,
      });
    }
    await notifyBestEffort(deps, withPackage, {
      type: 'finished',
      status: 'failed',
      summary: `${failure.stage} failed: ${failure.message} Files: ${report.locations.project}`,
      failure,
    });
    return { files: recovered, package: withPackage.package, outcome: { status: 'failed', report: ref } };
  },
  describe: () => 'report.json written',
};
