import { z } from 'zod';
import { AgentRole, FileOwner } from '../agents/roles.js';
import { ArtifactRef } from '../shared/artifact-store.js';
import { Diagnostic } from '../validator/diagnostic.js';

/** Largest payload Step Functions accepts between states. */
export const MAX_STATE_BYTES = 262_144;
/** Diagnostics kept in the state per attempt; the full list is an artifact. */
export const MAX_DIAGNOSTICS_IN_STATE = 20;

export const RequestSource = z.enum(['cli', 'slack', 'mcp']);

export const RunRequest = z.object({
  idea: z.string().min(1).max(4000),
  source: RequestSource,
  requestedAt: z.string(),
  /** Slack thread to report into, when the run came from Slack. */
  slack: z
    .object({
      channel: z.string(),
      threadTs: z.string().optional(),
      userId: z.string(),
      teamId: z.string().optional(),
    })
    .optional(),
  /** The run this one refines (a follow-up in a thread). */
  refines: z.object({ runId: z.string(), plan: ArtifactRef, files: z.array(z.string()) }).optional(),
  backtest: z
    .object({ startDate: z.string().optional(), endDate: z.string().optional(), cash: z.number().optional() })
    .optional(),
  /**
   * A run that builds on an earlier one: `runId`, or else the latest run of the request's Slack thread.
   * refine: the idea is an instruction ("make it long-only") and the plan is redone from the earlier one;
   * backtest: the earlier files as they are, backtested with `backtest`'s dates and cash;
   * deploy: the earlier project deployed to paper trading on QuantConnect.
   */
  followUp: z
    .object({ kind: z.enum(['refine', 'backtest', 'deploy']), runId: z.string().optional() })
    .optional(),
});
export type RunRequest = z.infer<typeof RunRequest>;

/** A spending cap for one run: model tokens (input and output), dollars at the price table's rates, or both. */
export const RunBudget = z
  .object({
    usd: z.number().positive().optional(),
    tokens: z.number().int().positive().optional(),
  })
  .refine((budget) => budget.usd !== undefined || budget.tokens !== undefined, {
    message: 'A budget names dollars, tokens or both.',
  });
export type RunBudget = z.infer<typeof RunBudget>;

export const Limits = z.object({
  maxRefineAttempts: z.number().int().min(0).max(10),
  maxPolls: z.number().int().min(1).max(500),
  /** First wait between backtest polls; later waits grow. */
  initialPollSeconds: z.number().int().min(0).max(600),
  maxPollSeconds: z.number().int().min(0).max(3600),
  /** Checked before every model call; unset means no cap. */
  budget: RunBudget.optional(),
});
export type Limits = z.infer<typeof Limits>;

export const UsageEntry = z.object({
  role: AgentRole,
  provider: z.string(),
  model: z.string(),
  calls: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedInputTokens: z.number().int().nonnegative(),
  /** Part of `inputTokens` written to a prompt cache, which some vendors bill above the input rate. */
  cacheWriteTokens: z.number().int().nonnegative().optional(),
});
export type UsageEntry = z.infer<typeof UsageEntry>;

