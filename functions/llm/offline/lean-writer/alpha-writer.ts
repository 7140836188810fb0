import type { FileContract, Plan } from '../../../agents/plan.js';
import type { GeneratedFile } from '../../../agents/tasks.js';
import { type AlphaKind, alphaKind } from './alpha-kinds.js';
import {
  bindingNotes,
  bindSettings,
  constructorLines,
  type Setting,
  settingAssignments,
  settingAttribute,
} from './parameter-binding.js';
import {
  callLines,
  defLines,
  docstringLines,
  moduleHeader,
  type PythonBlock,
  renderModule,
} from './python-source.js';
import { REBALANCE_PERIOD_FUNCTION, rebalancePeriodFunction } from './rebalance-period.js';

function commonSettings(plan: Plan): Setting[] {
  const settings: Setting[] = [
    {
      key: 'allow_short',
      kind: 'allow_short',
      planValue: plan.strategy.direction === 'long_short',
      names: /longonly|short|direction|bias|side/,
      purpose: 'whether the strategy may sell short',
    },
    {
      key: 'rebalance',
      kind: 'str',
      planValue: plan.strategy.rebalance,
      names: /rebalanc|frequency|cadence|schedule/,
      purpose: 'how often positions are reviewed',
    },
  ];
  if (plan.portfolio.weighting === 'insight') {
    settings.push({
      key: 'max_position_weight',
      kind: 'float',
      planValue: plan.portfolio.maxPositionWeight,
      names: /weight|cap|maxposition|positionlimit/,
      purpose: 'the largest share of the portfolio one insight may ask for',
    });
  }
  return settings;
}

const INSIGHT_EXPIRY_TABLE: PythonBlock = [
  '# Insights last until the end of the rebalance period, so every period starts from fresh signals.',
  '_INSIGHT_EXPIRY = {',
  ['"daily": Expiry.END_OF_DAY,', '"weekly": Expiry.END_OF_WEEK,', '"monthly": Expiry.END_OF_MONTH,'],
  '}',
];

function holderClass(kind: AlphaKind): PythonBlock {
  const parameters = ['self', 'algorithm: QCAlgorithm', 'symbol: Symbol', ...kind.holderParameters];
  const attributes = kind.indicators.map((indicator) => `self.${indicator.attribute}`);
  return [
    `class ${kind.holderName}:`,
    [
      ...docstringLines(kind.holderDoc, 1),
      '',
      ...defLines('__init__', parameters, 'None', 1),
      [
        ...(kind.creation ??
          kind.indicators.flatMap((indicator) =>
            callLines(
              `self.${indicator.attribute} = `,
              `algorithm.${indicator.helper}`,
              indicator.arguments,
              2,
            ),
          )),
        `self._all = [${attributes.join(', ')}]`,
        'for indicator in self._all:',
        [
          '# Warm up from history so a security can trade on the day it joins the universe.',
          'algorithm.warm_up_indicator(symbol, indicator, Resolution.DAILY)',
        ],
      ],
      '',
      '@property',
      'def is_ready(self) -> bool:',
      [
        '"""True once every indicator has seen enough bars."""',
        'return all(indicator.is_ready for indicator in self._all)',
      ],
      '',
      'def remove(self, algorithm: QCAlgorithm) -> None:',
      [
        '"""Stops the automatic indicator updates once the security leaves the universe."""',
        'for indicator in self._all:',
        ['algorithm.deregister_indicator(indicator)'],
      ],
      ...(kind.holderMethods.length > 0 ? ['', ...kind.holderMethods] : []),
    ],
  ];
}

function updateMethod(kind: AlphaKind, weighted: boolean): PythonBlock {
  const stateful = kind.stateUpdate !== undefined;
  const selection: PythonBlock = stateful
    ? [
        'directions = {',
        ['symbol: state', 'for symbol, state in self._states.items()', 'if state != InsightDirection.FLAT'],
        '}',
      ]
    : (kind.directions ?? []);
  return [
    'def update(self, algorithm: QCAlgorithm, data: Slice) -> list[Insight]:',
    [
      stateful
        ? '"""Tracks signals on every bar and emits insights once per rebalance period."""'
        : '"""Emits insights once per rebalance period from the current indicator values."""',
      ...(stateful ? ['self._update_states(algorithm)'] : []),
      'if algorithm.is_warming_up:',
      ['return []'],
      `period = ${REBALANCE_PERIOD_FUNCTION}(algorithm.time, ${settingAttribute('rebalance')})`,
      'if period == self._last_period:',
      ['return []'],
      ...selection,
      'self._last_period = period',
      weighted
        ? 'return self._create_insights(algorithm, directions)'
        : 'return self._create_insights(directions)',
    ],
  ];
}

