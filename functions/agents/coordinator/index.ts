import type { Model } from '../../llm/model.js';
import { agentOutput } from '../agent-outputs.js';
import type { Plan } from '../plan.js';
import { type AgentResult, runAgent } from '../run-agent.js';
import { renderSharedContext } from '../shared-context.js';
import type { PlanTask } from '../task-kinds.js';
import type { PlanDefaults } from '../tasks.js';
import { stableClassNames } from './class-names.js';
import { buildContract } from './contract-builder.js';
import { normalizePlan } from './normalize-plan.js';
import { COORDINATOR_SYSTEM, renderCoordinatorMessages } from './prompt.js';

/** Output room for a plan draft: a couple of kilobytes of JSON. */
const PLAN_OUTPUT_TOKENS = 3000;

/** What the coordinator plans from: the idea, the defaults, and the earlier plan when the idea refines it. */
export interface PlanInput {
  idea: string;
  defaults: PlanDefaults;
  previousPlan?: Plan;
}

/**
 * The coordinator agent: the model turns the idea into a plan draft (the spec); the interface
 * contract is derived from it, keeping class names an earlier plan used, and the whole is normalised.
 */
export async function planStrategy(input: PlanInput, model: Model): Promise<AgentResult<Plan>> {
  const task: PlanTask = {
    kind: 'plan',
    idea: input.idea,
    defaults: input.defaults,
    previousPlan: input.previousPlan,
  };
  const result = await runAgent(model, {
    role: 'coordinator',
    system: COORDINATOR_SYSTEM,
    sharedContext: renderSharedContext(),
    messages: renderCoordinatorMessages(task),
    ...agentOutput('plan'),
    task,
    maxOutputTokens: PLAN_OUTPUT_TOKENS,
  });
  const draft = result.output;
  const contract = buildContract(draft, {
    classNames: input.previousPlan ? stableClassNames(input.previousPlan, draft) : {},
  });
  return { output: normalizePlan({ ...draft, contract }), usage: result.usage };
}
