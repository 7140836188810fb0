import { basename, resolve } from 'node:path';
import { z } from 'zod';
import type { SourceFile } from '../agents/tasks.js';
import { readBacktestProject } from '../quantconnect/backtest-project.js';
import type { BacktestSettings } from '../quantconnect/backtest-settings.js';
import { isCalendarDate } from '../shared/calendar-date.js';
import { UserInputError } from '../shared/errors.js';

/** A project's Python file: `main.py`, `alpha.py`, `utils/math.py`; never a path out of the project. */
const PYTHON_FILE_NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*\/)*[A-Za-z_][A-Za-z0-9_]*\.py$/;
const MAX_PROJECT_FILES = 100;
/** QuantConnect's largest file is 256 KB; more than this is not a project file. */
const MAX_FILE_CHARACTERS = 1_000_000;

/** Project files by name, as an assistant passes the code it has in hand. */
export const ProjectFiles = z
  .record(z.string().regex(PYTHON_FILE_NAME), z.string().max(MAX_FILE_CHARACTERS), {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? `'${String(issue.input).slice(0, 80)}' is not a project file name: file names are Python modules of the project, such as main.py, alpha.py or utils/math.py`
        : undefined,
  })
  .refine((files) => Object.keys(files).length > 0 && Object.keys(files).length <= MAX_PROJECT_FILES, {
    message: `pass from 1 to ${MAX_PROJECT_FILES} files`,
  })
  .describe(
    'The project files, file name to content, e.g. {"main.py": "from AlgorithmImports import *\\n..."}',
  );

/** A path on the machine that runs the server. */
export const ProjectPath = z
  .string()
  .min(1)
  .max(4096)
  .describe(
    "A project folder (or, for validation only, one .py file) on the machine that runs QuantCoder; relative paths start at the server's working directory, so prefer an absolute path",
  );

/** A calendar date as YYYY-MM-DD. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'dates are YYYY-MM-DD, for example 2020-01-31' })
  .refine(isCalendarDate, { message: 'not a calendar date' });

/** Starting cash in the account currency. */
export const Cash = z.number().positive().max(1e12);

/** Where a tool's project comes from: files in the call, or a path on this machine. */
export type ProjectSource = { kind: 'files'; files: SourceFile[] } | { kind: 'path'; path: string };

/** The call's project: exactly one of `files` and `path`, else a UserInputError that says which to pass. */
export function projectSource(input: { files?: Record<string, string>; path?: string }): ProjectSource {
  if (input.files !== undefined && input.path !== undefined) {
    throw new UserInputError('Pass either files or path, not both.');
  }
  if (input.files !== undefined) {
    const files = Object.entries(input.files)
      .map(([name, content]) => ({ name, content }))
      .sort((left, right) => (left.name < right.name ? -1 : 1));
    return { kind: 'files', files };
  }
  if (input.path !== undefined) return { kind: 'path', path: resolve(input.path) };
  throw new UserInputError(
    'Pass the project: files ({"main.py": "..."}) with the code, or path with a folder on the machine that runs QuantCoder.',
  );
}

/**
 * A project QuantConnect can run, from the call's files or path (a folder with main.py), and a label for the
 * QuantConnect project's name; a UserInputError when the files have no main.py.
 */
export async function readPushableProject(input: {
  files?: Record<string, string> | undefined;
  path?: string | undefined;
}): Promise<{ files: SourceFile[]; label: string }> {
  const source = projectSource(input);
  if (source.kind === 'path') {
    return { files: await readBacktestProject(source.path), label: basename(source.path) };
  }
  if (!source.files.some((file) => file.name === 'main.py')) {
    throw new UserInputError(
      'files has no main.py: QuantConnect runs the algorithm class (QCAlgorithm) in main.py.',
    );
  }
  return { files: source.files, label: 'quantcoder-mcp' };
}

/** The backtest's dates and cash, checked by checkBacktestPeriod. */
export function backtestSettings(input: {
  startDate?: string;
  endDate?: string;
  cash?: number;
}): BacktestSettings {
  checkBacktestPeriod(input);
  return {
    ...(input.startDate !== undefined ? { start: input.startDate } : {}),
    ...(input.endDate !== undefined ? { end: input.endDate } : {}),
    ...(input.cash !== undefined ? { cash: input.cash } : {}),
  };
}

/** A UserInputError unless the start comes before the end, as the pipeline's plan requires. */
export function checkBacktestPeriod(input: { startDate?: string; endDate?: string }): void {
  if (input.startDate !== undefined && input.endDate !== undefined) {
    if (input.startDate > input.endDate) {
      throw new UserInputError(`startDate ${input.startDate} is after endDate ${input.endDate}.`);
    }
    if (input.startDate === input.endDate) {
      throw new UserInputError(
        `startDate and endDate are both ${input.startDate}: a backtest must start before it ends.`,
      );
    }
  }
}
