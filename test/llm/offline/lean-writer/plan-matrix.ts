import {
  type FileContract,
  type ParameterValue,
  Plan,
  type StrategyKind,
} from '../../../../functions/agents/plan.js';
import { PLAN_FIXTURES } from '../../../fixtures/plans.js';

const KINDS: StrategyKind[] = ['momentum', 'mean_reversion', 'ma_crossover', 'rsi', 'breakout'];
const DIRECTIONS: Plan['strategy']['direction'][] = ['long_only', 'long_short'];
const CADENCES: Plan['strategy']['rebalance'][] = ['daily', 'weekly', 'monthly'];
const WEIGHTINGS: Plan['portfolio']['weighting'][] = ['equal', 'insight', 'risk_per_trade'];

function parameter(
  name: string,
  type: ParameterValue['type'],
  value: ParameterValue['value'],
): ParameterValue {
  return { name, type, value, description: name.replaceAll('_', ' ') };
}

function alphaParameters(strategy: Plan['strategy'], index: number): ParameterValue[] {
  const byKind: Record<StrategyKind, ParameterValue[]> = {
    momentum: [
      parameter('lookback_days', 'int', strategy.lookbackDays),
      parameter('top_fraction', 'float', strategy.topFraction),
    ],
    mean_reversion: [
      parameter('lookback_days', 'int', strategy.lookbackDays),
      parameter('entry_z_score', 'float', strategy.entryZScore),
    ],
    ma_crossover: [
      parameter('fast_period', 'int', strategy.fastPeriod),
      parameter('slow_period', 'int', strategy.slowPeriod),
    ],
    rsi: [
      parameter('rsi_period', 'int', strategy.rsiPeriod),
      parameter('oversold', 'float', strategy.oversold),
      parameter('overbought', 'float', strategy.overbought),
    ],
    breakout: [parameter('lookback_days', 'int', strategy.lookbackDays)],
  };
  // Alternate between contracts that carry direction and cadence and contracts that leave them to the plan.
  const extras =
    index % 2 === 0
      ? [
          parameter('long_only', 'bool', strategy.direction === 'long_only'),
          parameter('rebalance', 'str', strategy.rebalance),
        ]
      : [];
  return [...byKind[strategy.kind], ...extras];
}

function variant(
  base: Plan,
  kind: StrategyKind,
  direction: Plan['strategy']['direction'],
  index: number,
): Plan {
  const rebalance = CADENCES[index % CADENCES.length] ?? 'daily';
  const weighting = WEIGHTINGS[Math.floor(index / CADENCES.length) % WEIGHTINGS.length] ?? 'equal';
  const strategy = { ...base.strategy, kind, direction, rebalance };
  const portfolio: Plan['portfolio'] = {
    ...base.portfolio,
    weighting,
    custom: weighting === 'risk_per_trade',
    riskPerTrade: weighting === 'risk_per_trade' ? 0.01 : null,
  };
  const risk: Plan['risk'] = {
    maxDrawdownPerSecurity: index % 2 === 0 ? 0.12 : null,
    trailingStop: index % 3 === 0 ? 0.07 : null,
    maxPortfolioDrawdown: index % 4 < 2 ? 0.25 : null,
    description: 'varied',
  };
  const keep = (owner: FileContract['owner']) => base.contract.files.filter((file) => file.owner === owner);
  const files: FileContract[] = [
    ...keep('universe'),
    {
      file: 'alpha.py',
      owner: 'alpha',
      className: 'VariantAlphaModel',
      baseClass: 'AlphaModel',
      constructorParameters: alphaParameters(strategy, index),
      responsibility: 'Signals.',
    },
    ...(weighting === 'risk_per_trade'
      ? [
          {
            file: 'portfolio.py',
            owner: 'portfolio' as const,
            className: 'VariantPortfolioModel',
            baseClass: 'PortfolioConstructionModel',
            constructorParameters: [parameter('risk_per_trade', 'float', 0.01)],
            responsibility: 'Sizing.',
          },
        ]
      : []),
    {
      file: 'risk.py',
      owner: 'risk',
      className: 'VariantRiskModel',
      baseClass: 'RiskManagementModel',
      constructorParameters: [
        ...(risk.trailingStop === null ? [] : [parameter('trailing_stop', 'float', risk.trailingStop)]),
        ...(risk.maxPortfolioDrawdown === null
          ? []
          : [parameter('max_portfolio_drawdown', 'float', risk.maxPortfolioDrawdown)]),
      ],
      responsibility: 'Limits.',
    },
    ...keep('strategy'),
  ];
  return Plan.parse({ ...base, strategy, portfolio, risk, contract: { ...base.contract, files } });
}

/**
 * Plans crossing every strategy kind and direction with each universe kind, cadence and weighting, and with
 * risk settings switched on and off, built from the fixture plans' universes.
 */
export function planMatrix(): Array<[string, Plan]> {
  const bases = ['momentumTopVolume', 'meanReversionFixed', 'crossoverSector'].map((name) => {
    const plan = PLAN_FIXTURES[name];
    if (!plan) throw new Error(`missing fixture ${name}`);
    return plan;
  });
  const plans: Array<[string, Plan]> = [];
  let index = 0;
  for (const base of bases) {
    for (const kind of KINDS) {
      for (const direction of DIRECTIONS) {
        plans.push([
          `${base.universe.kind}-${kind}-${direction}-${index}`,
          variant(base, kind, direction, index),
        ]);
        index += 1;
      }
    }
  }
  return plans;
}
