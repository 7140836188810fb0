import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUY_AND_HOLD, callTool, type McpHarness, startMcpHarness } from './mcp-harness.js';

/** Crashes on its first bar, at main.py line 11. */
const CRASHING = BUY_AND_HOLD.replace(
  '        if not self.portfolio.invested:',
  '        ratio = 1 / 0\n        if not self.portfolio.invested:',
);

describe('backtest over the emulator with QuantConnect credentials', () => {
  let harness: McpHarness;

  beforeAll(async () => {
    harness = await startMcpHarness();
  });

  afterAll(() => harness.close());

  it('pushes, compiles, backtests and returns numbers, links and ids, with progress on the way', async () => {
    // Prepare
    const progress: string[] = [];

    // Act
    const result = await callTool(
      harness.client,
      'backtest',
      { files: { 'main.py': BUY_AND_HOLD }, endDate: '2021-06-30', cash: 50_000 },
      (message) => progress.push(message),
    );

    // Assess
    expect(result.isError).toBeUndefined();
    const output = result.structuredContent ?? {};
    expect(output).toMatchObject({
      status: 'Completed',
      projectId: expect.any(Number),
      backtestId: expect.stringMatching(/^[0-9a-f]{32}$/),
      emulated: false,
      settingsChanges: ['main.py:5 inserted set_end_date(2021, 6, 30)', 'main.py:7 replaced set_cash(50000)'],
    });
    expect(output.url).toContain(String(output.backtestId));
    expect(output.statistics).toMatchObject({ 'Start Equity': 50_000 });
    expect(typeof (output.statistics as Record<string, unknown>)['Sharpe Ratio']).toBe('number');
    expect(progress.some((message) => message.startsWith('project '))).toBe(true);
    expect(progress.some((message) => message.startsWith('compiled'))).toBe(true);
    expect(progress.some((message) => message.startsWith('backtest '))).toBe(true);
    expect(result.text).toContain('Sharpe Ratio');
  });

  it('backtests a project folder given as a path, leaving its files unchanged', async () => {
    // Prepare
    const folder = await mkdtemp(join(tmpdir(), 'quantcoder-mcp-backtest-'));
    await writeFile(join(folder, 'main.py'), BUY_AND_HOLD);

    // Act
    const result = await callTool(harness.client, 'backtest', { path: folder, startDate: '2021-01-04' });

    // Assess
    expect(result.structuredContent).toMatchObject({
      status: 'Completed',
      settingsChanges: ['main.py:5 replaced set_start_date(2021, 1, 4)'],
    });
  });

  it('refuses to push a project with static errors, naming file and line', async () => {
    // Prepare
    const before = harness.emulator.totalRequests;

    // Act
    const result = await callTool(harness.client, 'backtest', {
      files: { 'main.py': BUY_AND_HOLD.replace('self.set_holdings(', 'self.set_holding(') },
    });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('main.py:11:18 error unknown-algorithm-member');
    expect(result.text).toContain('skipValidation');
    expect(harness.emulator.totalRequests).toBe(before);
  });

  it("returns QuantConnect's compile errors with file and line when validation is skipped", async () => {
    // Act
    const result = await callTool(harness.client, 'backtest', {
      files: { 'main.py': BUY_AND_HOLD.replace('self.set_holdings(', 'self.set_holding(') },
      skipValidation: true,
    });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('QuantConnect could not compile the project');
    expect(result.text).toContain('main.py:11:18 error quantconnect-build');
  });

  it('reports a runtime error at the line that raised it, and get_backtest reads it the same way', async () => {
    // Act
    const result = await callTool(harness.client, 'backtest', { files: { 'main.py': CRASHING } });
    const [, projectId, backtestId] = /\/project\/(\d+)\/([0-9a-f]{32})/.exec(result.text) ?? [];
    const read = await callTool(harness.client, 'get_backtest', {
      projectId: Number(projectId),
      backtestId: backtestId ?? '',
    });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('runtime error');
    expect(result.text).toMatch(/main\.py:10:0 error runtime-error .*ZeroDivisionError/);
    expect(read.isError).toBeUndefined();
    expect(read.structuredContent).toMatchObject({
      status: 'RuntimeError',
      statistics: {},
      diagnostics: [{ file: 'main.py', line: 10, rule: 'runtime-error', source: 'runtime' }],
    });
  });

  it('refuses dates that are not calendar dates, and a start after the end', async () => {
    // Act
    const badDate = await callTool(harness.client, 'backtest', {
      files: { 'main.py': BUY_AND_HOLD },
      startDate: '2021-02-30',
    });
    const reversed = await callTool(harness.client, 'backtest', {
      files: { 'main.py': BUY_AND_HOLD },
      startDate: '2022-01-01',
      endDate: '2021-01-01',
    });

    // Assess
    expect(badDate.isError).toBe(true);
    expect(badDate.text).toContain('not a calendar date');
    expect(reversed).toMatchObject({
      isError: true,
      text: 'startDate 2022-01-01 is after endDate 2021-01-01.',
    });
  });

  it('refuses a backtest that starts the day it ends, as the pipeline does', async () => {
    // Act
    const result = await callTool(harness.client, 'backtest', {
      files: { 'main.py': BUY_AND_HOLD },
      startDate: '2021-01-01',
      endDate: '2021-01-01',
    });

    // Assess
    expect(result).toMatchObject({
      isError: true,
      text: 'startDate and endDate are both 2021-01-01: a backtest must start before it ends.',
    });
  });

  it('asks for main.py when the files have none', async () => {
    // Act
    const result = await callTool(harness.client, 'backtest', { files: { 'alpha.py': 'x = 1\n' } });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('main.py');
  });
});

