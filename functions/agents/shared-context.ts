import { renderPlanContext } from './contract-text.js';
import { LEAN_CONVENTIONS } from './lean-conventions.js';
import type { Plan } from './plan.js';

/** The long prefix every agent of a run shares: LEAN conventions, then the plan's contract once there is one. */
export function renderSharedContext(plan?: Plan): string {
  return plan ? `${LEAN_CONVENTIONS}\n\n${renderPlanContext(plan)}` : LEAN_CONVENTIONS;
}
