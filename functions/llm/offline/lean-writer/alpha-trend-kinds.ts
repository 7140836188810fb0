import type { FileContract, Plan } from '../../../agents/plan.js';
import { type AlphaKind, IS_READY_SKIP, lookbackSetting, NOT_READY_GUARD } from './alpha-kind.js';
import { type Setting, settingAttribute } from './parameter-binding.js';

/** Cross-sectional momentum: rank by rate of change, hold the strongest (and short the weakest). */
export function momentum(plan: Plan): AlphaKind {
  const { lookbackDays, topFraction } = plan.strategy;
  return {
    settings: [
      lookbackSetting(plan, /momentum|roc|return/, 'the momentum lookback in trading days'),
      {
        key: 'top_fraction',
        kind: 'float',
        planValue: topFraction,
        names: /fraction|top|quantile|percent|share|portion/,
        purpose: 'the share of the ranked universe held',
      },
    ],
    holderName: '_MomentumIndicators',
    holderDoc: 'The rate of change of one security over the lookback.',
    holderParameters: ['lookback_days: int'],
    holderArguments: [settingAttribute('lookback_days')],
    indicators: [
      {
        attribute: 'rate_of_change',
        helper: 'roc',
        arguments: ['symbol', 'lookback_days', 'Resolution.DAILY'],
      },
    ],
    holderMethods: [],
    directions: [
      ...NOT_READY_GUARD,
      'momentum = {',
      [
        'symbol: indicators.rate_of_change.current.value',
        'for symbol, indicators in self._indicators.items()',
        'if indicators.is_ready',
      ],
      '}',
      'ranked = sorted(momentum, key=lambda symbol: momentum[symbol], reverse=True)',
      `count = max(1, int(len(ranked) * ${settingAttribute('top_fraction')}))`,
      'directions: dict[Symbol, InsightDirection] = {}',
      '# Absolute momentum filter: buy only names that are rising and short only names that are',
      '# falling, so a falling market does not force the strategy into losing longs.',
      'for symbol in ranked[:count]:',
      ['if momentum[symbol] > 0:', ['directions[symbol] = InsightDirection.UP']],
      `if ${settingAttribute('allow_short')}:`,
      [
        'for symbol in ranked[-count:]:',
        [
          'if momentum[symbol] < 0 and symbol not in directions:',
          ['directions[symbol] = InsightDirection.DOWN'],
        ],
      ],
    ],
    strength: 'abs(self._indicators[symbol].rate_of_change.current.value)',
    summary: `Cross-sectional momentum: ranks the universe by its ${lookbackDays}-day rate of change and holds the top ${Math.round(topFraction * 100)}%${plan.strategy.direction === 'long_short' ? ', shorting the bottom as many' : ''}.`,
  };
}

const AVERAGE_TYPE_NAMES = /averagetype|matype|movingaverage|smoothing/;

