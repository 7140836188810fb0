import { describe, expect, it } from 'vitest';
import { STATISTIC_KEYS } from '../../../functions/quantconnect/emulator/statistics-format.js';
import {
  ALPHA_PY,
  emulator,
  finalStatistics,
  readBacktestUntilDone,
  startBacktest,
  tradingMain,
} from './emulator-fixture.js';

const alphaFile = { name: 'alpha.py', content: ALPHA_PY };
const tradingProject = [{ name: 'main.py', content: tradingMain() }, alphaFile];

// The order calls appear only in comments, which must not count as trading.
const silentAlphaFile = {
  name: 'alpha.py',
  content: [
    'class MomentumAlphaModel(AlphaModel):',
    '    def update(self, algorithm, data):',
    '        # return [Insight.price("SPY", timedelta(days=5), InsightDirection.UP)]',
    '        return []',
    '',
  ].join('\n'),
};

describe('in-process emulator: backtests', () => {
  it('goes In Queue... → Running: NN% → Completed. over successive reads, marked emulated', async () => {
    // Prepare
    const quantConnect = emulator({ readsUntilDone: 4 });
    const { projectId, backtestId } = await startBacktest(quantConnect, tradingProject);

    // Act
    const snapshots = await readBacktestUntilDone(quantConnect, projectId, backtestId);

    // Assess
    expect(backtestId).toMatch(/^[0-9a-f]{32}$/);
    expect(snapshots.map((snapshot) => snapshot.status)).toEqual([
      'In Queue...',
      'Running: 33%',
      'Running: 67%',
      'Completed.',
    ]);
    expect(snapshots.map((snapshot) => snapshot.completed)).toEqual([false, false, false, true]);
    expect(snapshots.map((snapshot) => snapshot.progress)).toEqual([0, 0.33, 0.67, 1]);
    expect(snapshots.every((snapshot) => snapshot.emulated && snapshot.error === null)).toBe(true);
  });

  it('keeps statistics empty until done, then gives every QuantConnect key as a string', async () => {
    // Prepare
    const quantConnect = emulator({ readsUntilDone: 3 });
    const { projectId, backtestId } = await startBacktest(quantConnect, tradingProject);

    // Act
    const snapshots = await readBacktestUntilDone(quantConnect, projectId, backtestId);
    const done = snapshots[snapshots.length - 1];

    // Assess
    expect(snapshots.slice(0, -1).map((snapshot) => snapshot.statistics)).toEqual([{}, {}]);
    expect(Object.keys(done?.statistics ?? {})).toEqual([...STATISTIC_KEYS]);
    expect(Object.values(done?.statistics ?? {}).every((value) => typeof value === 'string')).toBe(true);
    expect(done?.statistics['Net Profit']).toMatch(/^-?\d+\.\d{3}%$/);
    expect(done?.statistics['Total Fees']).toMatch(/^\$\d+\.\d{2}$/);
    expect(Number(done?.statistics['Total Orders'])).toBeGreaterThan(0);
  });

  it('gives the same numbers for the same files and different numbers for different files', async () => {
    // Prepare
    const changedProject = [{ name: 'main.py', content: tradingMain({ cash: '100_000' }) }, alphaFile];

    // Act
    const first = await finalStatistics(emulator(), tradingProject);
    const again = await finalStatistics(emulator(), tradingProject);
    const changed = await finalStatistics(emulator(), changedProject);
    const withParameter = await finalStatistics(emulator(), tradingProject, { lookback: '20' });

    // Assess
    expect(again).toEqual(first);
    expect(changed['End Equity']).not.toBe(first['End Equity']);
    expect(changed['Sharpe Ratio']).not.toBe(first['Sharpe Ratio']);
    expect(withParameter['End Equity']).not.toBe(first['End Equity']);
  });

  it('completes with zero orders and a flat curve when no file places orders or emits insights', async () => {
    // Prepare
    const quantConnect = emulator();
    const files = [
      {
        name: 'main.py',
        content: tradingMain({ cash: '50000', extra: '        # self.set_holdings("SPY", 1)' }),
      },
      silentAlphaFile,
    ];
    const { projectId, backtestId } = await startBacktest(quantConnect, files);

    // Act
    const snapshots = await readBacktestUntilDone(quantConnect, projectId, backtestId);
    await quantConnect.readChart(projectId, backtestId, 'Strategy Equity');
    const chart = await quantConnect.readChart(projectId, backtestId, 'Strategy Equity');

    // Assess
    const statistics = snapshots[snapshots.length - 1]?.statistics;
    expect(statistics).toMatchObject({
      'Total Orders': '0',
      'Start Equity': '50000',
      'End Equity': '50000',
      'Net Profit': '0%',
      'Compounding Annual Return': '0%',
      Drawdown: '0%',
      'Sharpe Ratio': '0',
      'Win Rate': '0%',
      'Total Fees': '$0.00',
      'Lowest Capacity Asset': '',
    });
    expect(chart.status === 'ready' && chart.points.every((point) => point.value === 50_000)).toBe(true);
  });

  it('reports a raise in initialize as a Runtime Error with a LEAN-style stack trace', async () => {
    // Prepare
    const quantConnect = emulator({ readsUntilDone: 5 });
    const main = tradingMain({ extra: '        raise ValueError("universe is empty")' });
    const { projectId, backtestId } = await startBacktest(quantConnect, [{ name: 'main.py', content: main }]);
    const raiseLine = main.split('\n').findIndex((line) => line.includes('raise ValueError')) + 1;

    // Act
    const snapshots = await readBacktestUntilDone(quantConnect, projectId, backtestId);
    const failed = snapshots[snapshots.length - 1];

    // Assess
    expect(snapshots.map((snapshot) => snapshot.status)).toEqual(['In Queue...', 'Runtime Error']);
    expect(failed?.error).toContain('ValueError : universe is empty');
    expect(failed?.stacktrace).toBe(
      `  at initialize\n    raise ValueError("universe is empty")\n in main.py: line ${raiseLine}\n`,
    );
    expect(failed?.statistics).toEqual({});
    expect(failed?.emulated).toBe(true);
  });

  it('answers the equity chart with loading on the first read, then the daily points', async () => {
    // Prepare
    const quantConnect = emulator();
    const { projectId, backtestId } = await startBacktest(quantConnect, tradingProject);
    const snapshots = await readBacktestUntilDone(quantConnect, projectId, backtestId);
    const statistics = snapshots[snapshots.length - 1]?.statistics ?? {};

    // Act
    const first = await quantConnect.readChart(projectId, backtestId, 'Strategy Equity');
    const second = await quantConnect.readChart(projectId, backtestId, 'Strategy Equity');

    // Assess
    expect(first).toEqual({ status: 'loading', progress: 0 });
    if (second.status !== 'ready') throw new Error('chart still loading on the second read');
    expect(second.points[0]).toEqual({ time: Date.UTC(2020, 0, 1) / 1000, value: 100_000 });
    expect(second.points[second.points.length - 1]?.time).toBe(Date.UTC(2022, 11, 30) / 1000);
    expect(String(second.points[second.points.length - 1]?.value)).toBe(
      String(Number(statistics['End Equity'])),
    );
    // Three years of weekdays.
    expect(second.points.length).toBe(783);
  });

  it('refuses an unknown chart and an unknown backtest', async () => {
    // Prepare
    const quantConnect = emulator();
    const { projectId, backtestId } = await startBacktest(quantConnect, tradingProject);

    // Act
    const unknownChart = quantConnect.readChart(projectId, backtestId, 'No Such Chart');
    const unknownBacktest = quantConnect.readBacktest(projectId, 'f'.repeat(32));

    // Assess
    await expect(unknownChart).rejects.toThrow(/No Such Chart/);
    await expect(unknownBacktest).rejects.toThrow(/not found/);
  });
});
