import { isCalendarDate } from '../../shared/calendar-date.js';
import { UserInputError } from '../../shared/errors.js';
import type { BacktestSpec, PortfolioSpec, RiskSpec, StrategySpec, UniverseSpec } from '../plan.js';
import { DEFAULT_STOP_DISTANCE } from './contract-builder.js';
import { canonicalSector } from './morningstar-sectors.js';

/** Where a normaliser records what it decided, in the plan's own words lists. */
export interface PlanNotes {
  assumptions: string[];
  notUnderstood: string[];
}

/** Risk per trade assumed when a plan asks for risk-per-trade sizing without a number. */
export const DEFAULT_RISK_PER_TRADE = 0.01;

const DATE_HELP =
  'Write dates as YYYY-MM-DD, for example "from 2018-01-01 to 2023-12-31", or as years, "from 2018 to 2023".';

/** Real calendar dates, start before end, and a ticker-shaped benchmark. */
export function normalizeBacktest(backtest: BacktestSpec): BacktestSpec {
  for (const date of [backtest.startDate, backtest.endDate]) {
    if (!isCalendarDate(date)) throw new UserInputError(`${date} is not a calendar date. ${DATE_HELP}`);
  }
  if (backtest.startDate >= backtest.endDate) {
    throw new UserInputError(
      `The backtest must start before it ends, but it runs from ${backtest.startDate} to ${backtest.endDate}. ${DATE_HELP}`,
    );
  }
  const benchmark = backtest.benchmark.trim().toUpperCase();
  return { ...backtest, benchmark: /^[A-Z][A-Z0-9.]{0,9}$/.test(benchmark) ? benchmark : 'SPY' };
}

/** Tickers only for fixed universes, a known Morningstar sector only for sector universes. */
export function normalizeUniverse(universe: UniverseSpec, notes: PlanNotes): UniverseSpec {
  if (universe.kind === 'fixed') {
    let tickers = [...new Set(universe.tickers.map((ticker) => ticker.toUpperCase()))];
    if (tickers.length === 0) {
      tickers = ['SPY'];
      notes.assumptions.push('Universe: the plan named no tickers, so SPY was used.');
    }
    return { ...universe, tickers, size: Math.min(tickers.length, 1000), sector: null };
  }
  if (universe.kind === 'top_dollar_volume') return { ...universe, tickers: [], sector: null };
  const sector = canonicalSector(universe.sector ?? '');
  if (sector) return { ...universe, tickers: [], sector };
  notes.notUnderstood.push(`sector "${universe.sector ?? ''}"`);
  notes.assumptions.push(
    `Universe: no Morningstar sector matches "${universe.sector ?? ''}", so the ${universe.size} US equities with the highest dollar volume were used.`,
  );
  return { ...universe, kind: 'top_dollar_volume', tickers: [], sector: null };
}

/** Fast below slow, oversold below overbought. */
export function normalizeStrategy(strategy: StrategySpec, notes: PlanNotes): StrategySpec {
  let { fastPeriod, slowPeriod, oversold, overbought } = strategy;
  if (fastPeriod > slowPeriod) {
    [fastPeriod, slowPeriod] = [slowPeriod, fastPeriod];
    if (strategy.kind === 'ma_crossover')
      notes.assumptions.push('Strategy: the fast and slow periods were swapped.');
  } else if (fastPeriod === slowPeriod) {
    slowPeriod = fastPeriod * 2;
    if (strategy.kind === 'ma_crossover') {
      notes.assumptions.push(
        `Strategy: fast and slow periods were equal; the slow period became ${slowPeriod}.`,
      );
    }
  }
  if (oversold > overbought) {
    [oversold, overbought] = [overbought, oversold];
    if (strategy.kind === 'rsi')
      notes.assumptions.push('Strategy: the oversold and overbought levels were swapped.');
  } else if (oversold === overbought) {
    [oversold, overbought] = [30, 70];
    if (strategy.kind === 'rsi')
      notes.assumptions.push('Strategy: equal RSI levels were replaced by 30 and 70.');
  }
  return { ...strategy, fastPeriod, slowPeriod, oversold, overbought };
}

/** A custom portfolio.py exactly for risk-per-trade sizing, which alone needs a risk-per-trade number. */
export function normalizePortfolio(portfolio: PortfolioSpec, notes: PlanNotes): PortfolioSpec {
  if (portfolio.weighting !== 'risk_per_trade') return { ...portfolio, custom: false, riskPerTrade: null };
  if (portfolio.riskPerTrade !== null) return { ...portfolio, custom: true };
  notes.assumptions.push(
    `Portfolio: risk per trade was not given; ${DEFAULT_RISK_PER_TRADE * 100}% of equity per position was assumed.`,
  );
  return { ...portfolio, custom: true, riskPerTrade: DEFAULT_RISK_PER_TRADE };
}

/** Risk-per-trade sizing needs a stop: without one, a per-security stop at the default distance is added. */
export function normalizeRisk(risk: RiskSpec, portfolio: PortfolioSpec, notes: PlanNotes): RiskSpec {
  if (
    portfolio.weighting !== 'risk_per_trade' ||
    risk.maxDrawdownPerSecurity !== null ||
    risk.trailingStop !== null
  ) {
    return risk;
  }
  notes.assumptions.push(
    `Risk: risk-per-trade sizing needs a stop, so a ${DEFAULT_STOP_DISTANCE * 100}% stop loss per security was added.`,
  );
  const stop = `stop loss ${DEFAULT_STOP_DISTANCE * 100}% per security`;
  return {
    ...risk,
    maxDrawdownPerSecurity: DEFAULT_STOP_DISTANCE,
    description: risk.description ? `${risk.description}; ${stop}` : stop,
  };
}
