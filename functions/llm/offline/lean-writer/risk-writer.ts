import type { FileContract, Plan } from '../../../agents/plan.js';
import type { GeneratedFile } from '../../../agents/tasks.js';
import {
  bindingNotes,
  bindSettings,
  constructorLines,
  type Setting,
  settingAssignments,
  settingAttribute,
} from './parameter-binding.js';
import {
  defLines,
  docstringLines,
  moduleHeader,
  type PythonBlock,
  percentText,
  renderModule,
} from './python-source.js';

function riskSettings(plan: Plan): Setting[] {
  const { trailingStop, maxPortfolioDrawdown, maxDrawdownPerSecurity } = plan.risk;
  const settings: Setting[] = [];
  // Name matching runs in this order, so the specific names claim their parameters first.
  if (trailingStop !== null) {
    settings.push({
      key: 'trailing_stop',
      kind: 'float',
      planValue: trailingStop,
      names: /trail/,
      purpose: 'the retreat from the best price since entry that closes a position',
    });
  }
  if (maxPortfolioDrawdown !== null) {
    settings.push({
      key: 'max_portfolio_drawdown',
      kind: 'float',
      planValue: maxPortfolioDrawdown,
      names: /portfolio|account|total|equity|global/,
      purpose: 'the drawdown of the whole portfolio that moves it to cash',
    });
  }
  if (maxDrawdownPerSecurity !== null) {
    settings.push({
      key: 'max_drawdown_per_security',
      kind: 'float',
      planValue: maxDrawdownPerSecurity,
      names: /security|position|asset|drawdown|loss|stop/,
      purpose: 'the loss from the entry price that closes a position',
    });
  }
  return settings;
}

function summary(plan: Plan): string {
  const { trailingStop, maxPortfolioDrawdown, maxDrawdownPerSecurity } = plan.risk;
  const parts: string[] = [];
  if (maxDrawdownPerSecurity !== null) {
    parts.push(`closes a position ${percentText(maxDrawdownPerSecurity)} below its entry price`);
  }
  if (trailingStop !== null) {
    parts.push(`closes a position ${percentText(trailingStop)} off its best price since entry`);
  }
  if (maxPortfolioDrawdown !== null) {
    parts.push(`moves to cash when the portfolio is ${percentText(maxPortfolioDrawdown)} below its peak`);
  }
  if (parts.length === 0) return 'The plan sets no risk limits: positions are left entirely to the alpha.';
  return `Risk limits: ${parts.join('; ')}.`;
}

function portfolioBlock(trailing: boolean): PythonBlock {
  return [
    'value = algorithm.portfolio.total_portfolio_value',
    'self._portfolio_peak = max(self._portfolio_peak, value)',
    `if value < self._portfolio_peak * (1 - ${settingAttribute('max_portfolio_drawdown')}):`,
    [
      '# The whole book is past its drawdown limit: go to cash. The peak restarts from here so',
      '# trading resumes on fresh signals instead of staying flat for the rest of the backtest.',
      'self._portfolio_peak = value',
      ...(trailing ? ['self._best_prices.clear()'] : []),
      'return [',
      [
        'PortfolioTarget(security.symbol, 0)',
        'for security in algorithm.securities.values()',
        'if security.invested',
      ],
      ']',
    ],
  ];
}

function securityBlock(plan: Plan): PythonBlock {
  const trailingOn = plan.risk.trailingStop !== null;
  const forget: PythonBlock = trailingOn ? ['self._best_prices.pop(symbol, None)'] : [];
  const perSecurity: PythonBlock =
    plan.risk.maxDrawdownPerSecurity === null
      ? []
      : [
          '# Unrealized profit is measured from the average entry price, so this is a fixed stop-loss.',
          `if security.holdings.unrealized_profit_percent < -${settingAttribute('max_drawdown_per_security')}:`,
          ['exits.append(PortfolioTarget(symbol, 0))', ...forget, 'continue'],
        ];
  const trailing: PythonBlock =
    plan.risk.trailingStop === null
      ? []
      : [
          '# Trail the best price since entry: the high for a long, the low for a short.',
          'price = security.price',
          'best = self._best_prices.get(symbol, price)',
          'if security.holdings.is_long:',
          ['best = max(best, price)', 'retreat = 1 - price / best'],
          'else:',
          ['best = min(best, price)', 'retreat = price / best - 1'],
          'self._best_prices[symbol] = best',
          `if retreat > ${settingAttribute('trailing_stop')}:`,
          ['exits.append(PortfolioTarget(symbol, 0))', 'self._best_prices.pop(symbol, None)'],
        ];
  return [
    'for security in algorithm.securities.values():',
    [
      'symbol = security.symbol',
      'if not security.invested or security.price <= 0:',
      [
        ...(trailingOn
          ? ['# A closed position starts its trailing stop afresh when reopened.', ...forget]
          : []),
        'continue',
      ],
      ...perSecurity,
      ...trailing,
    ],
  ];
}

function manageRiskBody(plan: Plan): PythonBlock {
  const { trailingStop, maxPortfolioDrawdown, maxDrawdownPerSecurity } = plan.risk;
  const doc = '"""Liquidation targets for positions past their limits; an empty list changes nothing."""';
  if (trailingStop === null && maxPortfolioDrawdown === null && maxDrawdownPerSecurity === null) {
    return [doc, 'return []'];
  }
  const perSecurity = trailingStop !== null || maxDrawdownPerSecurity !== null;
  return [
    doc,
    ...(maxPortfolioDrawdown !== null ? portfolioBlock(trailingStop !== null) : []),
    ...(perSecurity
      ? ['exits: list[PortfolioTarget] = []', ...securityBlock(plan), 'return exits']
      : ['return []']),
  ];
}

/** Writes risk.py: a RiskManagementModel applying the plan's stops and drawdown limit. */
export function writeRisk(plan: Plan, contract: FileContract): GeneratedFile {
  const binding = bindSettings(contract, riskSettings(plan));
  const state: PythonBlock = [
    ...(plan.risk.trailingStop !== null
      ? [
          '# Best price since entry per held security, for the trailing stop.',
          'self._best_prices: dict[Symbol, float] = {}',
        ]
      : []),
    ...(plan.risk.maxPortfolioDrawdown !== null
      ? ['# Highest portfolio value seen; the drawdown is measured from it.', 'self._portfolio_peak = 0.0']
      : []),
  ];
  const classBody: PythonBlock = [
    ...docstringLines(summary(plan), 1),
    '',
    ...constructorLines(contract, 1),
    ['super().__init__()', ...settingAssignments(binding), ...state],
    '',
    ...defLines(
      'manage_risk',
      ['self', 'algorithm: QCAlgorithm', 'targets: list[PortfolioTarget]'],
      'list[PortfolioTarget]',
      1,
    ),
    manageRiskBody(plan),
  ];
  const code = renderModule([
    moduleHeader(`Risk management for ${plan.title}.\n\n${contract.responsibility}`),
    [`class ${contract.className}(RiskManagementModel):`, classBody],
  ]);
  return { className: contract.className, code, notes: `${summary(plan)}${bindingNotes(binding)}` };
}
