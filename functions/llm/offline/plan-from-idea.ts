import type { Plan } from '../../agents/plan.js';
import type { PlanDefaults } from '../../agents/tasks.js';
import { UserInputError } from '../../shared/errors.js';
import { assemblePlan } from './plan-assemble.js';
import { buildSpecs } from './plan-build.js';
import { renderNote } from './plan-fragments.js';
import { IdeaText } from './plan-idea-text.js';
import { parseIdea } from './plan-parse.js';
import { FAMILY_NAMES } from './plan-parse-strategy.js';
import { refinePlan } from './plan-refine.js';

const UNDERSTOOD_FAMILIES = Object.values(FAMILY_NAMES).join(', ');

/**
 * The offline coordinator: turns an idea into a plan deterministically, without a network. With
 * `previousPlan`, the idea is an instruction applied to that plan ("make it long-only").
 */
export function planFromIdea(idea: string, defaults: PlanDefaults, previousPlan?: Plan): Plan {
  if (previousPlan) return refinePlan(idea, defaults, previousPlan);
  const text = new IdeaText(idea);
  const fragments = parseIdea(text, { defaultEndDate: defaults.endDate, riskPerTradeActive: false });
  if (!fragments.family) {
    throw new UserInputError(
      `QuantCoder's offline planner found no strategy it knows in "${idea.trim().slice(0, 200)}". It understands ${UNDERSTOOD_FAMILIES} ideas, for example "Momentum on the 100 most liquid US stocks, 20-day lookback, monthly rebalance" or "RSI 14 on SPY, buy below 30, sell above 70". Set a model vendor key (ANTHROPIC_API_KEY, OPENAI_API_KEY or MISTRAL_API_KEY) to have a real model plan free-form ideas.`,
    );
  }
  const { specs, notes } = buildSpecs(fragments.family, fragments, defaults);
  return assemblePlan({
    specs,
    movingAverageType: fragments.movingAverageType ?? 'sma',
    assumptions: notes.map(renderNote),
    notUnderstood: text.leftovers(),
  });
}
