import type { Plan } from '../../../agents/plan.js';
import { type AlphaKind, IS_READY_SKIP, lookbackSetting } from './alpha-kind.js';
import { settingAttribute } from './parameter-binding.js';

/** Mean reversion: trade prices stretched from their mean, exit back at the mean. */
export function meanReversion(plan: Plan): AlphaKind {
  const { lookbackDays, entryZScore } = plan.strategy;
  return {
    settings: [
      lookbackSetting(plan, /mean|sma|average/, 'the window of the mean and standard deviation'),
      {
        key: 'entry_z_score',
        kind: 'float',
        planValue: entryZScore,
        names: /z|entry|threshold|deviation|std|sigma/,
        purpose: 'how many standard deviations from the mean a trade needs',
      },
    ],
    holderName: '_MeanReversionIndicators',
    holderDoc: 'The moving mean and standard deviation of one security.',
    holderParameters: ['lookback_days: int'],
    holderArguments: [settingAttribute('lookback_days')],
    indicators: [
      { attribute: 'mean', helper: 'sma', arguments: ['symbol', 'lookback_days', 'Resolution.DAILY'] },
      { attribute: 'deviation', helper: 'std', arguments: ['symbol', 'lookback_days', 'Resolution.DAILY'] },
    ],
    holderMethods: [
      'def z_score(self, price: float) -> float | None:',
      [
        '"""How many standard deviations `price` sits from the mean; None until that is known."""',
        'deviation = self.deviation.current.value',
        'if not self.is_ready or deviation <= 0:',
        ['return None'],
        'return (price - self.mean.current.value) / deviation',
      ],
    ],
    stateUpdate: {
      doc: "Moves each security's position on today's z-score of its price against the mean.",
      body: [
        'for symbol, indicators in self._indicators.items():',
        [
          'price = algorithm.securities[symbol].price',
          '# A security that has not traded yet has no price; a zero would read as a huge z-score.',
          'z_score = indicators.z_score(price) if price > 0 else None',
          'if z_score is None:',
          ['continue'],
          'state = self._states.get(symbol, InsightDirection.FLAT)',
          '# Enter when the price is stretched far from its mean, betting it snaps back.',
          `if z_score <= -${settingAttribute('entry_z_score')}:`,
          ['state = InsightDirection.UP'],
          `elif z_score >= ${settingAttribute('entry_z_score')} and ${settingAttribute('allow_short')}:`,
          ['state = InsightDirection.DOWN'],
          'elif (state == InsightDirection.UP and z_score >= 0) or (',
          ['state == InsightDirection.DOWN and z_score <= 0'],
          '):',
          [
            '# Back at the mean: the reversion the trade bet on has happened.',
            'state = InsightDirection.FLAT',
          ],
          'self._states[symbol] = state',
        ],
      ],
    },
    strength: 'abs(self._indicators[symbol].z_score(algorithm.securities[symbol].price) or 0.0)',
    summary: `Mean reversion: buys${plan.strategy.direction === 'long_short' ? ' (or shorts)' : ''} a security when its price is ${entryZScore} standard deviations from its ${lookbackDays}-day mean and exits when it returns to the mean.`,
  };
}

/** RSI thresholds: buy oversold, sell (or short) overbought, hold in between. */
export function rsi(plan: Plan): AlphaKind {
  const { rsiPeriod, oversold, overbought } = plan.strategy;
  return {
    settings: [
      {
        key: 'rsi_period',
        kind: 'int',
        planValue: rsiPeriod,
        names: /rsi|period|window|length|lookback/,
        purpose: 'the RSI period',
      },
      {
        key: 'oversold',
        kind: 'float',
        planValue: oversold,
        names: /oversold|lower|buy|low|entry/,
        purpose: 'the RSI level below which a security is oversold',
      },
      {
        key: 'overbought',
        kind: 'float',
        planValue: overbought,
        names: /overbought|upper|sell|high|exit/,
        purpose: 'the RSI level above which a security is overbought',
      },
    ],
    holderName: '_RsiIndicators',
    holderDoc: "Wilder's relative strength index of one security.",
    holderParameters: ['rsi_period: int'],
    holderArguments: [settingAttribute('rsi_period')],
    indicators: [
      {
        attribute: 'relative_strength',
        helper: 'rsi',
        arguments: ['symbol', 'rsi_period', 'MovingAverageType.WILDERS', 'Resolution.DAILY'],
      },
    ],
    holderMethods: [],
    stateUpdate: {
      doc: "Moves each security's position when its RSI crosses a threshold; in between, it is held.",
      body: [
        'for symbol, indicators in self._indicators.items():',
        [
          ...IS_READY_SKIP,
          'value = indicators.relative_strength.current.value',
          `if value < ${settingAttribute('oversold')}:`,
          ['# Oversold: bet on a rebound.', 'self._states[symbol] = InsightDirection.UP'],
          `elif value > ${settingAttribute('overbought')}:`,
          [
            '# Overbought: take profits, or bet on a pullback when shorting is allowed.',
            'self._states[symbol] = (',
            [`InsightDirection.DOWN if ${settingAttribute('allow_short')} else InsightDirection.FLAT`],
            ')',
          ],
        ],
      ],
    },
    strength: 'abs(self._indicators[symbol].relative_strength.current.value - 50)',
    summary: `RSI(${rsiPeriod}) thresholds: buys below ${oversold}, ${plan.strategy.direction === 'long_short' ? 'shorts' : 'sells'} above ${overbought}, and holds in between.`,
  };
}
