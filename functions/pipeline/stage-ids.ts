/**
 * Every Lambda-backed stage of the pipeline. The CDK stack makes one function per id (entry
 * functions/handlers/<id>.ts, environment QUANTCODER_STAGE=<id>); the local runner maps the same
 * ids to in-process handlers.
 */
export const STAGE_IDS = [
  'plan',
  'universe',
  'alpha',
  'portfolio',
  'risk',
  'strategy',
  'integrate',
  'validate',
  'refine',
  'start-backtest',
  'poll-backtest',
  'check-result',
  'package',
  'report',
  'report-failure',
  'reuse',
  'deploy',
] as const;
export type StageId = (typeof STAGE_IDS)[number];

/**
 * Stages that run inside the Parallel state and return a BranchPatch instead of the whole state.
 * Every file writer is here: each one writes to the plan's contract (class names, constructor
 * parameters), not to another agent's code, so none waits for another; Integrate then checks
 * that the files agree.
 */
export const BRANCH_STAGES: ReadonlySet<StageId> = new Set([
  'universe',
  'alpha',
  'portfolio',
  'risk',
  'strategy',
]);

/** Stages that call a model; they get the longer timeout. */
export const AGENT_STAGES: ReadonlySet<StageId> = new Set([
  'plan',
  'universe',
  'alpha',
  'portfolio',
  'risk',
  'strategy',
  'integrate',
  'refine',
]);

/** The environment variable that tells a function (and the local runner) which stage it is. */
export const STAGE_ENV = 'QUANTCODER_STAGE';
