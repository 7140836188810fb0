import type { FileContract, ParameterValue, Plan, StrategySpec } from './plan.js';

/** A parameter value as a Python literal: 'monthly', True, 0.1, ['SPY', 'QQQ']. */
export function renderPythonValue(parameter: ParameterValue): string {
  const { value, type } = parameter;
  if (Array.isArray(value)) return `[${value.map((item) => quotePython(item)).join(', ')}]`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return quotePython(value);
  if (type === 'float' && Number.isInteger(value)) return value.toFixed(1);
  return String(value);
}

function quotePython(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** `name: type = value` for each parameter, joined for a Python signature. */
export function renderParameters(parameters: readonly ParameterValue[]): string {
  return parameters
    .map((parameter) => `${parameter.name}: ${parameter.type} = ${renderPythonValue(parameter)}`)
    .join(', ');
}

/** One contract entry on one line: file, class, base, constructor with values, responsibility. */
export function renderFileContract(contract: FileContract): string {
  const signature =
    contract.baseClass === 'QCAlgorithm'
      ? 'no __init__; LEAN constructs it and calls initialize(self)'
      : contract.constructorParameters.length
        ? `__init__(self, ${renderParameters(contract.constructorParameters)})`
        : '__init__(self) takes no arguments';
  return `- ${contract.file} [${contract.owner}]: class ${contract.className}(${contract.baseClass}); ${signature}. ${contract.responsibility}`;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/** The strategy numbers that matter for its kind, so prompts do not carry unused defaults. */
export function renderStrategyNumbers(strategy: StrategySpec): string {
  switch (strategy.kind) {
    case 'momentum':
      return `lookback ${strategy.lookbackDays} days, hold top ${percent(strategy.topFraction)} of the universe`;
    case 'mean_reversion':
      return `lookback ${strategy.lookbackDays} days, entry at |z| >= ${strategy.entryZScore}`;
    case 'ma_crossover':
      return `fast ${strategy.fastPeriod}, slow ${strategy.slowPeriod}`;
    case 'rsi':
      return `RSI period ${strategy.rsiPeriod}, oversold ${strategy.oversold}, overbought ${strategy.overbought}`;
    case 'breakout':
      return `channel ${strategy.lookbackDays} days`;
  }
}

function renderRiskLimits(plan: Plan): string {
  const limits = [
    plan.risk.maxDrawdownPerSecurity === null
      ? undefined
      : `max drawdown per security ${percent(plan.risk.maxDrawdownPerSecurity)}`,
    plan.risk.trailingStop === null ? undefined : `trailing stop ${percent(plan.risk.trailingStop)}`,
    plan.risk.maxPortfolioDrawdown === null
      ? undefined
      : `max portfolio drawdown ${percent(plan.risk.maxPortfolioDrawdown)}`,
  ].filter((limit) => limit !== undefined);
  return limits.length ? limits.join(', ') : 'no limits (pass targets through)';
}

function renderPortfolio(plan: Plan): string {
  const { portfolio } = plan;
  if (portfolio.weighting === 'risk_per_trade') {
    return `risk per trade ${percent(portfolio.riskPerTrade ?? 0)} of equity, max position ${percent(portfolio.maxPositionWeight)} (custom portfolio.py)`;
  }
  const builtIn =
    portfolio.weighting === 'equal'
      ? 'EqualWeightingPortfolioConstructionModel'
      : 'InsightWeightingPortfolioConstructionModel';
  return `${portfolio.weighting} weighting with LEAN's ${builtIn} (no portfolio.py)`;
}

/** The plan and its interface contract, compactly: the part of the shared context that differs per run. */
export function renderPlanContext(plan: Plan): string {
  const { strategy, universe, backtest } = plan;
  const lines = [
    `# This run: ${plan.title} (${plan.projectName})`,
    `- Strategy: ${strategy.kind}, ${strategy.direction}, rebalance ${strategy.rebalance}; ${renderStrategyNumbers(strategy)}. ${strategy.description}`,
    `- Universe: ${universe.kind}; ${universe.description}`,
    `- Portfolio: ${renderPortfolio(plan)}.`,
    `- Risk: ${renderRiskLimits(plan)}.`,
    `- Backtest: ${backtest.startDate} to ${backtest.endDate}, cash ${backtest.cash}, benchmark ${backtest.benchmark}, daily resolution.`,
    '',
    '## Interface contract (each file defines exactly its class; main.py constructs each with these values)',
    ...plan.contract.files.map(renderFileContract),
  ];
  if (plan.contract.sharedParameters.length) {
    lines.push(
      `- Shared parameters: ${plan.contract.sharedParameters
        .map((parameter) => `${parameter.name} = ${renderPythonValue(parameter)} (${parameter.description})`)
        .join('; ')}`,
    );
  }
  return lines.join('\n');
}
