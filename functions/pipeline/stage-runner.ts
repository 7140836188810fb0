import { guardBudget } from '../llm/ledger/budget-guard.js';
import { describeError, QuantCoderError, TransientError } from '../shared/errors.js';
import { notifyBestEffort } from '../shared/notifier.js';
import type { Deps } from './deps.js';
import { type BranchPatch, RunState } from './run-state.js';
import type { AnyStage } from './stage.js';
import { BRANCH_STAGES, type StageId } from './stage-ids.js';
import { applyPatch, foldBranches } from './state-patch.js';

/** The state a Lambda received does not parse: a bug in the state machine or a hand-made input. */
export class InvalidRunStateError extends QuantCoderError {
  override readonly name = 'InvalidRunStateError';
}

/**
 * A stage's error, prefixed with the stage id so the failure report can say where it happened.
 * It keeps the original `name`, which is what Step Functions' Retry and Catch match on, except that
 * every TransientError subclass is named TransientError, the one name the Retry lists; the message
 * keeps the specific class.
 */
export class StageFailedError extends QuantCoderError {
  override readonly name: string;
  constructor(stage: StageId, error: unknown) {
    const described = describeError(error);
    const transient = error instanceof TransientError && described.name !== 'TransientError';
    super(`stage ${stage}: ${transient ? `${described.name}: ` : ''}${described.message}`, { cause: error });
    this.name = transient ? 'TransientError' : described.name;
  }
}

/** The file writers the Parallel state runs at once: all branch stages, less portfolio when the plan needs none. */
function parallelWriters(state: RunState): number {
  return state.plan?.customPortfolio === false ? BRANCH_STAGES.size - 1 : BRANCH_STAGES.size;
}

/**
 * Runs one stage on a Step Functions state: parse, fold parallel branches, run, time, report progress.
 * Lambda handlers and the local runner both go through here, so both behave the same. A handler
 * passes only its own stage, so its bundle holds only what that stage needs.
 */
export async function runStage(
  id: StageId,
  stage: AnyStage,
  event: unknown,
  deps: Deps,
): Promise<RunState | BranchPatch> {
  const parsed = RunState.safeParse(event);
  if (!parsed.success) {
    throw new InvalidRunStateError(
      `Stage ${id} received a run state it cannot read: ${parsed.error.message}`,
      {
        cause: parsed.error,
      },
    );
  }
  const folded = foldBranches(parsed.data);
  const logger = deps.logger.child({ runId: folded.runId, stage: id });
  // Every model call of the stage is checked against the run's budget, from the usage this state holds.
  const concurrentCalls = stage.kind === 'branch' ? parallelWriters(folded) : 1;
  const stageDeps: Deps = { ...deps, logger, models: guardBudget(deps.models, folded, { concurrentCalls }) };
  const startedAt = deps.now();
  // The first message of a run opens its thread; the state carries it to every later stage.
  const opened = await notifyBestEffort(deps, folded, { type: 'stage', stage: id, status: 'started' });
  const state: RunState = opened?.thread ? { ...folded, thread: opened.thread } : folded;
  try {
    if (stage.kind === 'branch') {
      const patch = await stage.run(state, stageDeps);
      const timing = { stage: id, startedAt: startedAt.toISOString(), durationMs: elapsed(deps, startedAt) };
      await notifyBestEffort(deps, state, {
        type: 'stage',
        stage: id,
        status: 'succeeded',
        detail: stage.describe?.(patch),
      });
      return { ...patch, timings: [...patch.timings, timing] };
    }
    const patched = applyPatch(state, await stage.run(state, stageDeps));
    const timing = {
      stage: id,
      startedAt: startedAt.toISOString(),
      durationMs: elapsed(deps, startedAt),
      ...(id === 'validate' || id === 'refine' ? { attempt: patched.attempts[id] } : {}),
    };
    const next = applyPatch(patched, { timings: [timing] });
    await notifyBestEffort(deps, next, {
      type: 'stage',
      stage: id,
      status: 'succeeded',
      detail: stage.describe?.(next),
    });
    return next;
  } catch (error) {
    // A warning, not an error: the state machine's Retry or Catch handles it and the report says it.
    logger.warn('stage failed', { error: error instanceof Error ? error.message : String(error) });
    await notifyBestEffort(deps, state, {
      type: 'stage',
      stage: id,
      status: 'failed',
      detail: error instanceof Error ? error.message : String(error),
    });
    throw new StageFailedError(id, error);
  }
}

function elapsed(deps: Deps, startedAt: Date): number {
  return Math.max(0, deps.now().getTime() - startedAt.getTime());
}
