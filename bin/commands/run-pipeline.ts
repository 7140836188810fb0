import { resolve } from 'node:path';
import pc from 'picocolors';
import { findEarlierRun, generateLocally } from '../../functions/local/generate.js';
import { createLocalEnvironment } from '../../functions/local/local-environment.js';
import { renderSummary } from '../../functions/local/summary.js';
import { createTerminalNotifier } from '../../functions/local/terminal-notifier.js';
import type { RunRequest } from '../../functions/pipeline/run-state.js';
import { createLogger } from '../../functions/shared/logger.js';

export interface RunOptions {
  out: string;
  json?: boolean;
  maxRefineAttempts?: number;
  budgetUsd?: string;
  budgetTokens?: string;
}

/** Runs the pipeline locally, shows progress and the summary, and sets the exit code. */
async function runAndReport(
  idea: string,
  options: RunOptions,
  refines?: RunRequest['refines'],
): Promise<void> {
  const progress = options.json ? process.stderr : process.stdout;
  // Progress and the summary tell the user what happened; logs on stderr are for what they cannot.
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'error' });
  // The flags win over QUANTCODER_BUDGET_*, and are read (and checked) by the same code.
  const settings: NodeJS.ProcessEnv = {
    ...process.env,
    ...(options.budgetUsd !== undefined ? { QUANTCODER_BUDGET_USD: options.budgetUsd } : {}),
    ...(options.budgetTokens !== undefined ? { QUANTCODER_BUDGET_TOKENS: options.budgetTokens } : {}),
  };
  const environment = await createLocalEnvironment(settings, { logger });
  for (const line of environment.describe()) progress.write(`${pc.dim(line)}\n`);
  const result = await generateLocally({
    idea,
    outDir: resolve(options.out),
    models: environment.models,
    quantConnect: environment.quantConnect,
    local: environment.local,
    notifier: createTerminalNotifier(progress),
    logger,
    ...(environment.budget ? { budget: environment.budget } : {}),
    ...(options.maxRefineAttempts !== undefined
      ? { limits: { maxRefineAttempts: options.maxRefineAttempts } }
      : {}),
    ...(refines ? { refines } : {}),
  }).finally(() => environment.close());
  if (options.json) process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
  else progress.write(renderSummary(result.report));
  if (result.report.status !== 'succeeded') {
    process.stderr.write(
      `${pc.red('Run failed')} at ${result.report.failure?.stage}: ${result.report.failure?.message}\nNothing was lost: files are in ${result.runDir}\n`,
    );
    process.exitCode = 1;
  }
}

/** `quantcoder generate <idea...>` */
export async function generateCommand(ideaWords: string[], options: RunOptions): Promise<void> {
  await runAndReport(ideaWords.join(' '), options);
}

/** `quantcoder refine <run> <instruction...>` */
export async function refineCommand(
  run: string,
  instructionWords: string[],
  options: RunOptions,
): Promise<void> {
  const earlier = await findEarlierRun(run, options.out);
  await runAndReport(instructionWords.join(' '), { ...options, out: earlier.outDir }, earlier.refines);
}
