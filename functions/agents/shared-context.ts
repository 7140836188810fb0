import { renderPlanContext } from './contract-text.js';
import { LEAN_CONVENTIONS } from './lean-conventions.js';
import type { Plan } from './plan.js';

/**
 * The long prefix the agents of a run share, in blocks, most stable first so a vendor can cache each
 * block's prefix: the LEAN conventions (the same for every run), then the plan's contract once there is one
 * (the same for every agent of the run).
 */
export function renderSharedContext(plan?: Plan): readonly string[] {
  return plan ? [LEAN_CONVENTIONS, renderPlanContext(plan)] : [LEAN_CONVENTIONS];
}
