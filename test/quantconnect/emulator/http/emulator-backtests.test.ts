import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseRuntimeError } from '../../../../functions/quantconnect/compile-errors.js';
import { STATISTIC_KEYS } from '../../../../functions/quantconnect/emulator/statistics-format.js';
import { parseStatistics } from '../../../../functions/quantconnect/statistics.js';
import { ALPHA_PY, emulator, finalStatistics, tradingMain } from '../emulator-fixture.js';
import {
  closeHarnesses,
  compileToEnd,
  readBacktestToEnd,
  startBacktest,
  startHarness,
  succeeded,
  WireBacktest,
} from './emulator-http-fixture.js';

afterEach(closeHarnesses);

const tradingProject = [
  { name: 'main.py', content: tradingMain() },
  { name: 'alpha.py', content: ALPHA_PY },
];

describe('emulator over HTTP: backtests', () => {
  it('moves In Queue... → Running: NN% → Completed., with statistics [] until done and strings after', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 4 });
    const { projectId, backtestId, created } = await startBacktest(harness, tradingProject);

    // Act
    const reads = await readBacktestToEnd(harness, projectId, backtestId);
    const done = reads[reads.length - 1];

    // Assess
    expect(backtestId).toMatch(/^[0-9a-f]{32}$/);
    expect(created).toMatchObject({
      status: 'In Queue...',
      completed: false,
      statistics: [],
      parameterSet: [],
    });
    expect(reads.map((read) => read.status)).toEqual([
      'In Queue...',
      'Running: 33%',
      'Running: 67%',
      'Completed.',
    ]);
    expect(reads.map((read) => read.progress)).toEqual([0, 0.33, 0.67, 1]);
    expect(reads.slice(0, -1).map((read) => read.statistics)).toEqual([[], [], []]);
    expect(Object.keys(done?.statistics ?? {})).toEqual([...STATISTIC_KEYS]);
    expect(done).toMatchObject({ completed: true, error: null, stacktrace: null, hasInitializeError: false });
    expect(
      parseStatistics(z.record(z.string(), z.string()).parse(done?.statistics))['Total Orders'],
    ).toBeGreaterThan(0);
    expect(Object.keys(done?.charts ?? {})).toEqual(['Strategy Equity', 'Drawdown', 'Benchmark']);
    expect(done?.runtimeStatistics.Equity).toMatch(/^-?\$[\d,]+\.\d{2}$/);
    expect(done?.totalPerformance).toMatchObject({ portfolioStatistics: expect.any(Object) });
  });

  it('labels every backtest emulated: name suffix, note, emulated fields', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 1 });
    const { projectId, backtestId } = await startBacktest(harness, tradingProject);

    // Act
    const answer = succeeded(await harness.call('backtests/read', { projectId, backtestId }));
    const backtest = WireBacktest.parse(answer.backtest);

    // Assess
    expect(answer.emulated).toBe(true);
    expect(backtest.name).toBe('Test Backtest (emulated)');
    expect(backtest.note).toMatch(/emulator/i);
    expect(backtest.emulated).toBe(true);
    expect(harness.emulator.backtestUrl(projectId, backtestId)).toBe(
      `${harness.emulator.webUrl}project/${projectId}/${backtestId}`,
    );
  });

  it('gives the same statistics as the in-process emulator for the same files, and echoes parameters', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 1 });

    // Act
    const { projectId, backtestId } = await startBacktest(harness, tradingProject, {
      parameters: { lookback: 20 },
    });
    const [done] = await readBacktestToEnd(harness, projectId, backtestId);
    const inProcess = await finalStatistics(emulator(), tradingProject, { lookback: '20' });
    const withoutParameter = await finalStatistics(emulator(), tradingProject);

    // Assess
    expect(done?.statistics).toEqual(inProcess);
    expect(done?.statistics).not.toEqual(withoutParameter);
    expect(done?.parameterSet).toEqual({ lookback: '20' });
  });

  it('completes a project that places no orders with Total Orders "0"', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 2 });
    const silentAlpha = ALPHA_PY.replace(/return \[Insight[^\n]*/, 'return []');

    // Act
    const { projectId, backtestId } = await startBacktest(harness, [
      { name: 'main.py', content: tradingMain({ cash: '50000' }) },
      { name: 'alpha.py', content: silentAlpha },
    ]);
    const reads = await readBacktestToEnd(harness, projectId, backtestId);
    const orders = succeeded(
      await harness.call('backtests/orders/read', { projectId, backtestId, start: 0, end: 100 }),
    );

    // Assess
    expect(reads[reads.length - 1]?.statistics).toMatchObject({
      'Total Orders': '0',
      'Start Equity': '50000',
      'End Equity': '50000',
      'Net Profit': '0%',
    });
    expect(orders).toMatchObject({ orders: [], length: 0 });
  });

  it('reports a runtime error with a stack trace naming file and line, then a fix completes', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 3 });
    const crashingAlpha = ALPHA_PY.replace(
      '        return [',
      '        raise KeyError("SPY")\n        return [',
    );
    const { projectId, backtestId } = await startBacktest(harness, [
      { name: 'main.py', content: tradingMain() },
      { name: 'alpha.py', content: crashingAlpha },
    ]);

    // Act
    const failed = await readBacktestToEnd(harness, projectId, backtestId);
    succeeded(await harness.call('files/update', { projectId, name: 'alpha.py', content: ALPHA_PY }));
    const compile = await compileToEnd(harness, projectId);
    const fixed = succeeded(
      await harness.call('backtests/create', {
        projectId,
        compileId: compile.compileId,
        backtestName: 'Fixed',
      }),
    );
    const fixedId = WireBacktest.parse(fixed.backtest).backtestId;
    const fixedReads = await readBacktestToEnd(harness, projectId, fixedId);

    // Assess
    const last = failed[failed.length - 1];
    expect(failed.map((read) => read.status)).toEqual(['In Queue...', 'Runtime Error']);
    expect(last).toMatchObject({ hasInitializeError: false, statistics: [] });
    expect(last?.error).toContain('KeyError : SPY');
    expect(last?.stacktrace).toBe('  at update\n    raise KeyError("SPY")\n in alpha.py: line 5\n');
    expect(
      parseRuntimeError(last?.error ?? '', last?.stacktrace ?? null, new Set(['main.py', 'alpha.py'])),
    ).toMatchObject({ file: 'alpha.py', line: 5 });
    expect(fixedReads[fixedReads.length - 1]?.status).toBe('Completed.');
  });

  it('reports a raise in initialize as an initialization error', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 2 });
    const main = tradingMain({ extra: '        x = 1 / 0' });
    const line = main.split('\n').findIndex((text) => text.includes('1 / 0')) + 1;

    // Act
    const { projectId, backtestId } = await startBacktest(harness, [
      { name: 'main.py', content: main },
      { name: 'alpha.py', content: ALPHA_PY },
    ]);
    const reads = await readBacktestToEnd(harness, projectId, backtestId);

    // Assess
    expect(reads[reads.length - 1]).toMatchObject({
      status: 'Runtime Error',
      hasInitializeError: true,
      stacktrace: `  at initialize\n    x = 1 / 0\n in main.py: line ${line}\n`,
    });
    expect(reads[reads.length - 1]?.error).toMatch(
      /^During the algorithm initialization.*ZeroDivisionError : division by zero/,
    );
  });

  it('lists backtests with and without statistics, and deletes them', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 1 });
    const { projectId, backtestId } = await startBacktest(harness, tradingProject);
    await readBacktestToEnd(harness, projectId, backtestId);

    // Act
    const plain = succeeded(await harness.call('backtests/list', { projectId }));
    const withStatistics = succeeded(
      await harness.call('backtests/list', { projectId, includeStatistics: 'true' }, { method: 'GET' }),
    );
    const deleted = await harness.call('backtests/delete', { projectId, backtestId });
    const afterDelete = await harness.call('backtests/read', { projectId, backtestId });
    const empty = succeeded(await harness.call('backtests/list', { projectId }));

    // Assess
    expect(plain).toMatchObject({ count: 1, backtests: [{ backtestId, status: 'Completed.' }] });
    expect(plain.backtests).toEqual([expect.not.objectContaining({ sharpeRatio: expect.anything() })]);
    expect(withStatistics.backtests).toEqual([expect.objectContaining({ sharpeRatio: expect.any(Number) })]);
    expect(deleted.json.success).toBe(true);
    expect(afterDelete.json).toMatchObject({
      success: false,
      errors: [expect.stringContaining('not found')],
    });
    expect(empty).toMatchObject({ count: 0, backtests: [] });
  });

  it('finishes a "five-minute backtest" by the clock when backtestSeconds is set', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 1, backtestSeconds: 300 });
    const { projectId, backtestId } = await startBacktest(harness, tradingProject);
    const read = async () =>
      WireBacktest.parse(succeeded(await harness.call('backtests/read', { projectId, backtestId })).backtest);

    // Act
    const queued = await read();
    harness.clock.advance(150);
    const halfway = await read();
    harness.clock.advance(150);
    const done = await read();

    // Assess
    expect([queued.status, halfway.status, done.status]).toEqual([
      'In Queue...',
      'Running: 50%',
      'Completed.',
    ]);
  });
});
