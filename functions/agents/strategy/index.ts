import type { Model } from '../../llm/model.js';
import { requireContract } from '../contract-error.js';
import { writeContractFile } from '../file-writer.js';
import type { Plan } from '../plan.js';
import type { AgentResult } from '../run-agent.js';
import type { StrategyTask } from '../task-kinds.js';
import type { GeneratedFile } from '../tasks.js';
import { renderStrategyMessages, STRATEGY_SYSTEM } from './prompt.js';

/** The strategy agent: writes main.py, the algorithm that wires every component. */
export async function writeStrategy(plan: Plan, model: Model): Promise<AgentResult<GeneratedFile>> {
  const contract = requireContract(plan, 'strategy');
  const components = plan.contract.files.filter((file) => file.owner !== 'strategy');
  const task: StrategyTask = { kind: 'strategy', plan, contract, components };
  return writeContractFile(
    {
      role: 'strategy',
      system: STRATEGY_SYSTEM,
      messages: renderStrategyMessages(task),
      plan,
      contract,
      task,
    },
    model,
  );
}
