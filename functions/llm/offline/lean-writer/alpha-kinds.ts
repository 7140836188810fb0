import type { FileContract, Plan, StrategyKind } from '../../../agents/plan.js';
import type { AlphaKind } from './alpha-kind.js';
import { meanReversion, rsi } from './alpha-reversion-kinds.js';
import { breakout, crossover, momentum } from './alpha-trend-kinds.js';

export type { AlphaKind } from './alpha-kind.js';

const KINDS: Record<StrategyKind, (plan: Plan, contract: FileContract) => AlphaKind> = {
  momentum,
  mean_reversion: meanReversion,
  ma_crossover: crossover,
  rsi,
  breakout,
};

/** The strategy-specific parts of alpha.py for the plan's strategy kind and the alpha's contract. */
export function alphaKind(plan: Plan, contract: FileContract): AlphaKind {
  return KINDS[plan.strategy.kind](plan, contract);
}