export const StageTiming = z.object({
  stage: z.string(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  attempt: z.number().int().nonnegative().optional(),
});
export type StageTiming = z.infer<typeof StageTiming>;

/** A project file as the state knows it: name, owner, class and where its bytes are. */
export const ProjectFile = z.object({
  name: z.string(),
  owner: z.union([FileOwner, z.literal('integration')]),
  className: z.string().optional(),
  ref: ArtifactRef,
});
export type ProjectFile = z.infer<typeof ProjectFile>;

export const ValidationSummary = z.object({
  attempt: z.number().int().positive(),
  ok: z.boolean(),
  phase: z.enum(['static', 'compile', 'initialize']),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  /** The first diagnostics; `report` holds them all. */
  diagnostics: z.array(Diagnostic).max(MAX_DIAGNOSTICS_IN_STATE),
  report: ArtifactRef,
});
export type ValidationSummary = z.infer<typeof ValidationSummary>;

/** Files a refine attempt must rewrite, with the diagnostics routed to each. */
export const RepairRequest = z.object({
  reason: z.enum(['validation', 'runtime_error', 'no_trades']),
  report: ArtifactRef,
  files: z.array(z.string()).min(1),
});
export type RepairRequest = z.infer<typeof RepairRequest>;

export const BacktestProgress = z.object({
  backtestId: z.string(),
  name: z.string(),
  status: z.string(),
  progress: z.number().min(0).max(1),
  done: z.boolean(),
  polls: z.number().int().nonnegative(),
  waitSeconds: z.number().int().nonnegative(),
  error: z.string().optional(),
});
export type BacktestProgress = z.infer<typeof BacktestProgress>;

export const Statistics = z.record(z.string(), z.union([z.number(), z.string()]));
export type Statistics = z.infer<typeof Statistics>;

export const BacktestResult = z.object({
  verdict: z.enum(['ok', 'runtime_error', 'no_trades']),
  statistics: Statistics,
  totalOrders: z.number().int().nonnegative(),
  equity: ArtifactRef.optional(),
  message: z.string(),
});
export type BacktestResult = z.infer<typeof BacktestResult>;

export const Failure = z.object({
  stage: z.string(),
  reason: z.string(),
  message: z.string(),
});
export type Failure = z.infer<typeof Failure>;

export const SlackThread = z.object({
  channel: z.string(),
  /** The thread's root message. */
  ts: z.string(),
  /** The one status message the notifier keeps up to date. */
  statusTs: z.string().optional(),
});
export type SlackThread = z.infer<typeof SlackThread>;

/** What a parallel branch hands back: its files, usage and timings, folded into the state by the next stage. */
export const BranchPatch = z.object({
  files: z.array(ProjectFile),
  usage: z.array(UsageEntry),
  timings: z.array(StageTiming),
});
export type BranchPatch = z.infer<typeof BranchPatch>;

/**
 * The state that travels between Step Functions states. It never holds file contents, only
 * artifact references, so it stays far below MAX_STATE_BYTES.
 */
export const RunState = z.object({
  runId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/),
  request: RunRequest,
  limits: Limits,
  /** The Slack thread the run reports into and its status message, set by the notifier's first message. */
  thread: SlackThread.optional(),
  plan: z
    .object({
      ref: ArtifactRef,
      projectName: z.string(),
      title: z.string(),
      customPortfolio: z.boolean(),
    })
    .optional(),
  files: z.array(ProjectFile).default([]),
  attempts: z.object({ refine: z.number().int().nonnegative(), validate: z.number().int().nonnegative() }),
  validation: ValidationSummary.optional(),
  validationHistory: z
    .array(
      ValidationSummary.pick({
        attempt: true,
        ok: true,
        phase: true,
        errorCount: true,
        warningCount: true,
        report: true,
      }),
    )
    .default([]),
  repair: RepairRequest.optional(),
  quantConnect: z
    .object({
      projectId: z.number().int(),
      compileId: z.string().optional(),
      emulated: z.boolean(),
      projectUrl: z.string(),
    })
    .optional(),
  backtest: BacktestProgress.optional(),
  result: BacktestResult.optional(),
  package: z.object({ zip: ArtifactRef, fileName: z.string(), link: z.string() }).optional(),
  /** A follow-up deploy run's paper (or live) deployment on QuantConnect. */
  deployment: z
    .object({
      deployId: z.string(),
      status: z.string(),
      url: z.string(),
      brokerage: z.string(),
      nodeId: z.string(),
      emulated: z.boolean(),
    })
    .optional(),
  usage: z.array(UsageEntry).default([]),
  timings: z.array(StageTiming).default([]),
  /** Set by a Parallel state's ResultPath: one BranchPatch per branch, folded by the next stage. */
  branches: z.array(z.unknown()).optional(),
  /** Set by a Pass state when a bounded loop runs out. */
  failure: Failure.optional(),
  /** Set by a Catch: Step Functions' `{ Error, Cause }`. */
  error: z.object({ Error: z.string(), Cause: z.string().optional() }).optional(),
  outcome: z.object({ status: z.enum(['succeeded', 'failed']), report: ArtifactRef }).optional(),
});
export type RunState = z.infer<typeof RunState>;
export type RunStateInput = z.input<typeof RunState>;
