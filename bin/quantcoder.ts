import { Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { QuantCoderError, UserInputError } from '../functions/shared/errors.js';
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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof QuantCoderError && !(error instanceof UserInputError) ? ` (${error.name})` : '';
  process.stderr.write(`${pc.red('quantcoder:')} ${message}${hint}\n`);
  process.exitCode = error instanceof UserInputError ? 2 : 1;
}
