import { describe, expect, it } from 'vitest';
import type { PerformanceStatistics } from '../../../functions/quantconnect/emulator/performance-statistics.js';
import {
  fixed,
  formatStatistics,
  money,
  percent,
  trimmed,
} from '../../../functions/quantconnect/emulator/statistics-format.js';

describe('statistic formatting', () => {
  it('formats the way QuantConnect prints its statistics', () => {
    // Prepare
    const statistics: PerformanceStatistics = {
      totalOrders: 68,
      averageWin: 0.0899,
      averageLoss: -0.0362,
      compoundingAnnualReturn: 0.084_432,
      drawdown: 0.389_04,
      expectancy: 0.09,
      startEquity: 100_000,
      endEquity: 108_458.65,
      netProfit: 0.084_586_5,
      sharpeRatio: 0.190_04,
      sortinoRatio: 0.2891,
      probabilisticSharpeRatio: 0.204_77,
      lossRate: 0.68,
      winRate: 0.32,
      profitLossRatio: 2.4,
      alpha: -0.0631,
      beta: 1.0952,
      annualStandardDeviation: 0.346,
      annualVariance: 0.119_716,
      informationRatio: -0.158,
      trackingError: 0.3261,
      treynorRatio: 0.0601,
      totalFees: 110.3,
      estimatedStrategyCapacity: 1_600_000,
      lowestCapacityAsset: 'MDB WOU3US9M42N9',
      portfolioTurnover: 0.1844,
      drawdownRecovery: 300,
    };

    // Act
    const formatted = formatStatistics(statistics);

    // Assess
    expect(formatted).toEqual({
      'Total Orders': '68',
      'Average Win': '8.99%',
      'Average Loss': '-3.62%',
      'Compounding Annual Return': '8.443%',
      Drawdown: '38.900%',
      Expectancy: '0.090',
      'Start Equity': '100000',
      'End Equity': '108458.65',
      'Net Profit': '8.459%',
      'Sharpe Ratio': '0.19',
      'Sortino Ratio': '0.289',
      'Probabilistic Sharpe Ratio': '20.477%',
      'Loss Rate': '68%',
      'Win Rate': '32%',
      'Profit-Loss Ratio': '2.40',
      Alpha: '-0.063',
      Beta: '1.095',
      'Annual Standard Deviation': '0.346',
      'Annual Variance': '0.12',
      'Information Ratio': '-0.158',
      'Tracking Error': '0.326',
      'Treynor Ratio': '0.06',
      'Total Fees': '$110.30',
      'Estimated Strategy Capacity': '$1600000.00',
      'Lowest Capacity Asset': 'MDB WOU3US9M42N9',
      'Portfolio Turnover': '18.44%',
      'Drawdown Recovery': '300',
    });
  });

  it('prints zero as LEAN does and never a negative zero', () => {
    // Act
    const results = [percent(0, 3), fixed(0, 3), trimmed(-0.0001), fixed(-0.000_01, 3), money(0.5)];

    // Assess
    expect(results).toEqual(['0%', '0', '0', '0.000', '0.50']);
  });
});
