import { Plan } from '../../agents/plan.js';
import { applyBacktestSettings } from '../../quantconnect/backtest-settings.js';
import { deployProjectLive } from '../../quantconnect/deploy-live.js';
import { STAGE_COMPILE_TIMEOUT_MS } from '../../quantconnect/push-project.js';
import { getJson, getText, putJson } from '../../shared/artifact-store.js';
import { UserInputError } from '../../shared/errors.js';
import { runKeys } from '../project-files.js';
import { findFollowedRun } from '../run-snapshot.js';
import type { ProjectFile } from '../run-state.js';
import type { Stage } from '../stage.js';

/**
 * "Backtest other dates": the earlier run's files as they are, with main.py's start, end and cash set to the
 * request's, copied into this run so it is validated, compiled and backtested like any other.
 */
export const reuseStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const earlier = await findFollowedRun(state.request, deps);
    if (!earlier.plan || earlier.files.length === 0) {
      throw new UserInputError(
        `Run ${earlier.runId} stopped before it wrote a project, so there is nothing to backtest again: refine it in its thread or start a new run with /quantcoder <idea>.`,
      );
    }
    const plan = await getJson(deps.store, earlier.plan.ref, Plan);
    const wanted = state.request.backtest ?? {};
    const backtest = {
      ...plan.backtest,
      ...(wanted.startDate ? { startDate: wanted.startDate } : {}),
      ...(wanted.endDate ? { endDate: wanted.endDate } : {}),
      ...(wanted.cash ? { cash: wanted.cash } : {}),
    };
    const ref = await putJson(deps.store, runKeys.plan(state.runId), { ...plan, backtest });
    const files: ProjectFile[] = await Promise.all(
      earlier.files.map(async (file) => {
        const content = await getText(deps.store, file.ref);
        const updated =
          file.name === 'main.py'
            ? applyBacktestSettings(content, {
                start: backtest.startDate,
                end: backtest.endDate,
                cash: backtest.cash,
              }).content
            : content;
        return { ...file, ref: await deps.store.put(runKeys.projectFile(state.runId, file.name), updated) };
      }),
    );
    return { plan: { ...earlier.plan, ref }, files };
  },
  describe: (state) => state.plan && `${state.files.length} files of the earlier run, new dates`,
};

/** "Deploy to paper": the earlier run's compiled QuantConnect project, deployed to paper trading. */
export const deployStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const earlier = await findFollowedRun(state.request, deps);
    if (!earlier.quantConnect) {
      throw new UserInputError(
        `Run ${earlier.runId} never reached QuantConnect, so there is no project to deploy: refine it until it backtests, then deploy.`,
      );
    }
    const deployed = await deployProjectLive(deps.quantConnect, {
      projectId: earlier.quantConnect.projectId,
      ...(earlier.quantConnect.compileId ? { compileId: earlier.quantConnect.compileId } : {}),
      brokerage: 'paper',
      sleep: deps.sleep,
      now: () => deps.now().getTime(),
      // Within the stage's Lambda timeout; a compile still queued then is a TransientError the state machine retries.
      compileTimeoutMs: STAGE_COMPILE_TIMEOUT_MS,
    });
    const { deployId, status, url, brokerage, nodeId, emulated } = deployed;
    const deployment = { deployId, status, url, brokerage, nodeId, emulated };
    // The files stay the earlier run's: this run deploys them and writes none of its own.
    return {
      deployment,
      quantConnect: earlier.quantConnect,
      ...(earlier.plan ? { plan: earlier.plan } : {}),
    };
  },
  describe: (state) =>
    state.deployment && `paper deployment ${state.deployment.deployId}: ${state.deployment.status}`,
};
