import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { findEarlierRun, generateLocally } from '../functions/local/generate.js';
import { createLocalEnvironment } from '../functions/local/local-environment.js';
import { renderSummary } from '../functions/local/summary.js';
import { createTerminalNotifier } from '../functions/local/terminal-notifier.js';
import type { RunRequest } from '../functions/pipeline/run-state.js';
import { QuantCoderError, UserInputError } from '../functions/shared/errors.js';
import { createLogger } from '../functions/shared/logger.js';

function integerOption(name: string, minimum: number, maximum: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < minimum || parsed > maximum) {
      throw new InvalidArgumentError(`${name} takes a whole number from ${minimum} to ${maximum}.`);
    }
    return parsed;
  };
}

const program = new Command()
  .name('quantcoder')
  .description('Turn a trading idea into a validated, backtested QuantConnect project.')
  .showHelpAfterError();

interface RunOptions {
  out: string;
  json?: boolean;
  maxRefineAttempts?: number;
}

/** Runs the pipeline locally, shows progress and the summary, and sets the exit code. */
async function runAndReport(
  idea: string,
  options: RunOptions,
  refines?: RunRequest['refines'],
): Promise<void> {
  const progress = options.json ? process.stderr : process.stdout;
  const environment = createLocalEnvironment();
  for (const line of environment.describe()) progress.write(`${pc.dim(line)}\n`);
  const result = await generateLocally({
    idea,
    outDir: resolve(options.out),
    models: environment.models,
    quantConnect: environment.quantConnect,
    local: environment.local,
    notifier: createTerminalNotifier(progress),
    // Progress and the summary tell the user what happened; logs on stderr are for what they cannot.
    logger: createLogger({ level: process.env.LOG_LEVEL ?? 'error' }),
    ...(options.maxRefineAttempts !== undefined
      ? { limits: { maxRefineAttempts: options.maxRefineAttempts } }
      : {}),
    ...(refines ? { refines } : {}),
  });
  if (options.json) process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
  else progress.write(renderSummary(result.report));
  if (result.report.status !== 'succeeded') {
    process.stderr.write(
      `${pc.red('Run failed')} at ${result.report.failure?.stage}: ${result.report.failure?.message}\nNothing was lost: files are in ${result.runDir}\n`,
    );
    process.exitCode = 1;
  }
}

function withRunOptions(command: Command): Command {
  return command
    .option('-o, --out <dir>', 'where runs are written', './quantcoder-runs')
    .option('--json', 'print the run report as JSON on stdout (progress goes to stderr)')
    .addOption(
      new Option('--max-refine-attempts <n>', 'refine attempts before giving up').argParser(
        integerOption('--max-refine-attempts', 0, 10),
      ),
    );
}

withRunOptions(
  program
    .command('generate')
    .description('generate a QuantConnect project from an idea, through the same state machine AWS runs')
    .argument('<idea...>', 'the trading idea, in plain English'),
).action(async (ideaWords: string[], options: RunOptions) => {
  await runAndReport(ideaWords.join(' '), options);
});

withRunOptions(
  program
    .command('refine')
    .description(
      'change an earlier run\'s strategy ("make it long-only", "add a 5% stop") and generate it again',
    )
    .argument('<run>', 'the earlier run: its folder, or its id under --out')
    .argument('<instruction...>', 'what to change, in plain English'),
).action(async (run: string, instructionWords: string[], options: RunOptions) => {
  const earlier = await findEarlierRun(run, options.out);
  await runAndReport(instructionWords.join(' '), { ...options, out: earlier.outDir }, earlier.refines);
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof QuantCoderError && !(error instanceof UserInputError) ? ` (${error.name})` : '';
  process.stderr.write(`${pc.red('quantcoder:')} ${message}${hint}\n`);
  process.exitCode = error instanceof UserInputError ? 2 : 1;
}
