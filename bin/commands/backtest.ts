import { basename, join, resolve } from 'node:path';
import pc from 'picocolors';
import type { SourceFile } from '../../functions/agents/tasks.js';
import { readBacktestProject, withBacktestSettings } from '../../functions/quantconnect/backtest-project.js';
import type { BacktestSettings } from '../../functions/quantconnect/backtest-settings.js';
import { connectQuantConnect } from '../../functions/quantconnect/connect.js';
import { uniqueProjectName } from '../../functions/quantconnect/push-project.js';
import { type BacktestRunResult, runBacktest } from '../../functions/quantconnect/run-backtest.js';
import { statisticsLines } from '../../functions/quantconnect/statistics-text.js';
import { UserInputError } from '../../functions/shared/errors.js';
import { formatDiagnostic } from '../../functions/validator/diagnostic.js';
import { validateProject } from '../../functions/validator/validate-project.js';

export interface BacktestCommandOptions {
  start?: string;
  end?: string;
  cash?: number;
  json?: boolean;
  emulator?: boolean;
  timeout: number;
  skipValidation?: boolean;
}

/** `quantcoder backtest <dir>`: pushes a local project to QuantConnect, backtests it and prints the statistics. */
export async function backtestCommand(directory: string, options: BacktestCommandOptions): Promise<void> {
  const progress = (line: string) => process.stderr.write(`${pc.dim(line)}\n`);
  const files = await readBacktestProject(directory);
  const settings: BacktestSettings = {
    ...(options.start !== undefined ? { start: options.start } : {}),
    ...(options.end !== undefined ? { end: options.end } : {}),
    ...(options.cash !== undefined ? { cash: options.cash } : {}),
  };
  const { files: pushed, changes } = withBacktestSettings(files, settings);
  for (const change of changes)
    progress(`main.py:${change.line} ${change.action} ${change.call} (the local file is unchanged)`);
  if (!options.skipValidation) refuseStaticErrors(directory, pushed);

  const connection = await connectQuantConnect(process.env, {
    withoutCredentials: 'refuse',
    forceEmulator: options.emulator ?? false,
  });
  try {
    for (const line of connection.describe()) progress(line);
    // The emulator marks its own backtest names as emulated, so the name here is the same either way.
    const projectName = uniqueProjectName(basename(resolve(directory)), new Date());
    const result = await runBacktest({
      quantConnect: connection.quantConnect,
      files: pushed,
      projectName,
      backtestName: projectName,
      sleep: (milliseconds) => new Promise((done) => setTimeout(done, milliseconds)),
      timeoutMs: options.timeout * 60_000,
      onProgress: progress,
    });
    print(result, options);
    if (result.status !== 'Completed') process.exitCode = 1;
  } finally {
    await connection.close();
  }
}

function refuseStaticErrors(directory: string, files: SourceFile[]): void {
  const errors = validateProject(files).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length === 0) return;
  const lines = errors.map((diagnostic) =>
    formatDiagnostic({ ...diagnostic, file: join(directory, diagnostic.file) }),
  );
  throw new UserInputError(
    `${lines.join('\n')}\nThe project has ${errors.length} static error${errors.length === 1 ? '' : 's'}: fix them first (quantcoder validate ${directory}), or pass --skip-validation to push it anyway.`,
  );
}

function print(result: BacktestRunResult, options: BacktestCommandOptions): void {
  if (options.json) {
    const { projectId, compileId, backtestId, status, statistics, url } = result;
    const extra = result.emulated ? { emulated: true } : {};
    const problems = result.diagnostics.length > 0 ? { diagnostics: result.diagnostics } : {};
    process.stdout.write(
      `${JSON.stringify({ projectId, compileId, backtestId, status, statistics, url, ...extra, ...problems }, null, 2)}\n`,
    );
    return;
  }
  const label = result.emulated ? pc.yellow(' (emulated: not market results)') : '';
  process.stdout.write(`${pc.bold(`Backtest ${result.status}`)}${label}  ${result.url}\n`);
  for (const diagnostic of result.diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
  if (result.status === 'TimedOut') {
    process.stdout.write(
      `Still "${result.detail}" after --timeout ${options.timeout} minutes; it keeps running on QuantConnect: open the link to follow it.\n`,
    );
  }
  for (const line of statisticsLines(result.rawStatistics)) process.stdout.write(`${line}\n`);
}
