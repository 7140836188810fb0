import type { Deps } from './deps.js';
import type { BranchPatch, RunState } from './run-state.js';
import type { StatePatch } from './state-patch.js';

/** A pipeline stage: a plain async function over the run state. */
export interface Stage {
  kind: 'step';
  run(state: RunState, deps: Deps): Promise<StatePatch>;
  /** One line for progress displays, from the state after the stage. */
  describe?(state: RunState): string | undefined;
}

/** A stage inside a Parallel branch: it returns only what it adds. */
export interface BranchStage {
  kind: 'branch';
  run(state: RunState, deps: Deps): Promise<BranchPatch>;
  describe?(patch: BranchPatch): string | undefined;
}

export type AnyStage = Stage | BranchStage;
