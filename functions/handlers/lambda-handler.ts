import type { Context } from 'aws-lambda';
import type { Deps } from '../pipeline/deps.js';
import type { BranchPatch, RunState } from '../pipeline/run-state.js';
import type { AnyStage } from '../pipeline/stage.js';
import type { StageId } from '../pipeline/stage-ids.js';
import { runStage } from '../pipeline/stage-runner.js';
import { createAwsDeps } from '../shared/aws-deps.js';

/** A stage's Lambda handler, labelled with the stage it runs so tests can check the wiring. */
export type StageHandler = ((event: unknown, context: Context) => Promise<RunState | BranchPatch>) & {
  readonly stageId: StageId;
  readonly stage: AnyStage;
};

/**
 * Makes a stage's Lambda handler. Dependencies are built on the first invocation (the cold start)
 * and reused while the execution environment lives.
 */
export function createLambdaHandler(
  id: StageId,
  stage: AnyStage,
  buildDeps: () => Promise<Deps> = createAwsDeps,
): StageHandler {
  let deps: Promise<Deps> | undefined;
  const handler = async (event: unknown) => {
    deps ??= buildDeps().catch((error: unknown) => {
      deps = undefined;
      throw error;
    });
    return runStage(id, stage, event, await deps);
  };
  return Object.assign(handler, { stageId: id, stage });
}
