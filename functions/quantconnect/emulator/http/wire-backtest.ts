import type { CompletedOutcome } from '../backtest-simulation.js';
import type { BacktestView } from '../backtest-store.js';
import { dollars, jsonNumber, percentage, quantConnectDate } from './wire-format.js';

/** Said on every emulated backtest, in QuantConnect's own `note` field. */
export const EMULATED_NOTE =
  "Emulated by QuantCoder's QuantConnect emulator: simulated numbers, not QuantConnect market results.";

/** The label appended to backtest names, so an emulated result never passes for a real one. */
export const EMULATED_NAME_SUFFIX = ' (emulated)';

/** The charts an emulated backtest carries; `backtests/chart/read` serves their series. */
export const EMULATED_CHARTS: readonly string[] = ['Strategy Equity', 'Drawdown', 'Benchmark'];

/**
 * The backtest object of `backtests/read` and `backtests/create`, with QuantConnect's quirks: `statistics`
 * is an empty array until the backtest is done and an object of strings after; `parameterSet` is `[]`
 * without parameters; `totalPerformance` is null until done.
 */
export function wireBacktest(
  view: BacktestView,
  context: { organizationId: string; backtestCount: number },
): Record<string, unknown> {
  const { backtest, state } = view;
  const { outcome } = backtest;
  const completed = outcome.kind === 'completed' ? outcome : undefined;
  const parameters = Object.keys(backtest.parameters).length;
  return {
    note: EMULATED_NOTE,
    name: `${backtest.name}${EMULATED_NAME_SUFFIX}`,
    organizationId: context.organizationId,
    projectId: backtest.projectId,
    completed: state.completed,
    optimizationId: null,
    backtestId: backtest.backtestId,
    tradeableDates: completed?.charts['Strategy Equity']?.length ?? 0,
    researchGuide: { minutes: 0, backtestCount: context.backtestCount, parameters },
    backtestStart: quantConnectDate(outcome.settings.startDate),
    backtestEnd: quantConnectDate(outcome.settings.endDate),
    created: quantConnectDate(backtest.created),
    snapshotId: 0,
    status: state.status,
    error: state.error,
    stacktrace: state.stacktrace,
    progress: state.progress,
    hasInitializeError: state.hasInitializeError,
    charts: completed ? Object.fromEntries(EMULATED_CHARTS.map((name) => [name, { name }])) : {},
    parameterSet: parameters === 0 ? [] : { ...backtest.parameters },
    rollingWindow: {},
    runtimeStatistics: runtimeStatistics(view),
    statistics: state.finished && completed ? { ...completed.statistics } : [],
    totalPerformance: state.finished && completed ? totalPerformance(completed) : null,
    nodeName: 'Emulated backtest node',
    outOfSampleMaxEndDate: null,
    outOfSampleDays: 0,
    emulated: true,
  };
}

/** A backtest as `backtests/list` summarises it; the numbers only when asked for and done. */
export function wireBacktestSummary(view: BacktestView, includeStatistics: boolean): Record<string, unknown> {
  const { backtest, state } = view;
  const parameters = Object.keys(backtest.parameters).length;
  const summary: Record<string, unknown> = {
    backtestId: backtest.backtestId,
    status: state.status,
    name: `${backtest.name}${EMULATED_NAME_SUFFIX}`,
    note: EMULATED_NOTE,
    created: quantConnectDate(backtest.created),
    progress: state.progress,
    optimizationId: null,
    tradeableDates:
      backtest.outcome.kind === 'completed' ? (backtest.outcome.charts['Strategy Equity']?.length ?? 0) : 0,
    parameterSet: parameters === 0 ? [] : { ...backtest.parameters },
    snapshotId: 0,
    tags: [],
    emulated: true,
  };
  if (!includeStatistics || !state.finished || backtest.outcome.kind !== 'completed') return summary;
  const { performance } = backtest.outcome;
  return {
    ...summary,
    sharpeRatio: jsonNumber(performance.sharpeRatio),
    alpha: jsonNumber(performance.alpha),
    beta: jsonNumber(performance.beta),
    compoundingAnnualReturn: jsonNumber(performance.compoundingAnnualReturn),
    drawdown: jsonNumber(performance.drawdown),
    lossRate: jsonNumber(performance.lossRate),
    netProfit: jsonNumber(performance.netProfit),
    parameters,
    psr: jsonNumber(performance.probabilisticSharpeRatio),
    securityTypes: 1,
    sortinoRatio: jsonNumber(performance.sortinoRatio),
    trades: performance.totalOrders,
    treynorRatio: jsonNumber(performance.treynorRatio),
    winRate: jsonNumber(performance.winRate),
  };
}

