import { DEFAULT_STOP_DISTANCE } from '../../agents/coordinator/contract-builder.js';
import { sectorLabel } from '../../agents/coordinator/morningstar-sectors.js';
import type { PortfolioSpec, RiskSpec, StrategyKind, StrategySpec, UniverseSpec } from '../../agents/plan.js';
import type { PlanDefaults } from '../../agents/tasks.js';
import type { OfflineSpecs } from './plan-describe.js';
import type { IdeaFragments, TopicNote } from './plan-fragments.js';
import { FAMILY_NAMES } from './plan-parse-strategy.js';
import { DEFAULT_SECTOR_SIZE } from './plan-parse-universe.js';

/** Values every strategy spec carries; the family's own defaults override the ones it uses. */
const NEUTRAL_STRATEGY = {
  lookbackDays: 20,
  fastPeriod: 50,
  slowPeriod: 200,
  rsiPeriod: 14,
  oversold: 30,
  overbought: 70,
  entryZScore: 2,
  topFraction: 0.2,
};

/** Lookback a family uses when the idea gives none: three months for momentum, a month otherwise. */
const DEFAULT_LOOKBACK: Record<StrategyKind, number> = {
  momentum: 63,
  mean_reversion: 20,
  ma_crossover: 20,
  rsi: 20,
  breakout: 20,
};

/** Marks the rebalance assumption as a default, so a change of family may replace it. */
export const USUAL_PACE = 'the usual pace for';
/** Starts the assumption about a defaulted momentum selection, so a new universe may replace it. */
export const DEFAULT_SELECTION_NOTE = 'Strategy: the top ';

/** Share of the universe momentum holds when the idea gives none: the stronger half of a short list. */
export function defaultTopFraction(universeSize: number): number {
  return universeSize < 10 ? 0.5 : 0.2;
}

/** Position cap of risk-per-trade sizing when the idea gives none. */
export const DEFAULT_POSITION_CAP = 0.1;
/** Price floor of ranked universes when the idea gives none. */
export const DEFAULT_MIN_PRICE = 5;

function given<T>(value: T | undefined, fallback: T, note: TopicNote, notes: TopicNote[]): T {
  if (value !== undefined) return value;
  notes.push(note);
  return fallback;
}

/** A fresh strategy spec for a family, from what the idea gave and the family's defaults. */
export function strategyFor(
  family: StrategyKind,
  fragments: IdeaFragments,
  context: { base?: Partial<Pick<StrategySpec, 'direction' | 'rebalance'>>; universeSize: number },
  notes: TopicNote[],
): StrategySpec {
  const parsed = fragments.strategy;
  const { base, universeSize } = context;
  const topFraction = defaultTopFraction(universeSize);
  const strategy: StrategySpec = {
    ...NEUTRAL_STRATEGY,
    topFraction,
    lookbackDays: DEFAULT_LOOKBACK[family],
    kind: family,
    description: '',
    direction: parsed.direction ?? base?.direction ?? 'long_only',
    rebalance: parsed.rebalance ?? base?.rebalance ?? (family === 'momentum' ? 'monthly' : 'daily'),
  };
  const usesLookback = family === 'momentum' || family === 'mean_reversion' || family === 'breakout';
  if (usesLookback && parsed.lookbackDays === undefined) {
    notes.push({
      topic: 'Strategy',
      text: `a ${strategy.lookbackDays}-day lookback, since the idea gave none.`,
    });
  }
  if (family === 'momentum' && parsed.topFraction === undefined && fragments.topCount === undefined) {
    notes.push({
      topic: 'Strategy',
      text: `the top ${topFraction * 100}% of the universe by momentum is held.`,
    });
  }
  if (family === 'mean_reversion' && parsed.entryZScore === undefined) {
    notes.push({ topic: 'Strategy', text: 'trades open at 2 standard deviations from the mean.' });
  }
  if (family === 'ma_crossover' && parsed.fastPeriod === undefined) {
    notes.push({
      topic: 'Strategy',
      text: '50-day and 200-day moving averages, since the idea gave no periods.',
    });
  }
  if (family === 'rsi' && parsed.rsiPeriod === undefined) {
    notes.push({ topic: 'Strategy', text: 'RSI over 14 days, since the idea gave no period.' });
  }
  if (family === 'rsi' && parsed.oversold === undefined && parsed.overbought === undefined) {
    notes.push({ topic: 'Strategy', text: 'RSI levels 30 (buy) and 70 (exit), since the idea gave none.' });
  }
  if (base?.direction === undefined && parsed.direction === undefined) {
    notes.push({ topic: 'Direction', text: 'long-only, since the idea did not ask for short positions.' });
  }
  if (base?.rebalance === undefined && parsed.rebalance === undefined) {
    notes.push({ topic: 'Rebalance', text: `${strategy.rebalance}, ${USUAL_PACE} ${FAMILY_NAMES[family]}.` });
  }
  const applied = applyStrategyNumbers(strategy, fragments);
  return fragments.topCount === undefined
    ? applied
    : { ...applied, topFraction: topFractionOf(fragments.topCount, universeSize) };
}

/** The idea's numbers over a strategy spec. */
export function applyStrategyNumbers(strategy: StrategySpec, fragments: IdeaFragments): StrategySpec {
  const numbers = Object.fromEntries(
    Object.entries(fragments.strategy).filter(([, value]) => value !== undefined),
  );
  return { ...strategy, ...numbers };
}

