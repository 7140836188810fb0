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
import { builtInSizing, riskSizing, type Sizing } from './portfolio-sizing.js';
import { defLines, docstringLines, moduleHeader, type PythonBlock, renderModule } from './python-source.js';
import { REBALANCE_PERIOD_FUNCTION, rebalancePeriodFunction } from './rebalance-period.js';

function commonSettings(plan: Plan): Setting[] {
  return [
    {
      key: 'allow_short',
      kind: 'allow_short',
      planValue: plan.strategy.direction === 'long_short',
      names: /longonly|short|direction|bias|side/,
      purpose: 'whether the book may hold short positions',
    },
    {
      key: 'rebalance',
      kind: 'str',
      planValue: plan.strategy.rebalance,
      names: /rebalanc|frequency|cadence|schedule/,
      purpose: 'how often the book is resized when no insight changes',
    },
  ];
}

function portfolioClass(plan: Plan, contract: FileContract, sizing: Sizing): PythonBlock {
  const binding = bindSettings(contract, [...sizing.settings, ...commonSettings(plan)]);
  const equal = plan.portfolio.weighting === 'equal';
  return [
    `class ${contract.className}(PortfolioConstructionModel):`,
    [
      ...docstringLines(sizing.summary, 1),
      '',
      ...constructorLines(contract, 1),
      [
        'super().__init__()',
        ...settingAssignments(binding),
        ...sizing.initLines,
        '# The latest insight per security; positions follow it until it expires.',
        'self._insights: dict[Symbol, Insight] = {}',
        'self._removed: list[Symbol] = []',
        'self._last_period: tuple[int, ...] | None = None',
      ],
      '',
      ...defLines(
        'create_targets',
        ['self', 'algorithm: QCAlgorithm', 'insights: list[Insight]'],
        'list[PortfolioTarget]',
        1,
      ),
      [
        '"""Resizes the book when insights arrive or expire and when securities leave the universe."""',
        'for insight in insights:',
        ['self._insights[insight.symbol] = insight'],
        'expired = [',
        [
          'symbol',
          'for symbol, insight in self._insights.items()',
          'if insight.is_expired(algorithm.utc_time)',
        ],
        ']',
        'for symbol in expired:',
        ['del self._insights[symbol]'],
        'closing = expired + self._removed',
        'self._removed = []',
        `period = ${REBALANCE_PERIOD_FUNCTION}(algorithm.time, ${settingAttribute('rebalance')})`,
        '# Between insight changes the book is only resized when a new rebalance period starts.',
        'if not insights and not closing and period == self._last_period:',
        ['return []'],
        'self._last_period = period',
        'weights = self._weights(algorithm)',
        'targets = [PortfolioTarget(symbol, 0) for symbol in closing if symbol not in weights]',
        'for symbol, weight in weights.items():',
        [
          'target = PortfolioTarget.percent(algorithm, symbol, weight)',
          '# None means the security has no price yet; it is sized at the next change.',
          'if target is not None:',
          ['targets.append(target)'],
        ],
        'return targets',
      ],
      '',
      'def on_securities_changed(self, algorithm: QCAlgorithm, changes: SecurityChanges) -> None:',
      [
        sizing.addedLines.length > 0
          ? '"""Tracks the volatility of new securities and closes the positions of leavers."""'
          : '"""Closes the positions of securities that left the universe."""',
        ...(sizing.addedLines.length > 0
          ? ['for security in changes.added_securities:', sizing.addedLines]
          : []),
        'for security in changes.removed_securities:',
        [
          'self._insights.pop(security.symbol, None)',
          'self._removed.append(security.symbol)',
          ...sizing.removedLines,
        ],
      ],
      '',
      'def _weights(self, algorithm: QCAlgorithm) -> dict[Symbol, float]:',
      [
        '"""Signed target weights for every security with a live insight."""',
        'weights: dict[Symbol, float] = {}',
        ...(equal
          ? [
              'holding_count = sum(',
              ['1 for insight in self._insights.values() if insight.direction != InsightDirection.FLAT'],
              ')',
            ]
          : []),
        'for symbol, insight in self._insights.items():',
        [
          'if insight.direction == InsightDirection.FLAT:',
          ['weights[symbol] = 0.0', 'continue'],
          `if insight.direction == InsightDirection.DOWN and not ${settingAttribute('allow_short')}:`,
          [
            '# A long-only book never goes short, whatever an insight says.',
            'weights[symbol] = 0.0',
            'continue',
          ],
          ...sizing.weightLines,
          `weight = min(weight, ${settingAttribute('max_position_weight')})`,
          'weights[symbol] = weight if insight.direction == InsightDirection.UP else -weight',
        ],
        'gross = sum(abs(weight) for weight in weights.values())',
        'if gross > 1:',
        [
          '# Never borrow: when the sizes add up to more than equity, scale them all down together.',
          'weights = {symbol: weight / gross for symbol, weight in weights.items()}',
        ],
        'return weights',
      ],
      ...(sizing.methods.length > 0 ? ['', ...sizing.methods] : []),
    ],
  ];
}

/** Writes portfolio.py: a PortfolioConstructionModel sizing by risk per trade (or the plan's weighting). */
export function writePortfolio(plan: Plan, contract: FileContract): GeneratedFile {
  const sizing =
    plan.portfolio.weighting === 'risk_per_trade' ? riskSizing(plan, contract) : builtInSizing(plan);
  const binding = bindSettings(contract, [...sizing.settings, ...commonSettings(plan)]);
  const code = renderModule([
    moduleHeader(`Portfolio construction for ${plan.title}.\n\n${contract.responsibility}`),
    rebalancePeriodFunction(),
    portfolioClass(plan, contract, sizing),
  ]);
  return { className: contract.className, code, notes: `${sizing.summary}${bindingNotes(binding)}` };
}
