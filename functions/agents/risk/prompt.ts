import type { ChatMessage } from '../../llm/model.js';
import { renderFileContract } from '../contract-text.js';
import type { RiskTask } from '../task-kinds.js';
import { renderWriteRequest, renderWriterSystem } from '../writer-prompt.js';

/** How risk.py is written; refine reuses it when it repairs this file. */
export const RISK_GUIDANCE = `- Subclass RiskManagementModel and override manage_risk(self, algorithm, targets); return only the exit targets you add, PortfolioTarget(symbol, 0), never the incoming targets.
- Max drawdown per security: exit when algorithm.portfolio[symbol].unrealized_profit_percent <= -limit.
- Trailing stop: track the best price since entry (highest for longs, lowest for shorts); exit when the price moves limit against it; forget the symbol once flat.
- Max portfolio drawdown: track the peak of algorithm.portfolio.total_portfolio_value; when the value falls limit below it, exit every invested position and reset the peak.
- A parameter the contract does not list is not used; with no parameters, return [].`;

export const RISK_SYSTEM = renderWriterSystem('risk', RISK_GUIDANCE);

/** The user message for the risk agent, with the alpha's contract it protects. */
export function renderRiskMessages(task: RiskTask): ChatMessage[] {
  const { risk, strategy } = task.plan;
  const details = [
    `Risk: ${risk.description} Positions are ${strategy.direction === 'long_only' ? 'long only' : 'long or short'}.`,
    `The alpha whose positions you protect: ${renderFileContract(task.alphaContract).slice(2)}`,
  ];
  return [{ role: 'user', content: renderWriteRequest(task.contract, details) }];
}
