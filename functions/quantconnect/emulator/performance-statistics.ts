import type { Simulation } from './equity-simulation.js';

/** LEAN's backtest statistics as numbers; fractions where LEAN prints percentages. */
export interface PerformanceStatistics {
  totalOrders: number;
  averageWin: number;
  averageLoss: number;
  compoundingAnnualReturn: number;
  drawdown: number;
  expectancy: number;
  startEquity: number;
  endEquity: number;
  netProfit: number;
  sharpeRatio: number;
  sortinoRatio: number;
  probabilisticSharpeRatio: number;
  lossRate: number;
  winRate: number;
  profitLossRatio: number;
  alpha: number;
  beta: number;
  annualStandardDeviation: number;
  annualVariance: number;
  informationRatio: number;
  trackingError: number;
  treynorRatio: number;
  totalFees: number;
  estimatedStrategyCapacity: number;
  lowestCapacityAsset: string;
  portfolioTurnover: number;
  /** Longest time, in days, any drawdown took to climb back to its peak. */
  drawdownRecovery: number;
}

const TRADING_DAYS_PER_YEAR = 252;
// LEAN takes its risk-free rate from an interest-rate model; the emulator keeps it at zero.
const RISK_FREE_RATE = 0;

/** Computes LEAN's statistics from a simulated curve, the same way LEAN derives them from daily returns. */
export function computeStatistics(
  simulation: Simulation,
  period: { startDate: Date; endDate: Date },
): PerformanceStatistics {
  const { equity, benchmark } = simulation;
  const startEquity = equity[0] ?? 0;
  const endEquity = equity[equity.length - 1] ?? startEquity;
  const returns = dailyReturns(equity);
  const benchmarkReturns = dailyReturns(benchmark);

  const annualPerformance = annualise(mean(returns));
  const benchmarkAnnualPerformance = annualise(mean(benchmarkReturns));
  const annualVariance = variance(returns) * TRADING_DAYS_PER_YEAR;
  const annualStandardDeviation = Math.sqrt(annualVariance);
  const downsideDeviation = Math.sqrt(
    mean(returns.map((value) => Math.min(value, 0) ** 2)) * TRADING_DAYS_PER_YEAR,
  );
  const benchmarkVariance = variance(benchmarkReturns);
  const beta = benchmarkVariance === 0 ? 0 : covariance(returns, benchmarkReturns) / benchmarkVariance;
  const trackingError =
    Math.sqrt(variance(returns.map((value, index) => value - (benchmarkReturns[index] ?? 0)))) *
    Math.sqrt(TRADING_DAYS_PER_YEAR);
  const excess = annualPerformance - RISK_FREE_RATE;

  const wins = simulation.tradeReturns.filter((value) => value > 0);
  const losses = simulation.tradeReturns.filter((value) => value < 0);
  const closed = wins.length + losses.length;
  const winRate = closed === 0 ? 0 : wins.length / closed;
  const lossRate = closed === 0 ? 0 : losses.length / closed;
  const averageWin = mean(wins);
  const averageLoss = mean(losses);
  const profitLossRatio = averageLoss === 0 ? 0 : averageWin / Math.abs(averageLoss);

  return {
    totalOrders: simulation.totalOrders,
    averageWin,
    averageLoss,
    compoundingAnnualReturn: compoundingAnnualReturn(startEquity, endEquity, period),
    drawdown: maximumDrawdown(equity),
    expectancy: closed === 0 ? 0 : winRate * profitLossRatio - lossRate,
    startEquity,
    endEquity,
    netProfit: startEquity === 0 ? 0 : endEquity / startEquity - 1,
    sharpeRatio: annualStandardDeviation === 0 ? 0 : excess / annualStandardDeviation,
    sortinoRatio: downsideDeviation === 0 ? 0 : excess / downsideDeviation,
    probabilisticSharpeRatio: probabilisticSharpeRatio(returns),
    lossRate,
    winRate,
    profitLossRatio,
    alpha: annualPerformance - (RISK_FREE_RATE + beta * (benchmarkAnnualPerformance - RISK_FREE_RATE)),
    beta,
    annualStandardDeviation,
    annualVariance,
    informationRatio:
      trackingError === 0 ? 0 : (annualPerformance - benchmarkAnnualPerformance) / trackingError,
    trackingError,
    treynorRatio: beta === 0 ? 0 : excess / beta,
    totalFees: simulation.totalFees,
    estimatedStrategyCapacity: simulation.estimatedCapacity,
    lowestCapacityAsset: simulation.lowestCapacityAsset,
    portfolioTurnover: simulation.portfolioTurnover,
    drawdownRecovery: longestRecoveryDays(equity, simulation.times),
  };
}

