import type { FileContract, Plan } from '../../../agents/plan.js';
import type { GeneratedFile } from '../../../agents/tasks.js';
import {
  commentLines,
  docstringLines,
  fitsLine,
  moduleHeader,
  type PythonBlock,
  pythonLiteral,
  pythonString,
  renderModule,
  valueLines,
} from './python-source.js';

const BENCHMARK = /^[A-Z][A-Z0-9.]{0,9}$/;

/** `year, month, day` arguments from an ISO date, without leading zeros. */
function dateArguments(isoDate: string): string {
  return isoDate
    .split('-')
    .map((part) => String(Number(part)))
    .join(', ');
}

function cashLiteral(cash: number): string {
  return Number.isInteger(cash) ? String(cash) : pythonLiteral({ type: 'float', value: cash });
}

function moduleName(contract: FileContract): string {
  return contract.file.replace(/\.py$/, '');
}

/** The constructor call main.py makes: the contract's keywords with the contract's values, in order. */
function wire(method: string, contract: FileContract): PythonBlock {
  const parameters = contract.constructorParameters;
  const keywords = parameters.map((parameter) => `${parameter.name}=${pythonLiteral(parameter)}`);
  const call = `${contract.className}(${keywords.join(', ')})`;
  if (fitsLine(`${method}(${call})`, 2)) return [`${method}(${call})`];
  if (fitsLine(call, 3)) return [`${method}(`, [call], ')'];
  const argumentLines = parameters.flatMap((parameter) =>
    valueLines(`${parameter.name}=`, parameter, ',', 4),
  );
  return [`${method}(`, [`${contract.className}(`, argumentLines, ')'], ')'];
}

const REBALANCE_ARGUMENT: Record<Plan['strategy']['rebalance'], string> = {
  daily: 'Resolution.DAILY',
  weekly: 'Expiry.END_OF_WEEK',
  monthly: 'Expiry.END_OF_MONTH',
};

function builtInPortfolio(plan: Plan): PythonBlock {
  const model =
    plan.portfolio.weighting === 'insight'
      ? 'InsightWeightingPortfolioConstructionModel'
      : 'EqualWeightingPortfolioConstructionModel';
  const bias = plan.strategy.direction === 'long_only' ? 'PortfolioBias.LONG' : 'PortfolioBias.LONG_SHORT';
  const why =
    plan.portfolio.weighting === 'insight'
      ? "Capital follows the alpha's insight weights"
      : 'Capital is split equally across the names the alpha holds';
  const fallback =
    plan.portfolio.weighting === 'risk_per_trade'
      ? ' (the contract has no portfolio.py for risk-per-trade sizing, so equal weighting stands in)'
      : '';
  return [
    ...commentLines(
      `${why}, rebalanced ${plan.strategy.rebalance}${fallback}; the bias keeps a long-only strategy from shorting.`,
      2,
    ),
    'self.set_portfolio_construction(',
    [`${model}(${REBALANCE_ARGUMENT[plan.strategy.rebalance]}, ${bias})`],
    ')',
  ];
}

function algorithmParameters(contract: FileContract): PythonBlock {
  if (contract.constructorParameters.length === 0) return [];
  const lines: string[] = ["# Algorithm parameters; QuantConnect's project parameters can override them."];
  for (const parameter of contract.constructorParameters) {
    const literal = pythonLiteral(parameter);
    const readable = typeof parameter.value === 'number' || typeof parameter.value === 'string';
    lines.push(
      readable
        ? `self._${parameter.name} = self.get_parameter(${pythonString(parameter.name)}, ${literal})`
        : `self._${parameter.name} = ${literal}`,
    );
  }
  return lines;
}

function initializeBody(plan: Plan, contract: FileContract): PythonBlock {
  const components = plan.contract.files.filter((file) => file.owner !== 'strategy');
  const byOwner = (owner: FileContract['owner']) => components.filter((file) => file.owner === owner);
  const [portfolio] = byOwner('portfolio');
  const risks = byOwner('risk');
  const { backtest } = plan;
  const benchmark = BENCHMARK.test(backtest.benchmark)
    ? [`self.set_benchmark(${pythonString(backtest.benchmark)})`]
    : [
        `# The plan's benchmark ${JSON.stringify(backtest.benchmark)} is not a ticker; LEAN's default stands.`,
      ];
  return [
    '"""Sets the backtest window and wires the framework models together."""',
    `self.set_start_date(${dateArguments(backtest.startDate)})`,
    `self.set_end_date(${dateArguments(backtest.endDate)})`,
    `self.set_cash(${cashLiteral(backtest.cash)})`,
    ...benchmark,
    ...algorithmParameters(contract),
    '',
    '# Daily bars match signals measured in days and keep the backtest fast. The models warm their',
    '# indicators from history as securities arrive, so no algorithm warm-up period is needed.',
    'self.universe_settings.resolution = Resolution.DAILY',
    ...byOwner('universe').flatMap((file) => wire('self.add_universe_selection', file)),
    ...byOwner('alpha').flatMap((file) => wire('self.add_alpha', file)),
    ...(portfolio ? wire('self.set_portfolio_construction', portfolio) : builtInPortfolio(plan)),
    ...(risks.length > 0
      ? risks.flatMap((file) => wire('self.add_risk_management', file))
      : ['# The plan has no risk model: exits come from the alpha alone.']),
    '# Market orders as soon as targets change: simple, and realistic for liquid stocks on daily bars.',
    'self.set_execution(ImmediateExecutionModel())',
  ];
}

/** Writes main.py: the QCAlgorithm that sets the backtest and wires the contract's models together. */
export function writeMain(plan: Plan, contract: FileContract): GeneratedFile {
  const components = plan.contract.files
    .filter((file) => file.owner !== 'strategy')
    .sort((left, right) => (moduleName(left) < moduleName(right) ? -1 : 1));
  const imports = components.map((file) => `from ${moduleName(file)} import ${file.className}`);
  const code = renderModule([
    [...moduleHeader(`${plan.title}.\n\n${contract.responsibility}`), '', ...imports],
    [
      `class ${contract.className}(QCAlgorithm):`,
      [
        ...docstringLines(plan.summary || plan.title, 1),
        '',
        'def initialize(self) -> None:',
        initializeBody(plan, contract),
      ],
    ],
  ]);
  return {
    className: contract.className,
    code,
    notes: `Backtests ${plan.backtest.startDate} to ${plan.backtest.endDate} with ${plan.backtest.cash} cash on daily bars, wiring ${components.map((file) => file.className).join(', ')}.`,
  };
}
