import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ModelRouter } from '../llm/model.js';
import { DEFAULT_LIMITS } from '../pipeline/defaults.js';
import type { Deps } from '../pipeline/deps.js';
import { initialState, newRunId } from '../pipeline/initial-state.js';
import { runKeys } from '../pipeline/project-files.js';
import { RunReport } from '../pipeline/run-report.js';
import type { Limits, RunBudget, RunRequest } from '../pipeline/run-state.js';
import type { QuantConnect } from '../quantconnect/port.js';
import { sha256Hex } from '../shared/artifact-store.js';
import { createDiskArtifactStore } from '../shared/disk-artifact-store.js';
import { QuantCoderError, UserInputError } from '../shared/errors.js';
import { type Logger, silentLogger } from '../shared/logger.js';
import { type Notifier, silentNotifier } from '../shared/notifier.js';
import { type ExecutionStatistics, type LocalDefinition, runStateMachineLocally } from './local-runner.js';

/** The run ended without a report: something failed before or inside the failure path itself. */
export class RunWithoutReportError extends QuantCoderError {
  override readonly name = 'RunWithoutReportError';
}

export interface GenerateOptions {
  idea: string;
  outDir: string;
  models: ModelRouter;
  quantConnect: QuantConnect;
  /** The state machine to run: the one `cdk deploy` ships, resolved to plain ASL. */
  local: LocalDefinition;
  notifier?: Notifier;
  logger?: Logger;
  limits?: Partial<Limits>;
  /** The run's spending cap (see readBudget); the same as `limits.budget`, which it overrides. */
  budget?: RunBudget;
  backtest?: RunRequest['backtest'];
  source?: RunRequest['source'];
  /** The earlier run this one refines; it must live in `outDir`. */
  refines?: RunRequest['refines'];
  /** A follow-up on an earlier run in the same `outDir` (by run id, or the latest of `slack`'s thread). */
  followUp?: RunRequest['followUp'];
  /** The Slack thread the request came from, when a Slack app runs the pipeline in-process. */
  slack?: RunRequest['slack'];
  now?: () => Date;
  sleep?: (milliseconds: number) => Promise<void>;
  runId?: string;
}

export interface GenerateResult {
  runId: string;
  runDir: string;
  report: RunReport;
  /** State transitions and the largest state, as Step Functions would count them. */
  execution: ExecutionStatistics;
}

/**
 * Runs the whole pipeline on this machine through the same state machine `cdk deploy` ships:
 * files go to `<outDir>/<runId>/`, and the run's report.json is returned whether it succeeded or not.
 */
export async function generateLocally(options: GenerateOptions): Promise<GenerateResult> {
  const idea = options.idea.trim();
  if (idea.length === 0) {
    throw new UserInputError(
      'Describe a trading idea, for example: quantcoder generate "RSI mean reversion on SPY"',
    );
  }
  if (idea.length > 4000) {
    throw new UserInputError(`The idea is ${idea.length} characters long; keep it under 4000.`);
  }
  const now = options.now ?? (() => new Date());
  const runId = options.runId ?? newRunId(now());
  const store = createDiskArtifactStore(options.outDir);
  const deps: Deps = {
    models: options.models,
    store,
    quantConnect: options.quantConnect,
    notifier: options.notifier ?? silentNotifier,
    logger: (options.logger ?? silentLogger).child({ runId }),
    now,
    // The emulator answers at once; waiting between its reads would only slow the run down.
    sleep:
      options.sleep ??
      (options.quantConnect.emulated
        ? async () => {}
        : (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds))),
  };
  const input = initialState({
    runId,
    request: {
      idea,
      source: options.source ?? 'cli',
      requestedAt: now().toISOString(),
      ...(options.backtest ? { backtest: options.backtest } : {}),
      ...(options.refines ? { refines: options.refines } : {}),
      ...(options.followUp ? { followUp: options.followUp } : {}),
      ...(options.slack ? { slack: options.slack } : {}),
    },
    limits: {
      ...DEFAULT_LIMITS,
      ...(options.quantConnect.emulated ? { initialPollSeconds: 0 } : {}),
      ...options.limits,
      ...(options.budget ? { budget: options.budget } : {}),
    },
  });
  const outcome = await runStateMachineLocally({
    local: options.local,
    input,
    deps,
    instantWaits: options.quantConnect.emulated,
  });
  const runDir = join(options.outDir, runId);
  const reportPath = store.locate(runKeys.report(runId));
  let text: string;
  try {
    text = await readFile(reportPath, 'utf8');
  } catch (error) {
    const why =
      outcome.status === 'failed' ? `${outcome.error.name}: ${outcome.error.cause}` : 'no report was written';
    throw new RunWithoutReportError(
      `Run ${runId} ended without a report (${why}). Whatever it wrote is in ${runDir}.`,
      {
        cause: error,
      },
    );
  }
  return { runId, runDir, report: RunReport.parse(JSON.parse(text)), execution: outcome.statistics };
}

/**
 * Finds an earlier run to refine, given its folder (or its id inside `outDir`), and says where the
 * refinement must write: beside it, so the new run can read the earlier plan from the same store.
 */
export async function findEarlierRun(
  run: string,
  outDir: string,
): Promise<{ outDir: string; refines: NonNullable<RunRequest['refines']> }> {
  const runDir = run.includes('/') || run.includes('\\') ? resolve(run) : join(resolve(outDir), run);
  const runId = basename(runDir);
  const planPath = join(runDir, 'plan.json');
  let plan: string;
  try {
    plan = await readFile(planPath, 'utf8');
  } catch (error) {
    throw new UserInputError(
      `There is no QuantCoder run with a plan at ${runDir} (no plan.json). Pass a run folder that quantcoder generate wrote, such as quantcoder-runs/<run-id>, or its run id with --out.`,
      { cause: error },
    );
  }
  const report = await readFile(join(runDir, 'report.json'), 'utf8')
    .then((text) => RunReport.parse(JSON.parse(text)))
    .catch(() => undefined);
  return {
    outDir: dirname(runDir),
    refines: {
      runId,
      plan: { key: `${runId}/plan.json`, sha256: sha256Hex(plan), bytes: Buffer.byteLength(plan) },
      files: report?.files.map((file) => file.name) ?? [],
    },
  };
}
