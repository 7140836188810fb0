import type { Plan } from '../../../agents/plan.js';
import type { Setting } from './parameter-binding.js';
import type { PythonBlock } from './python-source.js';

/** One indicator a per-security helper creates through an algorithm helper such as `algorithm.sma`. */
export interface IndicatorSpec {
  attribute: string;
  /** The algorithm helper (`sma`) and its arguments, with `symbol` and the holder's parameters in scope. */
  helper: string;
  arguments: string[];
}

/** What differs between strategy kinds; alpha-writer.ts puts it into one AlphaModel shape. */
export interface AlphaKind {
  settings: Setting[];
  /** Name and docstring of the per-security indicator holder. */
  holderName: string;
  holderDoc: string;
  /** Constructor arguments of the holder after `algorithm, symbol`, as `name: type`, and the values passed. */
  holderParameters: string[];
  holderArguments: string[];
  indicators: IndicatorSpec[];
  /** Lines creating the indicators when they depend on a setting; by default each is created as specified. */
  creation?: PythonBlock;
  /** Extra methods on the holder (each a def block at class depth). */
  holderMethods: PythonBlock;
  /** Stateful kinds move a per-security state every bar and emit it at each rebalance. */
  stateUpdate?: { doc: string; body: PythonBlock };
  /** Level kinds compute `directions` at the rebalance; the block may `return []` when nothing is ready. */
  directions?: PythonBlock;
  /** Signal strength of `symbol` (a Python expression), for insight weighting. */
  strength: string;
  summary: string;
}

const LOOKBACK_NAMES = /lookback|window|period|days|length/;

/** The lookback setting, matched by the usual names plus a kind's own words for it. */
export function lookbackSetting(plan: Plan, extraNames: RegExp, purpose: string): Setting {
  return {
    key: 'lookback_days',
    kind: 'int',
    planValue: plan.strategy.lookbackDays,
    names: new RegExp(`${LOOKBACK_NAMES.source}|${extraNames.source}`),
    purpose,
  };
}

/** Level kinds wait for a bar with ready indicators rather than spend a rebalance period on nothing. */
export const NOT_READY_GUARD: PythonBlock = [
  'if not any(indicators.is_ready for indicators in self._indicators.values()):',
  ['# Nothing to rank yet; try again on the next bar rather than skipping the period.', 'return []'],
];

/** Skips a security whose indicators are still warming up. */
export const IS_READY_SKIP: PythonBlock = ['if not indicators.is_ready:', ['continue']];
