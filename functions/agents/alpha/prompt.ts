import type { ChatMessage } from '../../llm/model.js';
import { renderStrategyNumbers } from '../contract-text.js';
import type { StrategyKind } from '../plan.js';
import type { ComponentTask } from '../task-kinds.js';
import { renderWriteRequest, renderWriterSystem } from '../writer-prompt.js';

/** How alpha.py is written; refine reuses it when it repairs this file. */
export const ALPHA_GUIDANCE = `- In on_securities_changed create each added symbol's indicators with the algorithm's helpers, warm them with algorithm.warm_up_indicator, and forget removed symbols.
- In update skip symbols whose indicators are not ready or that have no bar in data (data.contains_key(symbol)).
- Emit insights only when the signal changes or the rebalance period turns, with a duration to the next rebalance (Expiry.END_OF_DAY / END_OF_WEEK / END_OF_MONTH).
- long_only: never emit InsightDirection.DOWN; use FLAT to exit. long_short: DOWN where the rule says short.`;

export const ALPHA_SYSTEM = renderWriterSystem('alpha', ALPHA_GUIDANCE);

/** The trading rule of each strategy family, in terms of the contract's parameters. */
export const SIGNAL_RULES: Record<StrategyKind, string> = {
  momentum:
    'Score each symbol by its rate of change over lookback_days (algorithm.roc). At each rebalance emit UP for the top ceil(top_fraction * n) scores; with long_short also DOWN for the bottom ceil(top_fraction * n) not chosen as UP.',
  mean_reversion:
    'z = (price - sma) / std over lookback_days (algorithm.sma, algorithm.std). UP when z <= -entry_z_score; with long_short DOWN when z >= entry_z_score; FLAT once z crosses back through 0.',
  ma_crossover:
    'Fast and slow moving averages (algorithm.sma, or algorithm.ema when moving_average_type is ema). UP when fast crosses above slow; when it crosses below, DOWN with long_short, else FLAT.',
  rsi: 'RSI over rsi_period (algorithm.rsi with MovingAverageType.WILDERS). UP when RSI falls below oversold; when it rises above overbought, DOWN with long_short, else FLAT.',
  breakout:
    "Donchian channel over lookback_days (algorithm.dch). UP when the close breaks above the previous bar's upper band; when it breaks below the lower band, DOWN with long_short, else FLAT.",
};

/** The user message for the alpha agent. */
export function renderAlphaMessages(task: ComponentTask): ChatMessage[] {
  const { strategy } = task.plan;
  const details = [
    `Strategy: ${strategy.kind} (${renderStrategyNumbers(strategy)}), ${strategy.direction}, rebalance ${strategy.rebalance}.`,
    `Rule: ${SIGNAL_RULES[strategy.kind]}`,
  ];
  return [{ role: 'user', content: renderWriteRequest(task.contract, details) }];
}
