import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ALPHA_PY, tradingMain } from '../emulator-fixture.js';
import {
  closeHarnesses,
  readBacktestToEnd,
  startBacktest,
  startHarness,
  succeeded,
} from './emulator-http-fixture.js';

afterEach(closeHarnesses);

const tradingProject = [
  { name: 'main.py', content: tradingMain() },
  { name: 'alpha.py', content: ALPHA_PY },
];
const START = Date.UTC(2020, 0, 1) / 1000;
const END = Date.UTC(2023, 0, 1) / 1000;

const Series = z
  .object({ name: z.string(), seriesType: z.number(), values: z.array(z.array(z.number())) })
  .loose();
const ChartAnswer = z.object({
  chart: z.object({ name: z.string(), series: z.record(z.string(), Series) }).loose(),
});

describe('emulator over HTTP: charts', () => {
  it('answers loading while the backtest runs and on the first read after, then the chart', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 3 });
    const { projectId, backtestId } = await startBacktest(harness, tradingProject);
    const request = { projectId, backtestId, name: 'Strategy Equity', count: 10_000, start: START, end: END };

    // Act
    const whileQueued = succeeded(await harness.call('backtests/chart/read', request));
    const reads = await readBacktestToEnd(harness, projectId, backtestId);
    const first = succeeded(await harness.call('backtests/chart/read', request));
    const second = ChartAnswer.parse(succeeded(await harness.call('backtests/chart/read', request)));

    // Assess
    expect(whileQueued).toMatchObject({ status: 'loading', progress: 0 });
    expect(first).toMatchObject({ status: 'loading' });
    expect(first).not.toHaveProperty('chart');
    const equity = second.chart.series.Equity;
    expect(equity?.seriesType).toBe(2);
    expect(equity?.values).toHaveLength(783);
    expect(equity?.values[0]).toEqual([START, 100_000, 100_000, 100_000, 100_000]);
    const endEquity = Number(
      z.record(z.string(), z.string()).parse(reads[reads.length - 1]?.statistics)['End Equity'],
    );
    expect(equity?.values[equity.values.length - 1]?.[4]).toBe(endEquity);
    expect(second.chart.series.Return?.values[0]).toEqual([START, 0]);
  });

  it('keeps the points within start..end and at most count of them, the last one always', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 1 });
    const { projectId, backtestId } = await startBacktest(harness, tradingProject);
    await readBacktestToEnd(harness, projectId, backtestId);
    const from = Date.UTC(2021, 0, 1) / 1000;
    const request = { projectId, backtestId, name: 'Benchmark', count: 5, start: from, end: END };
    await harness.call('backtests/chart/read', request);

    // Act
    const answer = ChartAnswer.parse(succeeded(await harness.call('backtests/chart/read', request)));

    // Assess
    const values = answer.chart.series.Benchmark?.values ?? [];
    expect(values).toHaveLength(5);
    expect(values.every(([time]) => (time ?? 0) >= from && (time ?? 0) <= END)).toBe(true);
    expect(values[values.length - 1]?.[0]).toBe(Date.UTC(2022, 11, 30) / 1000);
  });

  it('refuses an unknown chart and a request without count, start and end', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 1 });
    const { projectId, backtestId } = await startBacktest(harness, tradingProject);

    // Act
    const unknown = await harness.call('backtests/chart/read', {
      projectId,
      backtestId,
      name: 'No Such Chart',
      count: 10,
      start: START,
      end: END,
    });
    const incomplete = await harness.call('backtests/chart/read', {
      projectId,
      backtestId,
      name: 'Drawdown',
    });

    // Assess
    expect(unknown.json).toMatchObject({
      success: false,
      errors: [expect.stringContaining('No Such Chart')],
    });
    expect(incomplete.json.success).toBe(false);
    expect(incomplete.json.errors?.[0]).toMatch(/count.*start.*end/s);
  });
});

describe('emulator over HTTP: orders', () => {
  it('serves orders in pages of at most 100 and refuses a wider page', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 1 });
    const { projectId, backtestId } = await startBacktest(harness, tradingProject);
    const reads = await readBacktestToEnd(harness, projectId, backtestId);
    const totalOrders = Number(
      z.record(z.string(), z.string()).parse(reads[reads.length - 1]?.statistics)['Total Orders'],
    );

    // Act
    const orders: unknown[] = [];
    for (let start = 0; start < 10_000; start += 100) {
      const page = succeeded(
        await harness.call('backtests/orders/read', { projectId, backtestId, start, end: start + 100 }),
      );
      const pageOrders = z.array(z.unknown()).parse(page.orders);
      orders.push(...pageOrders);
      if (pageOrders.length < 100) break;
    }
    const tooWide = await harness.call('backtests/orders/read', {
      projectId,
      backtestId,
      start: 0,
      end: 101,
    });

    // Assess
    expect(orders).toHaveLength(totalOrders);
    expect(orders[0]).toMatchObject({ id: 1, type: 0, status: 3, symbol: { value: 'SPY' } });
    expect(tooWide.json).toMatchObject({ success: false, errors: [expect.stringContaining('100')] });
  });
});
