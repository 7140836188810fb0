import type { PerformanceStatistics } from './performance-statistics.js';

/**
 * Formats statistics the way QuantConnect's API returns them: strings under LEAN's keys, in LEAN's order,
 * with LEAN's rounding ("8.443%", "-3.62%", "0.19", "$110.30", "$1600000.00", and "0" / "0%" for zero).
 */
export function formatStatistics(statistics: PerformanceStatistics): Record<string, string> {
  return {
    'Total Orders': String(statistics.totalOrders),
    'Average Win': percent(statistics.averageWin, 2),
    'Average Loss': percent(statistics.averageLoss, 2),
    'Compounding Annual Return': percent(statistics.compoundingAnnualReturn, 3),
    // LEAN rounds the drawdown fraction to three places before printing it as a percentage.
    Drawdown: percent(roundTo(statistics.drawdown, 3), 3),
    Expectancy: fixed(statistics.expectancy, 3),
    'Start Equity': money(statistics.startEquity),
    'End Equity': money(statistics.endEquity),
    'Net Profit': percent(statistics.netProfit, 3),
    'Sharpe Ratio': trimmed(statistics.sharpeRatio),
    'Sortino Ratio': trimmed(statistics.sortinoRatio),
    'Probabilistic Sharpe Ratio': percent(statistics.probabilisticSharpeRatio, 3),
    'Loss Rate': `${Math.round(statistics.lossRate * 100)}%`,
    'Win Rate': `${Math.round(statistics.winRate * 100)}%`,
    'Profit-Loss Ratio': fixed(statistics.profitLossRatio, 2),
    Alpha: trimmed(statistics.alpha),
    Beta: trimmed(statistics.beta),
    'Annual Standard Deviation': trimmed(statistics.annualStandardDeviation),
    'Annual Variance': trimmed(statistics.annualVariance),
    'Information Ratio': trimmed(statistics.informationRatio),
    'Tracking Error': trimmed(statistics.trackingError),
    'Treynor Ratio': trimmed(statistics.treynorRatio),
    'Total Fees': `$${statistics.totalFees.toFixed(2)}`,
    'Estimated Strategy Capacity':
      statistics.estimatedStrategyCapacity === 0
        ? '$0'
        : `$${statistics.estimatedStrategyCapacity.toFixed(2)}`,
    'Lowest Capacity Asset': statistics.lowestCapacityAsset,
    'Portfolio Turnover': percent(statistics.portfolioTurnover, 2),
    'Drawdown Recovery': String(Math.round(statistics.drawdownRecovery)),
  };
}

/** The statistic keys QuantConnect returns for a finished backtest, in its order. */
export const STATISTIC_KEYS = [
  'Total Orders',
  'Average Win',
  'Average Loss',
  'Compounding Annual Return',
  'Drawdown',
  'Expectancy',
  'Start Equity',
  'End Equity',
  'Net Profit',
  'Sharpe Ratio',
  'Sortino Ratio',
  'Probabilistic Sharpe Ratio',
  'Loss Rate',
  'Win Rate',
  'Profit-Loss Ratio',
  'Alpha',
  'Beta',
  'Annual Standard Deviation',
  'Annual Variance',
  'Information Ratio',
  'Tracking Error',
  'Treynor Ratio',
  'Total Fees',
  'Estimated Strategy Capacity',
  'Lowest Capacity Asset',
  'Portfolio Turnover',
  'Drawdown Recovery',
] as const;

/** A fraction as a percentage with `decimals` places; exactly zero prints as "0%", as in LEAN. */
export function percent(fraction: number, decimals: number): string {
  return fraction === 0 ? '0%' : `${fixed(fraction * 100, decimals)}%`;
}

/** A number with `decimals` places kept (LEAN's decimal rounding); exactly zero prints as "0". */
export function fixed(value: number, decimals: number): string {
  if (value === 0) return '0';
  const text = value.toFixed(decimals);
  // toFixed keeps the sign of a tiny negative number ("-0.000"); LEAN does not.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A ratio rounded to three places with trailing zeros dropped ("0.19", "-0.73"), as LEAN prints doubles. */
export function trimmed(value: number): string {
  const rounded = roundTo(value, 3);
  return rounded === 0 ? '0' : String(rounded);
}

/** Dollars without a sign: whole amounts bare ("100000"), others to the cent ("108458.65"). */
export function money(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