/** "hold the top 10" as a share of the universe. */
export function topFractionOf(count: number, universeSize: number): number {
  return Math.min(1, Math.max(0.0001, Number((count / universeSize).toFixed(4))));
}

/** A universe from the idea's universe fragment, or SPY when it names none. */
export function universeFor(fragments: IdeaFragments, notes: TopicNote[]): UniverseSpec {
  const fragment = fragments.universe;
  if (!fragment) {
    notes.push({ topic: 'Universe', text: 'SPY, since the idea named no securities.' });
    return { kind: 'fixed', tickers: ['SPY'], size: 1, sector: null, minPrice: 0, description: '' };
  }
  if (fragment.kind === 'fixed') {
    return {
      kind: 'fixed',
      tickers: fragment.tickers,
      size: fragment.tickers.length,
      sector: null,
      minPrice: 0,
      description: '',
    };
  }
  let size = fragment.size;
  if (size === undefined) {
    size = DEFAULT_SECTOR_SIZE;
    const stocks = fragment.sector ? `${sectorLabel(fragment.sector)} stocks` : 'stocks';
    notes.push({
      topic: 'Universe',
      text: `the ${size} ${stocks} with the highest dollar volume, since the idea gave no number.`,
    });
  }
  const minPrice = given(
    fragments.minPrice,
    DEFAULT_MIN_PRICE,
    { topic: 'Universe', text: `stocks under $${DEFAULT_MIN_PRICE} are left out.` },
    notes,
  );
  return {
    kind: fragment.kind,
    tickers: [],
    size,
    sector: fragment.sector ?? null,
    minPrice,
    description: '',
  };
}

/** Sizing from the idea: risk per trade (custom portfolio.py) or a built-in weighting. */
export function portfolioFor(fragments: IdeaFragments, notes: TopicNote[]): PortfolioSpec {
  if (fragments.riskPerTrade !== undefined) {
    const cap = given(
      fragments.maxPositionWeight,
      DEFAULT_POSITION_CAP,
      { topic: 'Portfolio', text: `at most ${DEFAULT_POSITION_CAP * 100}% of equity in one position.` },
      notes,
    );
    return {
      weighting: 'risk_per_trade',
      custom: true,
      riskPerTrade: fragments.riskPerTrade,
      maxPositionWeight: cap,
      description: '',
    };
  }
  const weighting = given<'equal' | 'insight'>(
    fragments.weighting,
    'equal',
    { topic: 'Portfolio', text: 'equal weight across the positions the signal holds.' },
    notes,
  );
  return { weighting, custom: false, riskPerTrade: null, maxPositionWeight: 1, description: '' };
}

/** Risk limits from the idea; removals (null) and absences both mean no limit. */
export function riskFor(fragments: IdeaFragments, notes: TopicNote[]): RiskSpec {
  const risk: RiskSpec = {
    maxDrawdownPerSecurity: fragments.maxDrawdownPerSecurity ?? null,
    trailingStop: fragments.trailingStop ?? null,
    maxPortfolioDrawdown: fragments.maxPortfolioDrawdown ?? null,
    description: '',
  };
  const unlimited =
    risk.maxDrawdownPerSecurity === null && risk.trailingStop === null && risk.maxPortfolioDrawdown === null;
  // Risk-per-trade sizing gets a stop of its own (withSizingStop), which says so.
  if (unlimited && fragments.riskPerTrade === undefined) {
    notes.push({
      topic: 'Risk',
      text: 'no stop or drawdown limit was asked for, so risk.py lets targets through.',
    });
  }
  return risk;
}

/** Risk-per-trade sizing divides by a stop distance, so such a plan always has a stop. */
export function withSizingStop(specs: OfflineSpecs, notes: TopicNote[]): OfflineSpecs {
  const { portfolio, risk } = specs;
  if (
    portfolio.weighting !== 'risk_per_trade' ||
    risk.maxDrawdownPerSecurity !== null ||
    risk.trailingStop !== null
  ) {
    return specs;
  }
  notes.push({
    topic: 'Risk',
    text: `risk per trade needs a stop, so positions stop out after a ${DEFAULT_STOP_DISTANCE * 100}% loss.`,
  });
  return { ...specs, risk: { ...risk, maxDrawdownPerSecurity: DEFAULT_STOP_DISTANCE } };
}

/** The specs of a new plan: what the idea gave, defaults (each noted) for the rest. */
export function buildSpecs(
  family: StrategyKind,
  fragments: IdeaFragments,
  defaults: PlanDefaults,
): { specs: OfflineSpecs; notes: TopicNote[] } {
  const notes: TopicNote[] = [...fragments.notes];
  const universe = universeFor(fragments, notes);
  const strategy = strategyFor(family, fragments, { universeSize: universe.size }, notes);
  const portfolio = portfolioFor(fragments, notes);
  const risk = riskFor(fragments, notes);
  if (fragments.startDate === undefined && fragments.endDate === undefined) {
    notes.push({ topic: 'Dates', text: `${defaults.startDate} to ${defaults.endDate}, the default window.` });
  }
  if (fragments.cash === undefined) {
    notes.push({
      topic: 'Cash',
      text: `$${defaults.cash.toLocaleString('en-US')} starting cash, the default.`,
    });
  }
  const backtest = {
    startDate: fragments.startDate ?? defaults.startDate,
    endDate: fragments.endDate ?? defaults.endDate,
    cash: fragments.cash ?? defaults.cash,
    benchmark: fragments.benchmark ?? 'SPY',
  };
  return { specs: withSizingStop({ strategy, universe, portfolio, risk, backtest }, notes), notes };
}
