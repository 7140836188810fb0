import { Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { QuantCoderError, UserInputError } from '../functions/shared/errors.js';
import type { BacktestCommandOptions } from './commands/backtest.js';
import type { McpCommandOptions } from './commands/mcp.js';
import type { RunOptions } from './commands/run-pipeline.js';
import type { ValidateCommandOptions } from './commands/validate.js';

// Each command imports its implementation when it runs: `validate` must not pay for the CDK and the pipeline.

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

function withRunOptions(command: Command): Command {
  return command
    .option('-o, --out <dir>', 'where runs are written', './quantcoder-runs')
    .option('--json', 'print the run report as JSON on stdout (progress goes to stderr)')
    .option(
      '--budget-usd <dollars>',
      'stop the run cleanly once its models cost this much (QUANTCODER_BUDGET_USD)',
    )
    .option(
      '--budget-tokens <n>',
      'stop the run cleanly once its models used this many tokens (QUANTCODER_BUDGET_TOKENS)',
    )
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
  const { generateCommand } = await import('./commands/run-pipeline.js');
  await generateCommand(ideaWords, options);
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
  const { refineCommand } = await import('./commands/run-pipeline.js');
  await refineCommand(run, instructionWords, options);
});

program
  .command('validate')
  .description(
    'statically check QuantConnect Python files or project directories (a file is checked with its directory as import root)',
  )
  .argument('<path...>', '.py files or project directories')
  .option('--json', 'print { files, diagnostics } as JSON')
  .action(async (paths: string[], options: ValidateCommandOptions) => {
    const { validateCommand } = await import('./commands/validate.js');
    await validateCommand(paths, options);
  });

program
  .command('models')
  .description(
    'show which model serves each agent role, its fallbacks and why (from the keys and QUANTCODER_MODELS)',
  )
  .option('--json', 'print the routing as JSON')
  .action(async (options: { json?: boolean }) => {
    const { modelsCommand } = await import('./commands/models.js');
    await modelsCommand(options);
  });

function cashOption(value: string): number {
  const parsed = Number(value.replace(/[_,]/g, ''));
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new InvalidArgumentError('--cash takes a positive amount, for example 100000.');
  }
  return parsed;
}

program
  .command('backtest')
  .description('push a local project to QuantConnect, compile it, backtest it and print the statistics')
  .argument('<dir>', 'the project folder (it holds main.py)')
  .option('--start <YYYY-MM-DD>', 'backtest start date (sets set_start_date in the pushed main.py)')
  .option('--end <YYYY-MM-DD>', 'backtest end date (sets set_end_date in the pushed main.py)')
  .addOption(
    new Option('--cash <n>', 'starting cash (sets set_cash in the pushed main.py)').argParser(cashOption),
  )
  .option('--json', 'print { projectId, compileId, backtestId, status, statistics, url } as JSON')
  .option('--emulator', 'use the local QuantConnect emulator instead of QuantConnect (no credentials needed)')
  .option('--skip-validation', 'push even when the static validator finds errors')
  .addOption(
    new Option('--timeout <minutes>', 'stop waiting for the backtest after this long')
      .default(60)
      .argParser(integerOption('--timeout', 1, 720)),
  )
  .action(async (directory: string, options: BacktestCommandOptions) => {
    const { backtestCommand } = await import('./commands/backtest.js');
    await backtestCommand(directory, options);
  });

program
  .command('mcp')
  .description(
    "serve QuantCoder's tools (validate_code, backtest, get_backtest, get_api_docs, generate_strategy, deploy_live) to MCP clients over stdio, or over streamable HTTP with --http",
  )
  .addOption(
    new Option(
      '--http <port>',
      'serve streamable HTTP at http://<host>:<port>/mcp instead of stdio',
    ).argParser(integerOption('--http', 0, 65_535)),
  )
  .option('--host <address>', 'the address --http listens on', '127.0.0.1')
  .option(
    '--out <dir>',
    'where generate_strategy writes runs (QUANTCODER_MCP_OUT_DIR; default ~/quantcoder-runs)',
  )
  .action(async (options: McpCommandOptions) => {
    const { mcpCommand } = await import('./commands/mcp.js');
    await mcpCommand(options);
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
