import type { Model } from '../../llm/model.js';
import { requireContract } from '../contract-error.js';
import { writeContractFile } from '../file-writer.js';
import type { Plan } from '../plan.js';
import type { AgentResult } from '../run-agent.js';
import type { ComponentTask } from '../task-kinds.js';
import type { GeneratedFile } from '../tasks.js';
import { PORTFOLIO_SYSTEM, renderPortfolioMessages } from './prompt.js';

/** The portfolio agent: writes portfolio.py, only for plans with custom construction. */
export async function writePortfolio(plan: Plan, model: Model): Promise<AgentResult<GeneratedFile>> {
  const contract = requireContract(plan, 'portfolio');
  const task: ComponentTask = { kind: 'component', owner: 'portfolio', plan, contract };
  return writeContractFile(
    {
      role: 'portfolio',
      system: PORTFOLIO_SYSTEM,
      messages: renderPortfolioMessages(task),
      plan,
      contract,
      task,
    },
    model,
  );
}
