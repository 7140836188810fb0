import { type MovingAverageType, stopDistance } from '../../agents/coordinator/contract-builder.js';
import { canonicalSector, sectorLabel } from '../../agents/coordinator/morningstar-sectors.js';
import type { Plan, PortfolioSpec, RiskSpec, StrategySpec, UniverseSpec } from '../../agents/plan.js';

/** The plan parts the offline planner fills, before titles and the contract. */
export type OfflineSpecs = Pick<Plan, 'strategy' | 'universe' | 'portfolio' | 'risk' | 'backtest'>;

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function sectorName(sector: string | null): string {
  const canonical = canonicalSector(sector ?? '');
  return canonical ? sectorLabel(canonical) : (sector ?? 'sector');
}

/** What the alpha does, in one sentence. */
export function describeStrategy(strategy: StrategySpec, movingAverageType: MovingAverageType): string {
  const shorts = strategy.direction === 'long_short';
  switch (strategy.kind) {
    case 'momentum':
      return `Rank by ${strategy.lookbackDays}-day rate of change and hold the top ${percent(strategy.topFraction)} long${shorts ? `, the bottom ${percent(strategy.topFraction)} short` : ''}, refreshed ${strategy.rebalance}.`;
    case 'mean_reversion':
      return `Buy when the price is ${strategy.entryZScore} standard deviations below its ${strategy.lookbackDays}-day mean${shorts ? ', short when as far above it' : ''}; exit at the mean.`;
    case 'ma_crossover': {
      const average = movingAverageType.toUpperCase();
      return `Long while the ${strategy.fastPeriod}-day ${average} is above the ${strategy.slowPeriod}-day ${average}, ${shorts ? 'short' : 'flat'} while below.`;
    }
    case 'rsi':
      return `Buy when RSI(${strategy.rsiPeriod}) falls below ${strategy.oversold}; exit${shorts ? ' and short' : ''} when it rises above ${strategy.overbought}.`;
    case 'breakout':
      return `Buy a close above the ${strategy.lookbackDays}-day high; exit${shorts ? ' and short' : ''} on a close below the ${strategy.lookbackDays}-day low.`;
  }
}

/** Which securities are traded, as a noun phrase. */
export function describeUniverse(universe: UniverseSpec, rebalance: StrategySpec['rebalance']): string {
  switch (universe.kind) {
    case 'fixed':
      return `${listWords(universe.tickers)} (a fixed list of US equities)`;
    case 'top_dollar_volume':
      return `the ${universe.size} US equities with the highest daily dollar volume, priced at least $${universe.minPrice}, reselected ${rebalance}`;
    case 'sector':
      return `the ${universe.size} ${sectorName(universe.sector)} stocks (Morningstar sector) with the highest daily dollar volume, priced at least $${universe.minPrice}, reselected ${rebalance}`;
  }
}

/** How positions are sized. */
export function describePortfolio(portfolio: PortfolioSpec, risk: RiskSpec): string {
  switch (portfolio.weighting) {
    case 'equal':
      return "Equal weight across active insights (LEAN's EqualWeightingPortfolioConstructionModel).";
    case 'insight':
      return "Weights proportional to the insights' weights (LEAN's InsightWeightingPortfolioConstructionModel).";
    case 'risk_per_trade':
      return `Risk ${percent(portfolio.riskPerTrade ?? 0)} of equity per position against a ${percent(stopDistance({ risk }))} stop, at most ${percent(portfolio.maxPositionWeight)} per position.`;
  }
}

/** The risk limits, or that there are none. */
export function describeRisk(
  risk: Pick<RiskSpec, 'maxDrawdownPerSecurity' | 'trailingStop' | 'maxPortfolioDrawdown'>,
): string {
  const limits = [
    risk.maxDrawdownPerSecurity === null
      ? undefined
      : `stop loss ${percent(risk.maxDrawdownPerSecurity)} per security`,
    risk.trailingStop === null ? undefined : `${percent(risk.trailingStop)} trailing stop`,
    risk.maxPortfolioDrawdown === null
      ? undefined
      : `portfolio drawdown limit ${percent(risk.maxPortfolioDrawdown)}`,
  ].filter((limit) => limit !== undefined);
  const text = limits.join('; ');
  return text
    ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
    : 'No risk limits: targets pass through unchanged.';
}

/** The specs with every description rewritten from their numbers. */
export function withDescriptions(specs: OfflineSpecs, movingAverageType: MovingAverageType): OfflineSpecs {
  const { strategy, universe, portfolio, risk } = specs;
  return {
    ...specs,
    strategy: {
      ...strategy,
      description: describeStrategy(strategy, movingAverageType),
      ...(strategy.kind === 'ma_crossover' ? { movingAverage: movingAverageType } : {}),
    },
    universe: { ...universe, description: describeUniverse(universe, strategy.rebalance) },
    portfolio: { ...portfolio, description: describePortfolio(portfolio, risk) },
    risk: { ...risk, description: describeRisk(risk) },
  };
}

function familyLabel(strategy: StrategySpec, movingAverageType: MovingAverageType): string {
  switch (strategy.kind) {
    case 'momentum':
      return 'Momentum';
    case 'mean_reversion':
      return 'Mean Reversion';
    case 'ma_crossover':
      return `${movingAverageType.toUpperCase()} ${strategy.fastPeriod}/${strategy.slowPeriod} Crossover`;
    case 'rsi':
      return 'RSI Reversal';
    case 'breakout':
      return 'Channel Breakout';
  }
}

function universeLabel(universe: UniverseSpec): string {
  switch (universe.kind) {
    case 'fixed':
      return universe.tickers.length <= 4
        ? listWords(universe.tickers)
        : `${universe.tickers.length} Tickers`;
    case 'top_dollar_volume':
      return `Top ${universe.size} US Stocks by Dollar Volume`;
    case 'sector':
      return `Top ${universe.size} ${sectorName(universe.sector)} Stocks`;
  }
}

/** "Momentum on Top 100 US Stocks by Dollar Volume". */
export function planTitle(specs: OfflineSpecs, movingAverageType: MovingAverageType): string {
  return `${familyLabel(specs.strategy, movingAverageType)} on ${universeLabel(specs.universe)}`.slice(
    0,
    120,
  );
}

/** A project name from a title: lower-case words joined by hyphens, 3 to 49 characters, cut at a word. */
export function projectSlug(title: string): string {
  const words = title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 49) break;
    slug = next;
  }
  if (!/^[a-z]/.test(slug)) slug = `qc-${slug}`.slice(0, 49).replace(/-+$/, '');
  return slug.length >= 3 ? slug : 'quantcoder-strategy';
}

/** Two sentences for people: the signal, then where and when it is tested. */
export function planSummary(specs: OfflineSpecs): string {
  const { strategy, universe, backtest } = specs;
  return `${strategy.description} Trades ${universe.description}; backtest ${backtest.startDate} to ${backtest.endDate} with $${backtest.cash.toLocaleString('en-US')}.`;
}
