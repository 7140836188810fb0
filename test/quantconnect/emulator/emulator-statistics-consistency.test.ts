import { describe, expect, it } from 'vitest';
import { ALPHA_PY, emulator, finalStatistics, statisticNumber, tradingMain } from './emulator-fixture.js';

// Several projects, so the checks hold across seeds and not for one lucky curve.
const projects = [
  { start: '2020, 1, 1', end: '2022, 12, 31', cash: '100000' },
  { start: '2015, 3, 2', end: '2024, 6, 28', cash: '25_000' },
  { start: 'datetime(2021, 7, 1)', end: 'datetime(2021, 12, 31)', cash: '1e6' },
  { start: '2018, 1, 1', end: '2019, 1, 1', cash: '5000.50' },
].map((options) => [
  { name: 'main.py', content: tradingMain(options) },
  { name: 'alpha.py', content: ALPHA_PY },
]);

describe('in-process emulator: statistics are internally consistent', () => {
  it.each(projects.map((files, index) => [index, files] as const))('project %i', async (_index, files) => {
    // Act
    const statistics = await finalStatistics(emulator(), [...files]);

    // Assess
    const start = statisticNumber(statistics['Start Equity']);
    const end = statisticNumber(statistics['End Equity']);
    const netProfit = statisticNumber(statistics['Net Profit']) / 100;
    // Net Profit is printed to 0.001 percentage points: half of that is the rounding allowance.
    expect(Math.abs((end - start) / start - netProfit)).toBeLessThanOrEqual(0.000_005 + 1e-12);

    const deviation = statisticNumber(statistics['Annual Standard Deviation']);
    expect(statisticNumber(statistics['Annual Variance'])).toBeCloseTo(deviation ** 2, 2);

    const winRate = statisticNumber(statistics['Win Rate']);
    const lossRate = statisticNumber(statistics['Loss Rate']);
    expect(winRate + lossRate).toBe(100);

    const profitLoss = statisticNumber(statistics['Profit-Loss Ratio']);
    const averageWin = statisticNumber(statistics['Average Win']);
    const averageLoss = statisticNumber(statistics['Average Loss']);
    expect(profitLoss).toBeCloseTo(averageWin / Math.abs(averageLoss), 1);
    expect(statisticNumber(statistics.Expectancy)).toBeCloseTo(
      (winRate / 100) * profitLoss - lossRate / 100,
      1,
    );

    const drawdown = statisticNumber(statistics.Drawdown);
    expect(drawdown).toBeGreaterThanOrEqual(0);
    expect(drawdown).toBeLessThan(100);
    if (end > start) expect(statisticNumber(statistics['Compounding Annual Return'])).toBeGreaterThan(0);
    if (end < start) expect(statisticNumber(statistics['Compounding Annual Return'])).toBeLessThan(0);
    expect(Math.sign(statisticNumber(statistics['Sharpe Ratio']))).toBe(
      Math.sign(statisticNumber(statistics['Sortino Ratio'])),
    );
    expect(statisticNumber(statistics['Total Fees'])).toBeGreaterThan(0);
  });

  it('reads the start equity from set_cash', async () => {
    // Act
    const statistics = await finalStatistics(emulator(), [...(projects[3] ?? [])]);

    // Assess
    expect(statistics['Start Equity']).toBe('5000.50');
  });
});
