import { planStrategy } from '../../agents/coordinator/index.js';
import { Plan } from '../../agents/plan.js';
import { type ArtifactRef, getJson, putJson } from '../../shared/artifact-store.js';
import { UserInputError } from '../../shared/errors.js';
import { planDefaults } from '../defaults.js';
import type { Deps } from '../deps.js';
import { runKeys } from '../project-files.js';
import { findFollowedRun } from '../run-snapshot.js';
import type { RunState } from '../run-state.js';
import type { Stage } from '../stage.js';

/** The plan a refinement starts from: the one the request names, or that of the run it follows up. */
async function previousPlanOf(state: RunState, deps: Deps): Promise<ArtifactRef | undefined> {
  if (state.request.refines) return state.request.refines.plan;
  if (state.request.followUp?.kind !== 'refine') return undefined;
  const earlier = await findFollowedRun(state.request, deps);
  if (!earlier.plan) {
    throw new UserInputError(
      `Run ${earlier.runId} stopped before it had a plan, so there is nothing to refine: start a new run with /quantcoder <idea>.`,
    );
  }
  return earlier.plan.ref;
}

/** Coordinator: turns the idea (or a follow-up on an earlier run) into the plan every agent writes to. */
export const planStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const previousPlanRef = await previousPlanOf(state, deps);
    const previousPlan = previousPlanRef ? await getJson(deps.store, previousPlanRef, Plan) : undefined;
    const { output: plan, usage } = await planStrategy(
      { idea: state.request.idea, defaults: planDefaults(state.request, deps.now()), previousPlan },
      deps.models('coordinator'),
    );
    const ref = await putJson(deps.store, runKeys.plan(state.runId), plan);
    return {
      plan: { ref, projectName: plan.projectName, title: plan.title, customPortfolio: plan.portfolio.custom },
      usage: [usage],
    };
  },
  describe: (state) => state.plan?.title,
};
