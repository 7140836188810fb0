import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runQuantcoder } from './run-quantcoder.js';

describe('quantcoder generate', () => {
  it('with --json prints the report on stdout and the progress on stderr, and says it is offline', async () => {
    // Prepare
    const out = await mkdtemp(join(tmpdir(), 'quantcoder-cli-'));

    // Act
    const result = await runQuantcoder([
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
    const result = await runQuantcoder(['generate', 'buy', 'low', 'sell', 'high', '--out', out]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Run failed at plan');
    expect(result.stderr).toContain('ANTHROPIC_API_KEY');
    expect(result.stderr).toContain(`files are in ${out}`);
  });

  it('rejects a bad option value with what to type instead', async () => {
    // Act
    const result = await runQuantcoder(['generate', 'momentum on SPY', '--max-refine-attempts', 'many']);

    // Assess
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--max-refine-attempts takes a whole number from 0 to 10');
  });
});

describe('quantcoder validate', () => {
  const VALID = [
    'from AlgorithmImports import *',
    '',
    'class Buy(QCAlgorithm):',
    '    def initialize(self):',
    '        self.set_start_date(2020, 1, 1)',
    '        self.add_equity("SPY", Resolution.DAILY)',
    '',
  ].join('\n');

  it('prints { files, diagnostics } with --json and exits 1 on an error', async () => {
    // Prepare
    const folder = await mkdtemp(join(tmpdir(), 'quantcoder-validate-'));
    await writeFile(join(folder, 'good.py'), VALID);
    await writeFile(join(folder, 'bad.py'), VALID.replace('def initialize(self):', 'def initialize(self)'));

    // Act
    const result = await runQuantcoder([
      'validate',
      join(folder, 'good.py'),
      join(folder, 'bad.py'),
      '--json',
    ]);

    // Assess
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.stdout);
    expect(printed.files).toBe(2);
    expect(printed.diagnostics).toContainEqual({
      file: join(folder, 'bad.py'),
      line: 4,
      column: expect.any(Number),
      severity: 'error',
      rule: 'syntax-error',
      message: expect.any(String),
    });
    expect(printed.diagnostics.every((item: { file: string }) => item.file.endsWith('bad.py'))).toBe(true);
  });

  it('prints file:line:col severity rule message and exits 0 when there is no error', async () => {
    // Prepare
    const folder = await mkdtemp(join(tmpdir(), 'quantcoder-validate-'));
    await writeFile(join(folder, 'main.py'), `${VALID}import not_a_quantconnect_library\n`);

    // Act
    const result = await runQuantcoder(['validate', join(folder, 'main.py')]);

    // Assess
    expect(result.code).toBe(0);
    expect(stripVTControlCharacters(result.stdout)).toMatch(
      new RegExp(`^${join(folder, 'main.py')}:7:8 warning import-unknown `, 'm'),
    );
    expect(result.stderr).toContain('1 file checked: no errors, 1 warning');
  });

  it('says what to pass when a path does not exist, with exit status 2', async () => {
    // Act
    const result = await runQuantcoder(['validate', 'no/such/file.py']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no/such/file.py does not exist: name .py files or project directories.');
  });
});

describe('quantcoder models', () => {
  it('prints the effective route of every role and why, without a key in the output', async () => {
    // Act
    const result = await runQuantcoder(['models', '--json'], {
      ANTHROPIC_API_KEY: 'sk-ant-never-printed',
      MISTRAL_API_KEY: 'mistral-never-printed',
    });

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('never-printed');
    const routing = JSON.parse(result.stdout);
    expect(routing.offline).toBe(false);
    expect(routing.roles).toHaveLength(8);
    expect(routing.roles).toContainEqual(
      expect.objectContaining({ role: 'alpha', model: 'mistral:devstral-2512', reason: 'default' }),
    );
    expect(routing.roles).toContainEqual(
      expect.objectContaining({
        role: 'portfolio',
        reason: expect.stringContaining('OPENAI_COMPATIBLE_BASE_URL'),
      }),
    );
  });

  it('names the variable when QUANTCODER_MODELS routes to a vendor without a key', async () => {
    // Act
    const result = await runQuantcoder(['models'], {
      ANTHROPIC_API_KEY: 'sk-ant-test',
      QUANTCODER_MODELS: '{"alpha":"openai:gpt-5-mini"}',
    });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'QUANTCODER_MODELS routes alpha to openai, but OPENAI_API_KEY is not set',
    );
  });
});