describe('a backtest that outlasts the wait', () => {
  let harness: McpHarness;
  let clock = Date.now();

  beforeAll(async () => {
    // One clock for the emulator and the tools: a five-minute backtest passes in virtual time.
    harness = await startMcpHarness({
      emulator: { now: () => new Date(clock), backtestSeconds: 300, compileSeconds: 2 },
      context: {
        now: () => clock,
        sleep: async (milliseconds) => {
          clock += milliseconds;
        },
      },
    });
  });

  afterAll(() => harness.close());

  it('answers Running with the ids once waitSeconds pass, and get_backtest reads it to the end', async () => {
    // Act
    const started = await callTool(harness.client, 'backtest', {
      files: { 'main.py': BUY_AND_HOLD },
      waitSeconds: 60,
    });
    const { projectId, backtestId } = started.structuredContent as { projectId: number; backtestId: string };
    const early = await callTool(harness.client, 'get_backtest', { projectId, backtestId });
    const progress: string[] = [];
    const finished = await callTool(
      harness.client,
      'get_backtest',
      { projectId, backtestId, waitSeconds: 600 },
      (message) => progress.push(message),
    );

    // Assess
    expect(started.isError).toBeUndefined();
    expect(started.structuredContent).toMatchObject({ status: 'Running', statistics: {} });
    expect(started.text).toContain('call get_backtest with projectId');
    expect(early.structuredContent).toMatchObject({ status: 'Running', statistics: {} });
    expect(finished.structuredContent).toMatchObject({
      status: 'Completed',
      progress: 1,
      diagnostics: [],
      statistics: { 'Total Orders': expect.any(Number) },
    });
    expect(progress.length).toBeGreaterThan(0);
  });

  it('says how to find a backtest that does not exist', async () => {
    // Act
    const result = await callTool(harness.client, 'get_backtest', { projectId: 1, backtestId: 'abc' });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('Check projectId and backtestId');
  });
});

describe('backtest without QuantConnect credentials', () => {
  it('names the settings to add and never uses the emulator on its own', async () => {
    // Prepare
    const harness = await startMcpHarness({ withoutCredentials: true });

    // Act
    const result = await callTool(harness.client, 'backtest', { files: { 'main.py': BUY_AND_HOLD } });
    await harness.close();

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('QC_USER_ID');
    expect(result.text).toContain('QC_API_TOKEN');
    expect(result.text).toContain('QUANTCODER_MCP_EMULATOR=1');
  });

  it('uses the shared local emulator when QUANTCODER_MCP_EMULATOR=1, labelled emulated, and get_backtest finds it', async () => {
    // Prepare
    const harness = await startMcpHarness({
      withoutCredentials: true,
      environment: { QUANTCODER_MCP_EMULATOR: '1' },
    });

    // Act
    const result = await callTool(harness.client, 'backtest', { files: { 'main.py': BUY_AND_HOLD } });
    const { projectId, backtestId } = result.structuredContent as { projectId: number; backtestId: string };
    const read = await callTool(harness.client, 'get_backtest', { projectId, backtestId });
    await harness.close();

    // Assess
    expect(result.structuredContent).toMatchObject({ status: 'Completed', emulated: true });
    expect(result.text).toContain('emulated: not market results');
    expect(read.structuredContent).toMatchObject({ status: 'Completed', emulated: true });
    // The harness's own emulator (the QC_API_URL one) was never asked: the server started its own.
    expect(harness.emulator.totalRequests).toBe(0);
  });

  it('refuses a QUANTCODER_MCP_EMULATOR value it does not understand, naming it', async () => {
    // Prepare
    const harness = await startMcpHarness({ environment: { QUANTCODER_MCP_EMULATOR: 'maybe' } });

    // Act
    const result = await callTool(harness.client, 'backtest', { files: { 'main.py': BUY_AND_HOLD } });
    await harness.close();

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('QUANTCODER_MCP_EMULATOR takes 1');
  });
});
