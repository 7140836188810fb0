import type { Plan, StrategyKind, UniverseSpec } from '../plan.js';
import type { FileOwner } from '../roles.js';
import { LEAN_CLASS_NAMES } from './lean-class-names.js';

const ALPHA_CLASS: Record<StrategyKind, string> = {
  momentum: 'MomentumAlphaModel',
  mean_reversion: 'MeanReversionAlphaModel',
  ma_crossover: 'MovingAverageCrossAlphaModel',
  // LEAN ships RsiAlphaModel; a distinct name keeps the project's class from shadowing it.
  rsi: 'RsiReversalAlphaModel',
  breakout: 'ChannelBreakoutAlphaModel',
};

const UNIVERSE_CLASS: Record<UniverseSpec['kind'], string> = {
  fixed: 'FixedTickerUniverseSelectionModel',
  top_dollar_volume: 'TopDollarVolumeUniverseSelectionModel',
  sector: 'SectorUniverseSelectionModel',
};

/** The LEAN base class each file's class derives from, given the plan's universe kind. */
export function baseClassFor(owner: FileOwner, universeKind: UniverseSpec['kind']): string {
  switch (owner) {
    case 'universe':
      return universeKind === 'fixed' ? 'ManualUniverseSelectionModel' : 'FundamentalUniverseSelectionModel';
    case 'alpha':
      return 'AlphaModel';
    case 'portfolio':
      return 'PortfolioConstructionModel';
    case 'risk':
      return 'RiskManagementModel';
    case 'strategy':
      return 'QCAlgorithm';
  }
}

const TITLE_STOP_WORDS = new Set(['on', 'the', 'and', 'by', 'of', 'in', 'with', 'for', 'a', 'an', 'to']);

/** A PascalCase algorithm class name from a plan title: "Momentum on SPY and QQQ" → MomentumSpyQqqAlgorithm. */
export function algorithmClassName(title: string): string {
  const words = title
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => /^[A-Za-z]/.test(word) && !TITLE_STOP_WORDS.has(word.toLowerCase()))
    .slice(0, 4)
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()}`);
  return avoidLeanClassName(`${words.join('') || 'Strategy'}Algorithm`);
}

/** The class name QuantCoder gives a file's class when nothing else names it. */
export function defaultClassName(
  owner: FileOwner,
  plan: Pick<Plan, 'strategy' | 'universe' | 'title'>,
): string {
  switch (owner) {
    case 'universe':
      return UNIVERSE_CLASS[plan.universe.kind];
    case 'alpha':
      return ALPHA_CLASS[plan.strategy.kind];
    case 'portfolio':
      return 'RiskPerTradePortfolioConstructionModel';
    case 'risk':
      return 'StopRiskManagementModel';
    case 'strategy':
      return algorithmClassName(plan.title);
  }
}

/** A name that does not shadow a LEAN class: LEAN's own names get a `Custom` prefix. */
export function avoidLeanClassName(name: string): string {
  return LEAN_CLASS_NAMES.has(name) ? `Custom${name}` : name;
}

/**
 * Class names an earlier plan used that still fit: the algorithm, risk and portfolio keep theirs;
 * universe and alpha keep theirs while their kind is unchanged (a new kind is a new class).
 */
export function stableClassNames(
  previous: Plan,
  specs: Pick<Plan, 'universe' | 'strategy'>,
): Partial<Record<FileOwner, string>> {
  const names: Partial<Record<FileOwner, string>> = {};
  for (const file of previous.contract.files) {
    const keep =
      file.owner === 'universe'
        ? previous.universe.kind === specs.universe.kind
        : file.owner === 'alpha'
          ? previous.strategy.kind === specs.strategy.kind
          : true;
    if (keep) names[file.owner] = file.className;
  }
  return names;
}
