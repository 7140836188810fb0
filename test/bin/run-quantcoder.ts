import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { PLAIN_SETTING_NAMES, SECRET_SETTING_NAMES } from '../../functions/shared/secret-settings.js';

const execute = promisify(execFile);
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'quantcoder.mjs');

/** What a CLI run printed and how it ended; stderr without colour codes. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as a user would, with none of QuantCoder's settings from this machine's environment
 * (no vendor keys, no QuantConnect credentials, no routes or budgets) except those in `settings`.
 */
export async function runQuantcoder(args: string[], settings: Record<string, string> = {}): Promise<CliRun> {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...SECRET_SETTING_NAMES, ...PLAIN_SETTING_NAMES]) delete environment[name];
  Object.assign(environment, settings);
  try {
    const { stdout, stderr } = await execute(process.execPath, [CLI, ...args], {
      env: environment,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr: stripVTControlCharacters(stderr) };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: failed.code ?? -1,
      stdout: failed.stdout ?? '',
      stderr: stripVTControlCharacters(failed.stderr ?? ''),
    };
  }
}