function securitiesChangedMethod(kind: AlphaKind): PythonBlock {
  const stateful = kind.stateUpdate !== undefined;
  return [
    'def on_securities_changed(self, algorithm: QCAlgorithm, changes: SecurityChanges) -> None:',
    [
      '"""Creates indicators for securities joining the universe and drops those of leavers."""',
      'for security in changes.added_securities:',
      [
        'if security.symbol not in self._indicators:',
        [
          ...callLines(
            'self._indicators[security.symbol] = ',
            kind.holderName,
            ['algorithm', 'security.symbol', ...kind.holderArguments],
            3,
          ),
        ],
      ],
      'for security in changes.removed_securities:',
      [
        'indicators = self._indicators.pop(security.symbol, None)',
        'if indicators is not None:',
        ['indicators.remove(algorithm)'],
        ...(stateful ? ['self._states.pop(security.symbol, None)'] : []),
        'self._active.pop(security.symbol, None)',
      ],
    ],
  ];
}

function createInsightsMethod(kind: AlphaKind, weighted: boolean): PythonBlock {
  const flats: PythonBlock = [
    '# Names that had a position last period but no signal now are closed with a flat insight.',
    'insights = [',
    [
      'Insight.price(symbol, self._expiry, InsightDirection.FLAT)',
      'for symbol in self._active',
      'if symbol not in directions',
    ],
    ']',
  ];
  if (!weighted) {
    return [
      'def _create_insights(self, directions: dict[Symbol, InsightDirection]) -> list[Insight]:',
      [
        '"""Insights for this period\'s positions, plus flat insights for names that lost their signal."""',
        ...flats,
        'for symbol, direction in directions.items():',
        ['insights.append(Insight.price(symbol, self._expiry, direction))'],
        'self._active = dict(directions)',
        'return insights',
      ],
    ];
  }
  return [
    ...defLines(
      '_create_insights',
      ['self', 'algorithm: QCAlgorithm', 'directions: dict[Symbol, InsightDirection]'],
      'list[Insight]',
      1,
    ),
    [
      '"""Insights weighted by signal strength, plus flat insights for names that lost their signal."""',
      ...flats,
      'strengths = {symbol: self._signal_strength(algorithm, symbol) for symbol in directions}',
      'total = sum(strengths.values())',
      'for symbol, direction in directions.items():',
      [
        '# Stronger signals get more capital, but no name more than the position cap.',
        'share = strengths[symbol] / total if total > 0 else 1 / len(directions)',
        `weight = min(share, ${settingAttribute('max_position_weight')})`,
        'insights.append(Insight.price(symbol, self._expiry, direction, weight=weight))',
      ],
      'self._active = dict(directions)',
      'return insights',
    ],
    '',
    'def _signal_strength(self, algorithm: QCAlgorithm, symbol: Symbol) -> float:',
    [
      '"""How strong the signal of `symbol` is now; only its size relative to others matters."""',
      `return ${kind.strength}`,
    ],
  ];
}

function alphaClass(plan: Plan, contract: FileContract, kind: AlphaKind, settings: Setting[]): PythonBlock {
  const binding = bindSettings(contract, settings);
  const weighted = plan.portfolio.weighting === 'insight';
  const stateful = kind.stateUpdate !== undefined;
  const init: PythonBlock = [
    'super().__init__()',
    ...settingAssignments(binding),
    `self._expiry = _INSIGHT_EXPIRY.get(${settingAttribute('rebalance')}, Expiry.END_OF_DAY)`,
    `self._indicators: dict[Symbol, ${kind.holderName}] = {}`,
    ...(stateful ? ['# The position each security would hold now; emitted at the next rebalance.'] : []),
    ...(stateful ? ['self._states: dict[Symbol, InsightDirection] = {}'] : []),
    'self._active: dict[Symbol, InsightDirection] = {}',
    'self._last_period: tuple[int, ...] | None = None',
  ];
  const stateMethod: PythonBlock = kind.stateUpdate
    ? [
        '',
        'def _update_states(self, algorithm: QCAlgorithm) -> None:',
        [`"""${kind.stateUpdate.doc}"""`, ...kind.stateUpdate.body],
      ]
    : [];
  return [
    `class ${contract.className}(AlphaModel):`,
    [
      ...docstringLines(kind.summary, 1),
      '',
      ...constructorLines(contract, 1),
      init,
      '',
      ...updateMethod(kind, weighted),
      '',
      ...securitiesChangedMethod(kind),
      ...stateMethod,
      '',
      ...createInsightsMethod(kind, weighted),
    ],
  ];
}

/** Writes alpha.py: an AlphaModel for the plan's strategy kind, honouring direction and rebalance cadence. */
export function writeAlpha(plan: Plan, contract: FileContract): GeneratedFile {
  const kind = alphaKind(plan, contract);
  const settings = [...kind.settings, ...commonSettings(plan)];
  const binding = bindSettings(contract, settings);
  const code = renderModule([
    moduleHeader(`Alpha model for ${plan.title}.\n\n${contract.responsibility} ${plan.strategy.description}`),
    INSIGHT_EXPIRY_TABLE,
    rebalancePeriodFunction(),
    holderClass(kind),
    alphaClass(plan, contract, kind, settings),
  ]);
  return {
    className: contract.className,
    code,
    notes: `${kind.summary} Rebalances ${plan.strategy.rebalance}, ${plan.strategy.direction.replace('_', '-')}.${bindingNotes(binding)}`,
  };
}
