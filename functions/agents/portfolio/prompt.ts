import type { ChatMessage } from '../../llm/model.js';
import type { ComponentTask } from '../task-kinds.js';
import { renderWriteRequest, renderWriterSystem } from '../writer-prompt.js';

/** How portfolio.py is written; refine reuses it when it repairs this file. */
export const PORTFOLIO_GUIDANCE = `- Subclass PortfolioConstructionModel and override create_targets(self, algorithm, insights) and on_securities_changed(self, algorithm, changes).
- Remember the latest insight per symbol. A symbol whose latest insight is active (insight.is_active(algorithm.utc_time)) and not FLAT gets PortfolioTarget.percent(algorithm, symbol, direction * weight); a symbol whose insight expired, went FLAT or was removed gets a 0 target once, then is forgotten.
- Risk per trade: weight = min(max_position_weight, risk_per_trade / stop_distance), so a stop_distance move against the position loses risk_per_trade of equity. Scale all weights down together if they would sum above 1.
- long_only: never target a negative weight.`;

export const PORTFOLIO_SYSTEM = renderWriterSystem('portfolio', PORTFOLIO_GUIDANCE);

/** The user message for the portfolio agent. */
export function renderPortfolioMessages(task: ComponentTask): ChatMessage[] {
  const { portfolio, strategy } = task.plan;
  const details = [
    `Portfolio: ${portfolio.weighting}, ${strategy.direction}, rebalance ${strategy.rebalance}. ${portfolio.description}`,
  ];
  return [{ role: 'user', content: renderWriteRequest(task.contract, details) }];
}
