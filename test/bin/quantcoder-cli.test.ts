import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'quantcoder.mjs');

/** Runs the CLI as a user would, with no keys in its environment. */
async function quantcoder(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const environment = { ...process.env };
  for (const name of [
    'ANTHROPIC_API_KEY',
    'OPENAI_API_KEY',
    'MISTRAL_API_KEY',
    'QC_USER_ID',
    'QC_API_TOKEN',
  ]) {
    delete environment[name];
  }
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
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

describe('quantcoder generate', () => {
  it('with --json prints the report on stdout and the progress on stderr, and says it is offline', async () => {
    // Prepare
    const out = await mkdtemp(join(tmpdir(), 'quantcoder-cli-'));

    // Act
    const result = await quantcoder([
      'generate',
      'RSI',
      '14',
      'on',
      'SPY,',
      'buy',
      'below',
      '30',
      '--json',
      '--out',
      out,
    ]);

    // Assess
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe('succeeded');
    expect(report.request.idea).toBe('RSI 14 on SPY, buy below 30');
    expect(result.stderr).toContain('Offline');
    expect(result.stderr).toMatch(/✔ Validate/);
    const [runId] = await readdir(out);
    expect(report.runId).toBe(runId);
    const onDisk = JSON.parse(await readFile(join(out, report.runId, 'report.json'), 'utf8'));
    expect(onDisk.files).toEqual(report.files);
  });

  it('explains an idea it cannot plan, says where its files are and exits with status 1', async () => {
    // Prepare
    const out = await mkdtemp(join(tmpdir(), 'quantcoder-cli-'));

    // Act
    const result = await quantcoder(['generate', 'buy', 'low', 'sell', 'high', '--out', out]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Run failed at plan');
    expect(result.stderr).toContain('ANTHROPIC_API_KEY');
    expect(result.stderr).toContain(`files are in ${out}`);
  });

  it('rejects a bad option value with what to type instead', async () => {
    // Act
    const result = await quantcoder(['generate', 'momentum on SPY', '--max-refine-attempts', 'many']);

    // Assess
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--max-refine-attempts takes a whole number from 0 to 10');
  });
});
