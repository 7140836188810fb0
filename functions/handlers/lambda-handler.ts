import type { Context } from 'aws-lambda';
import type { Deps } from '../pipeline/deps.js';
import type { BranchPatch, RunState } from '../pipeline/run-state.js';
import type { StageId } from '../pipeline/stage-ids.js';
import { runStage } from '../pipeline/stage-runner.js';
import { createAwsDeps } from '../shared/aws-deps.js';

/**
 * Makes a stage's Lambda handler. Dependencies are built on the first invocation (the cold start)
 * and reused while the execution environment lives.
 */
export function createLambdaHandler(
  id: StageId,
  buildDeps: () => Promise<Deps> = createAwsDeps,
): (event: unknown, context: Context) => Promise<RunState | BranchPatch> {
  let deps: Promise<Deps> | undefined;
  return async (event) => {
    deps ??= buildDeps().catch((error: unknown) => {
      deps = undefined;
      throw error;
    });
    return runStage(id, event, await deps);
  };
}
