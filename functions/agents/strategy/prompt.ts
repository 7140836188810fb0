import type { ChatMessage } from '../../llm/model.js';
import { renderPythonValue } from '../contract-text.js';
import type { FileContract, Plan } from '../plan.js';
import type { StrategyTask } from '../task-kinds.js';
import { renderWriteRequest, renderWriterSystem } from '../writer-prompt.js';

/** How main.py is written; refine reuses it when it repairs this file. */
export const STRATEGY_GUIDANCE = `- main.py holds only the QCAlgorithm subclass and its initialize(self); the trading logic lives in the other modules.
- initialize sets dates, cash, benchmark, self.universe_settings.resolution = Resolution.DAILY and the warm-up, then wires the models exactly as listed, passing the contract's values by keyword.
- Without a portfolio.py, use the LEAN built-in portfolio model named in the wiring list.
- Do not add on_data or scheduled trading; the framework models trade.`;

export const STRATEGY_SYSTEM = renderWriterSystem('strategy', STRATEGY_GUIDANCE);

const REBALANCE_FOR_PORTFOLIO = {
  daily: 'Resolution.DAILY',
  weekly: 'Expiry.END_OF_WEEK',
  monthly: 'Expiry.END_OF_MONTH',
};

function constructorCall(contract: FileContract): string {
  const keywords = contract.constructorParameters.map(
    (parameter) => `${parameter.name}=${renderPythonValue(parameter)}`,
  );
  return `${contract.className}(${keywords.join(', ')})`;
}

function dateArguments(isoDate: string): string {
  return isoDate
    .split('-')
    .map((part) => String(Number(part)))
    .join(', ');
}

function builtInPortfolio(plan: Plan): string {
  const model =
    plan.portfolio.weighting === 'insight'
      ? 'InsightWeightingPortfolioConstructionModel'
      : 'EqualWeightingPortfolioConstructionModel';
  const bias = plan.strategy.direction === 'long_only' ? 'PortfolioBias.LONG' : 'PortfolioBias.LONG_SHORT';
  return `${model}(${REBALANCE_FOR_PORTFOLIO[plan.strategy.rebalance]}, ${bias})`;
}

/** The wiring main.py must do, as the exact calls. */
export function renderWiring(plan: Plan, components: readonly FileContract[]): string[] {
  const byOwner = (owner: FileContract['owner']) => components.find((component) => component.owner === owner);
  const { backtest } = plan;
  const warmUp = plan.contract.sharedParameters.find((parameter) => parameter.name === 'warm_up_days');
  const lines = [
    `self.set_start_date(${dateArguments(backtest.startDate)}); self.set_end_date(${dateArguments(backtest.endDate)}); self.set_cash(${backtest.cash}); self.set_benchmark("${backtest.benchmark}")`,
    'self.universe_settings.resolution = Resolution.DAILY',
  ];
  if (warmUp) lines.push(`self.set_warm_up(${renderPythonValue(warmUp)}, Resolution.DAILY)`);
  const universe = byOwner('universe');
  if (universe) lines.push(`self.set_universe_selection(${constructorCall(universe)})`);
  const alpha = byOwner('alpha');
  if (alpha) lines.push(`self.add_alpha(${constructorCall(alpha)})`);
  const portfolio = byOwner('portfolio');
  lines.push(
    `self.set_portfolio_construction(${portfolio ? constructorCall(portfolio) : builtInPortfolio(plan)})`,
  );
  const risk = byOwner('risk');
  if (risk) lines.push(`self.add_risk_management(${constructorCall(risk)})`);
  lines.push('self.set_execution(ImmediateExecutionModel())');
  return lines;
}

/** The user message for the strategy agent: the imports and wiring of every component. */
export function renderStrategyMessages(task: StrategyTask): ChatMessage[] {
  const imports = task.components.map(
    (component) => `from ${component.file.replace(/\.py$/, '')} import ${component.className}`,
  );
  const details = [
    'Imports:',
    ...imports,
    'Wiring in initialize, in this order:',
    ...renderWiring(task.plan, task.components),
  ];
  return [{ role: 'user', content: renderWriteRequest(task.contract, details) }];
}