/** Largest fall from a running peak, as a fraction of that peak. */
export function maximumDrawdown(equity: readonly number[]): number {
  let peak = Number.NEGATIVE_INFINITY;
  let deepest = 0;
  for (const value of equity) {
    peak = Math.max(peak, value);
    if (peak > 0) deepest = Math.max(deepest, 1 - value / peak);
  }
  return deepest;
}

/** Drawdown from the running peak at every point, as a non-positive fraction. */
export function drawdownSeries(equity: readonly number[]): number[] {
  let peak = Number.NEGATIVE_INFINITY;
  return equity.map((value) => {
    peak = Math.max(peak, value);
    return peak > 0 ? value / peak - 1 : 0;
  });
}

function longestRecoveryDays(equity: readonly number[], times: readonly number[]): number {
  let peakIndex = 0;
  let longest = 0;
  for (let index = 1; index < equity.length; index += 1) {
    const value = equity[index] ?? 0;
    const peak = equity[peakIndex] ?? 0;
    if (value < peak) continue;
    if (index > peakIndex + 1) {
      longest = Math.max(longest, Math.round(((times[index] ?? 0) - (times[peakIndex] ?? 0)) / 86_400));
    }
    peakIndex = index;
  }
  return longest;
}

function compoundingAnnualReturn(
  start: number,
  end: number,
  period: { startDate: Date; endDate: Date },
): number {
  const years = (period.endDate.getTime() - period.startDate.getTime()) / (365 * 86_400_000);
  if (years <= 0 || start <= 0 || end <= 0) return 0;
  const value = (end / start) ** (1 / years) - 1;
  return Number.isFinite(value) ? value : 0;
}

/** Probability that the true Sharpe ratio beats zero (Bailey and López de Prado), from daily returns. */
function probabilisticSharpeRatio(returns: readonly number[]): number {
  const deviation = Math.sqrt(variance(returns));
  if (returns.length < 3 || deviation === 0) return 0;
  const sharpe = mean(returns) / deviation;
  const average = mean(returns);
  const populationDeviation = Math.sqrt(mean(returns.map((value) => (value - average) ** 2)));
  const skewness = mean(returns.map((value) => ((value - average) / populationDeviation) ** 3));
  const kurtosis = mean(returns.map((value) => ((value - average) / populationDeviation) ** 4));
  const denominator = 1 - skewness * sharpe + ((kurtosis - 1) / 4) * sharpe ** 2;
  if (denominator <= 0) return 0;
  return normalCumulative((sharpe * Math.sqrt(returns.length - 1)) / Math.sqrt(denominator));
}

/** Standard normal CDF via the Abramowitz–Stegun erf approximation (error below 1.5e-7). */
function normalCumulative(value: number): number {
  const x = Math.abs(value) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const polynomial =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - polynomial * Math.exp(-x * x);
  return value >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function dailyReturns(values: readonly number[]): number[] {
  const returns: number[] = [];
  for (let index = 1; index < values.length; index += 1) {
    const previous = values[index - 1] ?? 0;
    returns.push(previous === 0 ? 0 : (values[index] ?? 0) / previous - 1);
  }
  return returns;
}

function annualise(dailyMean: number): number {
  return (1 + dailyMean) ** TRADING_DAYS_PER_YEAR - 1;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample variance, as LEAN computes it. */
function variance(values: readonly number[]): number {
  return covariance(values, values);
}

function covariance(left: readonly number[], right: readonly number[]): number {
  if (left.length < 2) return 0;
  const leftMean = mean(left);
  const rightMean = mean(right);
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) {
    sum += ((left[index] ?? 0) - leftMean) * ((right[index] ?? 0) - rightMean);
  }
  return sum / (left.length - 1);
}
