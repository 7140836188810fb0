import type { FileContract, ParameterValue, Plan } from '../plan.js';
import { FILE_OF_OWNER, type FileOwner } from '../roles.js';
import { baseClassFor, defaultClassName } from './class-names.js';

/** The parts of a plan its contract is derived from. */
export type PlanSpecs = Pick<Plan, 'title' | 'strategy' | 'universe' | 'portfolio' | 'risk' | 'backtest'>;

export type MovingAverageType = 'sma' | 'ema';

/** Stop distance assumed for risk-per-trade sizing when the plan has no stop of its own. */
export const DEFAULT_STOP_DISTANCE = 0.05;

function parameter(
  name: string,
  type: ParameterValue['type'],
  value: ParameterValue['value'],
  description: string,
): ParameterValue {
  return { name, type, value, description };
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/** The stop distance risk-per-trade sizing divides by: the plan's tightest stop, else the default. */
export function stopDistance(specs: Pick<PlanSpecs, 'risk'>): number {
  const stops = [specs.risk.trailingStop, specs.risk.maxDrawdownPerSecurity].filter(
    (stop): stop is number => stop !== null,
  );
  return stops.length ? Math.min(...stops) : DEFAULT_STOP_DISTANCE;
}

/** Bars the algorithm warms up before trading: enough for the alpha's slowest indicator. */
export function warmUpDays(specs: Pick<PlanSpecs, 'strategy'>): number {
  const { strategy } = specs;
  switch (strategy.kind) {
    case 'ma_crossover':
      return strategy.slowPeriod + 1;
    case 'rsi':
      return strategy.rsiPeriod + 1;
    default:
      return strategy.lookbackDays + 1;
  }
}

/** Values more than one file reads. */
export function sharedParameters(specs: PlanSpecs): ParameterValue[] {
  return [
    parameter('rebalance', 'str', specs.strategy.rebalance, 'how often signals and holdings are refreshed'),
    parameter(
      'long_short',
      'bool',
      specs.strategy.direction === 'long_short',
      'True when short positions are allowed',
    ),
    parameter('warm_up_days', 'int', warmUpDays(specs), 'daily bars to warm up before trading'),
  ];
}

function universeParameters(specs: PlanSpecs): ParameterValue[] {
  const { universe, strategy } = specs;
  if (universe.kind === 'fixed')
    return [parameter('tickers', 'list[str]', universe.tickers, 'US equity tickers')];
  const ranked = [
    parameter('size', 'int', universe.size, 'securities kept, by daily dollar volume'),
    parameter('min_price', 'float', universe.minPrice, 'lowest share price kept'),
    parameter('rebalance', 'str', strategy.rebalance, 'reselect only when this period turns'),
  ];
  return universe.kind === 'sector' && universe.sector
    ? [parameter('sector', 'str', universe.sector, 'MorningstarSectorCode member name'), ...ranked]
    : ranked;
}

function alphaParameters(specs: PlanSpecs, movingAverageType: MovingAverageType): ParameterValue[] {
  const { strategy } = specs;
  const common = [
    parameter('long_short', 'bool', strategy.direction === 'long_short', 'emit DOWN insights when True'),
    parameter('rebalance', 'str', strategy.rebalance, 'insight duration and ranking period'),
  ];
  switch (strategy.kind) {
    case 'momentum':
      return [
        parameter('lookback_days', 'int', strategy.lookbackDays, 'rate-of-change window in trading days'),
        parameter('top_fraction', 'float', strategy.topFraction, 'share of the universe held long'),
        ...common,
      ];
    case 'mean_reversion':
      return [
        parameter('lookback_days', 'int', strategy.lookbackDays, 'mean and standard deviation window'),
        parameter('entry_z_score', 'float', strategy.entryZScore, 'z-score distance that opens a trade'),
        ...common,
      ];
    case 'ma_crossover':
      return [
        parameter('fast_period', 'int', strategy.fastPeriod, 'fast moving average period'),
        parameter('slow_period', 'int', strategy.slowPeriod, 'slow moving average period'),
        parameter('moving_average_type', 'str', movingAverageType, "'sma' or 'ema'"),
        ...common,
      ];
    case 'rsi':
      return [
        parameter('rsi_period', 'int', strategy.rsiPeriod, 'RSI period'),
        parameter('oversold', 'float', strategy.oversold, 'buy below this RSI'),
        parameter('overbought', 'float', strategy.overbought, 'exit (or short) above this RSI'),
        ...common,
      ];
    case 'breakout':
      return [parameter('lookback_days', 'int', strategy.lookbackDays, 'Donchian channel window'), ...common];
  }
}

function portfolioParameters(specs: PlanSpecs): ParameterValue[] {
  const { portfolio, strategy } = specs;
  return [
    parameter(
      'risk_per_trade',
      'float',
      portfolio.riskPerTrade ?? 0.01,
      'fraction of equity lost if a stop is hit',
    ),
    parameter('stop_distance', 'float', stopDistance(specs), 'stop distance used to size positions'),
    parameter('max_position_weight', 'float', portfolio.maxPositionWeight, 'largest weight of one position'),
    parameter('long_short', 'bool', strategy.direction === 'long_short', 'allow negative weights when True'),
    parameter('rebalance', 'str', strategy.rebalance, 'how often targets are refreshed'),
  ];
}

function riskParameters(specs: PlanSpecs): ParameterValue[] {
  const { risk } = specs;
  const limits: ParameterValue[] = [];
  if (risk.maxDrawdownPerSecurity !== null) {
    limits.push(
      parameter(
        'max_drawdown_per_security',
        'float',
        risk.maxDrawdownPerSecurity,
        'exit a position losing this much',
      ),
    );
  }
  if (risk.trailingStop !== null) {
    limits.push(
      parameter('trailing_stop', 'float', risk.trailingStop, 'exit after this fall from the best price'),
    );
  }
  if (risk.maxPortfolioDrawdown !== null) {
    limits.push(
      parameter(
        'max_portfolio_drawdown',
        'float',
        risk.maxPortfolioDrawdown,
        'exit everything after this fall from the peak',
      ),
    );
  }
  return limits;
}

function riskResponsibility(specs: PlanSpecs): string {
  const { risk } = specs;
  const rules = [
    risk.maxDrawdownPerSecurity === null
      ? undefined
      : `exit a position down ${percent(risk.maxDrawdownPerSecurity)}`,
    risk.trailingStop === null
      ? undefined
      : `exit after a ${percent(risk.trailingStop)} fall from its best price`,
    risk.maxPortfolioDrawdown === null
      ? undefined
      : `exit everything after a ${percent(risk.maxPortfolioDrawdown)} portfolio drawdown`,
  ].filter((rule) => rule !== undefined);
  const text = rules.join('; ');
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : 'No limits: return no targets.';
}

function responsibility(owner: FileOwner, specs: PlanSpecs): string {
  switch (owner) {
    case 'universe':
      return `Select ${specs.universe.description}`;
    case 'alpha':
      return `Emit ${specs.strategy.kind} insights: ${specs.strategy.description}`;
    case 'portfolio':
      return `Size positions: ${specs.portfolio.description}`;
    case 'risk':
      return riskResponsibility(specs);
    case 'strategy':
      return 'Set dates, cash and daily resolution; wire the universe, alpha, portfolio, risk and ImmediateExecutionModel.';
  }
}

/** The contract entry QuantCoder writes for an owner, from the plan's specs. */
export function canonicalFileContract(
  owner: FileOwner,
  specs: PlanSpecs,
  options: { className?: string; movingAverageType?: MovingAverageType } = {},
): FileContract {
  const constructorParameters: Record<FileOwner, () => ParameterValue[]> = {
    universe: () => universeParameters(specs),
    alpha: () => alphaParameters(specs, options.movingAverageType ?? specs.strategy.movingAverage ?? 'sma'),
    portfolio: () => portfolioParameters(specs),
    risk: () => riskParameters(specs),
    strategy: () => [],
  };
  return {
    file: FILE_OF_OWNER[owner],
    owner,
    className: options.className ?? defaultClassName(owner, specs),
    baseClass: baseClassFor(owner, specs.universe.kind),
    constructorParameters: constructorParameters[owner](),
    responsibility: responsibility(owner, specs),
  };
}

/** Owners whose files a plan has, in the order agents write them. */
export function ownersOf(specs: Pick<PlanSpecs, 'portfolio'>): FileOwner[] {
  return specs.portfolio.custom
    ? ['universe', 'alpha', 'portfolio', 'risk', 'strategy']
    : ['universe', 'alpha', 'risk', 'strategy'];
}

/** The whole canonical contract of a plan; `classNames` keeps names an earlier plan already used. */
export function buildContract(
  specs: PlanSpecs,
  options: { classNames?: Partial<Record<FileOwner, string>>; movingAverageType?: MovingAverageType } = {},
): Plan['contract'] {
  return {
    files: ownersOf(specs).map((owner) =>
      canonicalFileContract(owner, specs, {
        className: options.classNames?.[owner],
        movingAverageType: options.movingAverageType,
      }),
    ),
    sharedParameters: sharedParameters(specs),
  };
}
