import { buildContract, type MovingAverageType } from '../../agents/coordinator/contract-builder.js';
import { normalizePlan } from '../../agents/coordinator/normalize-plan.js';
import type { Plan } from '../../agents/plan.js';
import type { FileOwner } from '../../agents/roles.js';
import { type OfflineSpecs, planSummary, planTitle, projectSlug, withDescriptions } from './plan-describe.js';

/**
 * Class names an earlier plan used that still fit: the algorithm, risk and portfolio keep theirs;
 * universe and alpha keep theirs while their kind is unchanged (a new kind is a new class).
 */
function stableClassNames(previous: Plan, specs: OfflineSpecs): Partial<Record<FileOwner, string>> {
  const names: Partial<Record<FileOwner, string>> = {};
  for (const file of previous.contract.files) {
    const keep =
      file.owner === 'universe'
        ? previous.universe.kind === specs.universe.kind
        : file.owner === 'alpha'
          ? previous.strategy.kind === specs.strategy.kind
          : true;
    if (keep) names[file.owner] = file.className;
  }
  return names;
}

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
