import type { Deps } from '../functions/pipeline/deps.js';
import type { RunState } from '../functions/pipeline/run-state.js';
import { BRANCH_STAGES, type StageId } from '../functions/pipeline/stage-ids.js';
import { runStage } from '../functions/pipeline/stage-runner.js';
import { STAGES } from '../functions/pipeline/stages/index.js';

/**
 * The baseline the pipeline is measured against: one agent doing the same work one step after
 * another (plan, each file in turn, integrate, validate, backtest, package, report), with no
 * state machine and no parallelism. It follows the happy path only.
 */
export async function runSequentially(input: RunState, deps: Deps): Promise<RunState> {
  let state = input;
  const step = async (id: StageId) => {
    state = (await runStage(id, STAGES[id], state, deps)) as RunState;
  };
  await step('plan');
  const writers: StageId[] = [
    'universe',
    'alpha',
    ...(state.plan?.customPortfolio ? ['portfolio' as const] : []),
    'risk',
    'strategy',
  ];
  const branches: unknown[] = [];
  for (const id of writers) {
    if (!BRANCH_STAGES.has(id)) throw new Error(`${id} is expected to be a file writer`);
    branches.push(await runStage(id, STAGES[id], state, deps));
  }
  state = { ...state, branches };
  for (const id of ['integrate', 'validate', 'start-backtest'] as const) await step(id);
  while (!state.backtest?.done) await step('poll-backtest');
  for (const id of ['check-result', 'package', 'report'] as const) await step(id);
  return state;
}