/** Moving-average crossover: hold the side of the market the fast average is on. */
export function crossover(plan: Plan, contract: FileContract): AlphaKind {
  const { fastPeriod, slowPeriod } = plan.strategy;
  // The plan has no field for the kind of average; a contract parameter for it ('sma' or 'ema') is honoured.
  const averageParameter = contract.constructorParameters.find(
    (parameter) =>
      parameter.type === 'str' && AVERAGE_TYPE_NAMES.test(parameter.name.replaceAll('_', '').toLowerCase()),
  );
  const periods = (helper: string) => [
    `self.fast = algorithm.${helper}(symbol, fast_period, Resolution.DAILY)`,
    `self.slow = algorithm.${helper}(symbol, slow_period, Resolution.DAILY)`,
  ];
  const averageSettings: Setting[] = averageParameter
    ? [
        {
          key: 'moving_average_type',
          kind: 'str',
          planValue: String(averageParameter.value),
          names: AVERAGE_TYPE_NAMES,
          purpose: 'the kind of moving average',
        },
      ]
    : [];
  return {
    settings: [
      {
        key: 'fast_period',
        kind: 'int',
        planValue: fastPeriod,
        names: /fast|short|quick/,
        purpose: 'the fast moving-average period',
      },
      {
        key: 'slow_period',
        kind: 'int',
        planValue: slowPeriod,
        names: /slow|long|trend/,
        purpose: 'the slow moving-average period',
      },
      ...averageSettings,
    ],
    holderName: '_CrossoverIndicators',
    holderDoc: averageParameter
      ? 'The fast and slow moving averages (simple, or exponential when asked) of one security.'
      : 'The fast and slow simple moving averages of one security.',
    holderParameters: [
      'fast_period: int',
      'slow_period: int',
      ...(averageParameter ? ['moving_average_type: str'] : []),
    ],
    holderArguments: [
      settingAttribute('fast_period'),
      settingAttribute('slow_period'),
      ...(averageParameter ? [settingAttribute('moving_average_type')] : []),
    ],
    indicators: [
      { attribute: 'fast', helper: 'sma', arguments: ['symbol', 'fast_period', 'Resolution.DAILY'] },
      { attribute: 'slow', helper: 'sma', arguments: ['symbol', 'slow_period', 'Resolution.DAILY'] },
    ],
    ...(averageParameter
      ? {
          creation: [
            '# Exponential averages react faster to new prices; simple ones ignore one-day noise better.',
            'if moving_average_type.lower() == "ema":',
            periods('ema'),
            'else:',
            periods('sma'),
          ],
        }
      : {}),
    holderMethods: [
      'def spread(self) -> float:',
      [
        '"""The fast average\'s distance above the slow one, as a fraction of the slow one."""',
        'slow = self.slow.current.value',
        'return (self.fast.current.value - slow) / slow if slow > 0 else 0.0',
      ],
    ],
    directions: [
      ...NOT_READY_GUARD,
      'directions: dict[Symbol, InsightDirection] = {}',
      'for symbol, indicators in self._indicators.items():',
      [
        ...IS_READY_SKIP,
        '# Trend following: hold the side of the market the fast average is on.',
        'spread = indicators.spread()',
        'if spread > 0:',
        ['directions[symbol] = InsightDirection.UP'],
        `elif spread < 0 and ${settingAttribute('allow_short')}:`,
        ['directions[symbol] = InsightDirection.DOWN'],
      ],
    ],
    strength: 'abs(self._indicators[symbol].spread())',
    summary: `Moving-average crossover: long while the ${fastPeriod}-day average is above the ${slowPeriod}-day average${plan.strategy.direction === 'long_short' ? ', short while it is below' : ', flat otherwise'}.`,
  };
}

/** Channel breakout: follow new closing highs (and lows). */
export function breakout(plan: Plan): AlphaKind {
  const { lookbackDays } = plan.strategy;
  return {
    settings: [
      lookbackSetting(plan, /channel|breakout|donchian|range/, 'the breakout channel length in trading days'),
    ],
    holderName: '_BreakoutIndicators',
    holderDoc: 'The highest and lowest close of one security over the channel length.',
    holderParameters: ['lookback_days: int'],
    holderArguments: [settingAttribute('lookback_days')],
    indicators: [
      { attribute: 'highest', helper: 'max', arguments: ['symbol', 'lookback_days', 'Resolution.DAILY'] },
      { attribute: 'lowest', helper: 'min', arguments: ['symbol', 'lookback_days', 'Resolution.DAILY'] },
    ],
    holderMethods: [],
    stateUpdate: {
      doc: "Moves each security's position when it closes at a new channel high or low.",
      body: [
        'for symbol, indicators in self._indicators.items():',
        [
          ...IS_READY_SKIP,
          'close = algorithm.securities[symbol].close',
          '# No close yet means no data yet, not a breakdown.',
          'if close <= 0:',
          ['continue'],
          '# The channel includes today, so a close at its edge is a new closing high or low.',
          'if close >= indicators.highest.current.value:',
          ['self._states[symbol] = InsightDirection.UP'],
          'elif close <= indicators.lowest.current.value:',
          [
            '# A breakdown ends a long; with shorting allowed it starts a short.',
            'self._states[symbol] = (',
            [`InsightDirection.DOWN if ${settingAttribute('allow_short')} else InsightDirection.FLAT`],
            ')',
          ],
        ],
      ],
    },
    strength: '1.0',
    summary: `Channel breakout: buys a new ${lookbackDays}-day closing high${plan.strategy.direction === 'long_short' ? ', shorts a new closing low' : ' and exits at a new closing low'}.`,
  };
}