/** The banner figures of a backtest as far as it has run (strings, as QuantConnect sends them). */
function runtimeStatistics(view: BacktestView): Record<string, string> {
  const { backtest, state } = view;
  const { outcome } = backtest;
  const cash = outcome.settings.cash;
  if (outcome.kind !== 'completed')
    return banner({ equity: cash, cash, fees: 0, volume: 0, holdings: 0, psr: '0%' });
  const equityPoints = outcome.charts['Strategy Equity'] ?? [];
  const lastIndex = Math.max(0, equityPoints.length - 1);
  const index = state.finished ? lastIndex : Math.floor(state.progress * lastIndex);
  const now = equityPoints[index]?.time ?? 0;
  const filled = outcome.orders.filter((order) => order.time <= now);
  const equity = equityPoints[index]?.value ?? cash;
  return banner({
    equity,
    cash,
    fees: filled.reduce((sum, order) => sum + order.fee, 0),
    volume: filled.reduce((sum, order) => sum + Math.abs(order.quantity * order.price), 0),
    // The emulator's strategies stay invested once they have traded.
    holdings: filled.length > 0 ? equity : 0,
    psr: state.finished ? (outcome.statistics['Probabilistic Sharpe Ratio'] ?? '0%') : '0%',
  });
}

function banner(figures: {
  equity: number;
  cash: number;
  fees: number;
  volume: number;
  holdings: number;
  psr: string;
}): Record<string, string> {
  return {
    Equity: dollars(figures.equity),
    Fees: dollars(-figures.fees),
    Holdings: dollars(figures.holdings),
    'Net Profit': dollars(figures.equity - figures.cash),
    'Probabilistic Sharpe Ratio': figures.psr,
    Return: percentage(figures.cash === 0 ? 0 : figures.equity / figures.cash - 1),
    Unrealized: dollars(0),
    Volume: dollars(figures.volume),
  };
}

/** LEAN's `totalPerformance`: portfolio and trade statistics as numbers (fractions, not percentages). */
function totalPerformance(outcome: CompletedOutcome): Record<string, unknown> {
  const { performance, trades, settings } = outcome;
  return {
    tradeStatistics: {
      startDateTime: quantConnectDate(settings.startDate),
      endDateTime: quantConnectDate(settings.endDate),
      totalNumberOfTrades: trades.total,
      numberOfWinningTrades: trades.winning,
      numberOfLosingTrades: trades.losing,
      winRate: jsonNumber(performance.winRate),
      lossRate: jsonNumber(performance.lossRate),
      profitLossRatio: jsonNumber(performance.profitLossRatio),
      totalFees: jsonNumber(performance.totalFees),
    },
    portfolioStatistics: {
      averageWinRate: jsonNumber(performance.averageWin),
      averageLossRate: jsonNumber(performance.averageLoss),
      profitLossRatio: jsonNumber(performance.profitLossRatio),
      winRate: jsonNumber(performance.winRate),
      lossRate: jsonNumber(performance.lossRate),
      expectancy: jsonNumber(performance.expectancy),
      startEquity: jsonNumber(performance.startEquity),
      endEquity: jsonNumber(performance.endEquity),
      compoundingAnnualReturn: jsonNumber(performance.compoundingAnnualReturn),
      drawdown: jsonNumber(performance.drawdown),
      totalNetProfit: jsonNumber(performance.netProfit),
      sharpeRatio: jsonNumber(performance.sharpeRatio),
      probabilisticSharpeRatio: jsonNumber(performance.probabilisticSharpeRatio),
      sortinoRatio: jsonNumber(performance.sortinoRatio),
      alpha: jsonNumber(performance.alpha),
      beta: jsonNumber(performance.beta),
      annualStandardDeviation: jsonNumber(performance.annualStandardDeviation),
      annualVariance: jsonNumber(performance.annualVariance),
      informationRatio: jsonNumber(performance.informationRatio),
      trackingError: jsonNumber(performance.trackingError),
      treynorRatio: jsonNumber(performance.treynorRatio),
      portfolioTurnover: jsonNumber(performance.portfolioTurnover),
      valueAtRisk99: 0,
      valueAtRisk95: 0,
    },
    closedTrades: [],
  };
}
