import { stableClassNames } from '../../agents/coordinator/class-names.js';
import { buildContract, type MovingAverageType } from '../../agents/coordinator/contract-builder.js';
import { normalizePlan } from '../../agents/coordinator/normalize-plan.js';
import type { Plan } from '../../agents/plan.js';
import { type OfflineSpecs, planSummary, planTitle, projectSlug, withDescriptions } from './plan-describe.js';

/** Everything the planner decided, made into a normalised plan with title, project name and contract. */
export function assemblePlan(input: {
  specs: OfflineSpecs;
  movingAverageType: MovingAverageType;
  assumptions: string[];
  notUnderstood: string[];
  previous?: Plan;
}): Plan {
  const specs = withDescriptions(input.specs, input.movingAverageType);
  const title = planTitle(specs, input.movingAverageType);
  const plan: Plan = {
    projectName: input.previous?.projectName ?? projectSlug(title),
    title,
    summary: planSummary(specs),
    ...specs,
    contract: buildContract(
      { title, ...specs },
      {
        classNames: input.previous ? stableClassNames(input.previous, specs) : {},
        movingAverageType: input.movingAverageType,
      },
    ),
    assumptions: [...new Set(input.assumptions)],
    notUnderstood: [...new Set(input.notUnderstood)],
  };
  return normalizePlan(plan);
}
