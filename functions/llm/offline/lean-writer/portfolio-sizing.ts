import type { FileContract, Plan } from '../../../agents/plan.js';
import { type Setting, settingAttribute } from './parameter-binding.js';
import { callLines, type PythonBlock, percentText } from './python-source.js';

/** The stop the risk model enforces per position, when the plan sets one: the tighter of the two. */
export function plannedStopDistance(plan: Plan): number | undefined {
  const stops = [plan.risk.maxDrawdownPerSecurity, plan.risk.trailingStop].filter(
    (stop): stop is number => stop !== null,
  );
  return stops.length > 0 ? Math.min(...stops) : undefined;
}

const VOLATILITY_PERIOD = 20;
const VOLATILITY_MULTIPLE = 2;

/** How a portfolio model turns an insight into a weight, and the state and settings that needs. */
export interface Sizing {
  settings: Setting[];
  summary: string;
  /** Lines computing `weight` (a positive fraction) for `symbol` and `insight`; may `continue`. */
  weightLines: PythonBlock;
  /** Extra `__init__` lines, `on_securities_changed` lines for added securities, and extra methods. */
  initLines: PythonBlock;
  addedLines: PythonBlock;
  removedLines: PythonBlock;
  methods: PythonBlock;
}

const MAX_WEIGHT_NAMES = /weight|cap|maxposition|positionlimit/;

function maxWeightSetting(plan: Plan): Setting {
  return {
    key: 'max_position_weight',
    kind: 'float',
    planValue: plan.portfolio.maxPositionWeight,
    names: MAX_WEIGHT_NAMES,
    purpose: 'the largest share of equity one position may take',
  };
}

const STOP_NAMES = /stop|distance/;

/** The fixed stop distance to size by: a contract parameter for it, else the plan's own stop, else none. */
function fixedStop(plan: Plan, contract: FileContract): number | undefined {
  const parameter = contract.constructorParameters.find(
    (candidate) =>
      candidate.type === 'float' &&
      typeof candidate.value === 'number' &&
      STOP_NAMES.test(candidate.name.replaceAll('_', '').toLowerCase()),
  );
  return typeof parameter?.value === 'number' ? parameter.value : plannedStopDistance(plan);
}

/** Risk per trade: weight = risk / stop distance, the stop fixed or, without one, volatility-based. */
export function riskSizing(plan: Plan, contract: FileContract): Sizing {
  const riskPerTrade = plan.portfolio.riskPerTrade ?? 0.01;
  const stop = fixedStop(plan, contract);
  const riskSetting: Setting = {
    key: 'risk_per_trade',
    kind: 'float',
    planValue: riskPerTrade,
    names: /riskper|pertrade|risk/,
    purpose: 'the share of equity a stopped-out position may lose',
  };
  const common = {
    weightLines: [
      'distance = self._stop_fraction(algorithm, symbol)',
      'if distance is None:',
      ['continue'],
      '# A position whose stop is hit loses `risk_per_trade` of equity, so weight = risk / stop distance.',
      `weight = ${settingAttribute('risk_per_trade')} / distance`,
    ],
  };
  if (stop !== undefined) {
    return {
      ...common,
      settings: [
        riskSetting,
        maxWeightSetting(plan),
        {
          key: 'stop_distance',
          kind: 'float',
          planValue: stop,
          names: STOP_NAMES,
          purpose: "the risk model's stop distance as a fraction of the entry price",
        },
      ],
      summary: `Sizes each position so that a ${percentText(stop)} stop costs ${percentText(riskPerTrade)} of equity, capped at ${percentText(plan.portfolio.maxPositionWeight)} per position.`,
      initLines: [],
      addedLines: [],
      removedLines: [],
      methods: [
        'def _stop_fraction(self, algorithm: QCAlgorithm, symbol: Symbol) -> float | None:',
        [
          '"""The fractional distance to the stop: the risk model exits at this loss."""',
          `return ${settingAttribute('stop_distance')}`,
        ],
      ],
    };
  }
  return {
    ...common,
    settings: [riskSetting, maxWeightSetting(plan)],
    summary: `Sizes each position so that a stop ${VOLATILITY_MULTIPLE} standard deviations of price away costs ${percentText(riskPerTrade)} of equity, capped at ${percentText(plan.portfolio.maxPositionWeight)} per position.`,
    initLines: [
      '# With no fixed stop in the plan, the stop distance is two standard deviations of the last',
      `# ${VOLATILITY_PERIOD} closes: volatile names get smaller positions.`,
      `self._volatility_period = ${VOLATILITY_PERIOD}`,
      `self._volatility_multiple = ${VOLATILITY_MULTIPLE}.0`,
      'self._volatility: dict[Symbol, StandardDeviation] = {}',
    ],
    addedLines: [
      'if security.symbol not in self._volatility:',
      [
        ...callLines(
          'indicator = ',
          'algorithm.std',
          ['security.symbol', 'self._volatility_period', 'Resolution.DAILY'],
          3,
        ),
        'algorithm.warm_up_indicator(security.symbol, indicator, Resolution.DAILY)',
        'self._volatility[security.symbol] = indicator',
      ],
    ],
    removedLines: [
      'indicator = self._volatility.pop(security.symbol, None)',
      'if indicator is not None:',
      ['algorithm.deregister_indicator(indicator)'],
    ],
    methods: [
      'def _stop_fraction(self, algorithm: QCAlgorithm, symbol: Symbol) -> float | None:',
      [
        '"""The stop distance as a fraction of price; None until the volatility is known."""',
        'indicator = self._volatility.get(symbol)',
        'price = algorithm.securities[symbol].price',
        'if indicator is None or not indicator.is_ready or price <= 0:',
        ['return None'],
        'distance = self._volatility_multiple * indicator.current.value / price',
        'return distance if distance > 0 else None',
      ],
    ],
  };
}

/** Equal or insight weights, for a portfolio file the contract asks for under those weightings. */
export function builtInSizing(plan: Plan): Sizing {
  const insight = plan.portfolio.weighting === 'insight';
  return {
    settings: [maxWeightSetting(plan)],
    summary: insight
      ? `Weights positions by the alpha's insight weights, capped at ${percentText(plan.portfolio.maxPositionWeight)} per position.`
      : `Weights positions equally, capped at ${percentText(plan.portfolio.maxPositionWeight)} per position.`,
    weightLines: insight
      ? ['# The alpha scales its insight weights by signal strength.', 'weight = abs(insight.weight or 0.0)']
      : ['weight = 1 / holding_count'],
    initLines: [],
    addedLines: [],
    removedLines: [],
    methods: [],
  };
}
