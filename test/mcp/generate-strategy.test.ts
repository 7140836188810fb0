import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTool, type McpHarness, startMcpHarness } from './mcp-harness.js';

type Output = {
  status: string;
  runId: string;
  mode: string;
  files: Array<{ name: string; owner: string; content: string }>;
  location: { project: string; report: string };
  validation: { ok: boolean; attempts: number };
  backtest: { emulated: boolean; statistics: Record<string, number | string> };
  cost: { calls: number; inputTokens: number };
};

describe('generate_strategy on this machine', () => {
  let harness: McpHarness;
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'quantcoder-mcp-runs-'));
    // No keys at all, as `quantcoder generate` runs offline: the offline model writes the code and the
    // pipeline starts its own HTTP emulator, whose waits it skips.
    harness = await startMcpHarness({
      withoutCredentials: true,
      environment: { QUANTCODER_MCP_OUT_DIR: outDir },
    });
  });

  afterAll(() => harness.close());

  it('runs the pipeline and returns the files, validation, statistics, cost and where the files are', async () => {
    // Prepare
    const progress: string[] = [];

    // Act
    const result = await callTool(
      harness.client,
      'generate_strategy',
      { idea: 'RSI mean reversion on SPY', startDate: '2019-01-01', endDate: '2020-12-31', cash: 25_000 },
      (message) => progress.push(message),
    );

    // Assess
    expect(result.isError, result.text).toBeUndefined();
    const output = result.structuredContent as Output;
    expect(output).toMatchObject({ status: 'succeeded', mode: 'local' });
    expect(output.files.map((file) => file.name)).toContain('main.py');
    const main = output.files.find((file) => file.name === 'main.py');
    expect(main?.content).toContain('class ');
    expect(main?.content).toContain('2019');
    expect(output.location.project.startsWith(join(outDir, output.runId))).toBe(true);
    expect(await readFile(join(output.location.project, 'main.py'), 'utf8')).toBe(main?.content);
    expect(output.validation.ok).toBe(true);
    expect(output.backtest.emulated).toBe(true);
    expect(typeof output.backtest.statistics['Sharpe Ratio']).toBe('number');
    expect(output.cost.calls).toBeGreaterThan(0);
    const report = JSON.parse(await readFile(output.location.report, 'utf8'));
    expect(report.request).toMatchObject({ source: 'mcp', idea: 'RSI mean reversion on SPY' });
    expect(result.text).toContain('emulated: not market results');
    expect(progress.some((message) => message.startsWith('Offline'))).toBe(true);
    expect(progress.some((message) => /plan (started|succeeded)/.test(message))).toBe(true);
    expect(result.text).toContain('main.py');
  }, 90_000);

  it('returns a failed run as a tool error that says what failed and where the files are', async () => {
    // Prepare
    const capped = await startMcpHarness({
      withoutCredentials: true,
      environment: { QUANTCODER_MCP_OUT_DIR: outDir, QUANTCODER_BUDGET_TOKENS: '10' },
    });

    // Act
    const result = await callTool(capped.client, 'generate_strategy', { idea: 'Momentum on SPY and QQQ' });
    await capped.close();

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^The run \S+ failed at \S+: /);
    expect(result.text).toContain('Nothing was lost: its files are in');
    expect(result.text).toContain(outDir);
  }, 90_000);

  it("backtests on the server's shared emulator, so get_backtest reads the run's backtest", async () => {
    // Prepare
    const shared = await startMcpHarness({
      withoutCredentials: true,
      environment: { QUANTCODER_MCP_OUT_DIR: outDir, QUANTCODER_MCP_EMULATOR: '1' },
    });

    try {
      // Act
      const progress: string[] = [];
      const generated = await callTool(
        shared.client,
        'generate_strategy',
        { idea: 'Momentum on SPY' },
        (message) => progress.push(message),
      );
      const backtest = (
        generated.structuredContent as { backtest?: { projectId: number; backtestId?: string } }
      ).backtest;
      const read = await callTool(shared.client, 'get_backtest', {
        projectId: backtest?.projectId,
        backtestId: backtest?.backtestId,
      });

      // Assess
      expect(generated.isError, generated.text).toBeUndefined();
      expect(progress.some((message) => message.includes('QUANTCODER_MCP_EMULATOR'))).toBe(true);
      expect(read.isError, read.text).toBeUndefined();
      expect(read.structuredContent).toMatchObject({ status: 'Completed', emulated: true });
    } finally {
      await shared.close();
    }
  }, 90_000);

  it('refuses an empty idea before running anything', async () => {
    // Act
    const result = await callTool(harness.client, 'generate_strategy', { idea: '   ' });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('idea');
  });
});
