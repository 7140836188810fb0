import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SourceFile } from '../agents/tasks.js';
import { UserInputError } from '../shared/errors.js';
import { readPythonProject } from '../validator/validate-paths.js';
import { applyBacktestSettings, type BacktestSettings, type SettingChange } from './backtest-settings.js';

/**
 * Every .py file of a project folder, for pushing to QuantConnect: a UserInputError when the path is not a
 * folder or the folder has no main.py (QuantConnect runs the algorithm class in main.py).
 */
export async function readBacktestProject(directory: string): Promise<SourceFile[]> {
  const info = await stat(resolve(directory)).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new UserInputError(
      `${directory} is not a directory: pass the folder that holds the project's main.py.`,
    );
  }
  const files = await readPythonProject(directory);
  if (!files.some((file) => file.name === 'main.py')) {
    throw new UserInputError(
      `${directory} has no main.py: QuantConnect runs the algorithm class in main.py.`,
    );
  }
  return files;
}

/** The files as they will be pushed: main.py with the backtest's dates and cash set, and what changed in it. */
export function withBacktestSettings(
  files: readonly SourceFile[],
  settings: BacktestSettings,
): { files: SourceFile[]; changes: SettingChange[] } {
  const changes: SettingChange[] = [];
  const changed = files.map((file) => {
    if (file.name !== 'main.py') return file;
    const applied = applyBacktestSettings(file.content, settings);
    changes.push(...applied.changes);
    return { name: file.name, content: applied.content };
  });
  return { files: changed, changes };
}
