import { planStrategy } from '../../agents/coordinator/index.js';
import { Plan } from '../../agents/plan.js';
import { getJson, putJson } from '../../shared/artifact-store.js';
import { planDefaults } from '../defaults.js';
import { runKeys } from '../project-files.js';
import type { Stage } from '../stage.js';

/** Coordinator: turns the idea (or a follow-up on an earlier run) into the plan every agent writes to. */
export const planStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const previousPlan = state.request.refines
      ? await getJson(deps.store, state.request.refines.plan, Plan)
      : undefined;
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
