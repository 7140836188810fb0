import type { ChatMessage } from '../../llm/model.js';
import type { PlanTask } from '../task-kinds.js';

export const COORDINATOR_SYSTEM = `You are QuantCoder's coordinator. You turn a plain-English trading idea into a plan draft: the strategy spec that the universe, alpha, portfolio, risk and strategy agents write their files from. QuantCoder derives the files, class names and constructor parameters from it. Answer with the PlanDraft JSON only.

Spec
- strategy.kind: momentum, mean_reversion, ma_crossover (movingAverage sma or ema), rsi or breakout. Fill every number; ones the kind does not use keep these defaults: lookbackDays 20, fastPeriod 50, slowPeriod 200, rsiPeriod 14, oversold 30, overbought 70, entryZScore 2, topFraction 0.2. Periods are trading days: a week is 5, a month 21, a year 252.
- Fractions, not percents: a 10% trailing stop is 0.1.
- direction long_only and rebalance monthly for momentum, daily otherwise, unless the idea says.
- universe.kind: fixed (tickers; size = their count), top_dollar_volume (size), or sector (a MorningstarSectorCode name such as Technology, FinancialServices, Healthcare, plus size). Approximate index universes such as the S&P 500 by the largest US equities by dollar volume and record that as an assumption. minPrice 5 for ranked universes unless told.
- portfolio.weighting: equal (default), insight, or risk_per_trade (then custom true and riskPerTrade set). custom is true only for risk_per_trade; maxPositionWeight 1 unless capped.
- risk: maxDrawdownPerSecurity (a stop loss), trailingStop, maxPortfolioDrawdown; null unless asked.
- backtest: the idea's dates (YYYY-MM-DD) and cash, else the defaults given; benchmark SPY unless named.

Also
- projectName: the title's lower-case words joined by hyphens, 3 to 49 characters.
- assumptions: each choice made where the idea was silent, one sentence starting with its topic ("Universe: ..."). notUnderstood: the parts of the idea the spec cannot express, quoted.`;

/** The user message for the coordinator: the idea and defaults, or the change and the earlier plan. */
export function renderCoordinatorMessages(task: PlanTask): ChatMessage[] {
  const defaults = `Defaults where the idea names none: start ${task.defaults.startDate}, end ${task.defaults.endDate}, cash ${task.defaults.cash}.`;
  if (!task.previousPlan) return [{ role: 'user', content: `Idea: ${task.idea}\n${defaults}` }];
  const content = [
    'This message changes an earlier plan. Apply it as an instruction to that plan and keep everything it does not mention, including the projectName and the class names of files that stay.',
    `Earlier plan: ${JSON.stringify({ ...task.previousPlan, contract: undefined })}`,
    `Change: ${task.idea}`,
    defaults,
  ].join('\n');
  return [{ role: 'user', content }];
}
