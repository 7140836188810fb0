import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../functions/quantconnect/emulator/equity-simulation.js';
import { tradingDays } from '../../../functions/quantconnect/emulator/equity-simulation.js';
import {
  computeStatistics,
  drawdownSeries,
  maximumDrawdown,
} from '../../../functions/quantconnect/emulator/performance-statistics.js';

const DAY = 86_400;

function simulation(equity: number[], benchmark: number[]): Simulation {
  return {
    times: equity.map((_, index) => Date.UTC(2024, 0, 1) / 1000 + index * DAY),
    equity,
    benchmark,
    tradeReturns: [0.1, -0.05, 0.02],
    totalOrders: 6,
    fillDays: [1, 3],
    ordersPerFill: 3,
    totalFees: 6,
    portfolioTurnover: 0.1,
    estimatedCapacity: 1_000_000,
    lowestCapacityAsset: 'SPY R735QTJ8XC9X',
  };
}

describe('performance statistics', () => {
  it('measures drawdown from the running peak', () => {
    // Act
    const deepest = maximumDrawdown([100, 120, 90, 110, 60, 130]);
    const series = drawdownSeries([100, 120, 90]);

    // Assess
    expect(deepest).toBeCloseTo(0.5, 10);
    expect(series).toEqual([0, 0, -0.25]);
  });

  it('computes returns, rates and recovery from a known curve', () => {
    // Prepare
    const curve = simulation([100, 110, 99, 121, 120, 125], [100, 101, 102, 103, 104, 105]);
    const period = { startDate: new Date('2024-01-01T00:00:00Z'), endDate: new Date('2025-01-01T00:00:00Z') };

    // Act
    const statistics = computeStatistics(curve, period);

    // Assess
    expect(statistics.netProfit).toBeCloseTo(0.25, 10);
    expect(statistics.compoundingAnnualReturn).toBeCloseTo(1.25 ** (365 / 366) - 1, 10);
    expect(statistics.drawdown).toBeCloseTo(0.1, 10);
    expect(statistics.winRate).toBeCloseTo(2 / 3, 10);
    expect(statistics.lossRate).toBeCloseTo(1 / 3, 10);
    expect(statistics.averageWin).toBeCloseTo(0.06, 10);
    expect(statistics.averageLoss).toBeCloseTo(-0.05, 10);
    expect(statistics.profitLossRatio).toBeCloseTo(1.2, 10);
    expect(statistics.expectancy).toBeCloseTo((2 / 3) * 1.2 - 1 / 3, 10);
    expect(statistics.annualVariance).toBeCloseTo(statistics.annualStandardDeviation ** 2, 12);
    // Peak 110 on day 1, back above it on day 3.
    expect(statistics.drawdownRecovery).toBe(2);
  });

  it('counts weekdays only between the dates', () => {
    // Act
    const days = tradingDays(new Date('2024-06-07T00:00:00Z'), new Date('2024-06-11T00:00:00Z'));

    // Assess
    expect(days.map((time) => new Date(time * 1000).toISOString().slice(0, 10))).toEqual([
      '2024-06-07',
      '2024-06-10',
      '2024-06-11',
    ]);
  });
});
