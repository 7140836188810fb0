import type { Model } from '../../llm/model.js';
import { Plan } from '../plan.js';
import { type AgentResult, runAgent } from '../run-agent.js';
import { renderSharedContext } from '../shared-context.js';
import type { PlanTask } from '../task-kinds.js';
import type { PlanDefaults } from '../tasks.js';
import { normalizePlan } from './normalize-plan.js';
import { COORDINATOR_SYSTEM, renderCoordinatorMessages } from './prompt.js';

/** Output room for a plan: a few kilobytes of JSON. */
const PLAN_OUTPUT_TOKENS = 4000;

/** What the coordinator plans from: the idea, the defaults, and the earlier plan when the idea refines it. */
export interface PlanInput {
  idea: string;
  defaults: PlanDefaults;
  previousPlan?: Plan;
}

/** The coordinator agent: turns an idea into a normalised plan and interface contract. */
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
    schema: Plan,
    schemaName: 'Plan',
    task,
    maxOutputTokens: PLAN_OUTPUT_TOKENS,
  });
  return { output: normalizePlan(result.output), usage: result.usage };
}
