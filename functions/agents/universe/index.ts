import type { Model } from '../../llm/model.js';
import { requireContract } from '../contract-error.js';
import { writeContractFile } from '../file-writer.js';
import type { Plan } from '../plan.js';
import type { AgentResult } from '../run-agent.js';
import type { ComponentTask } from '../task-kinds.js';
import type { GeneratedFile } from '../tasks.js';
import { renderUniverseMessages, UNIVERSE_SYSTEM } from './prompt.js';

/** The universe agent: writes universe.py to the plan's contract. */
export async function writeUniverse(plan: Plan, model: Model): Promise<AgentResult<GeneratedFile>> {
  const contract = requireContract(plan, 'universe');
  const task: ComponentTask = { kind: 'component', owner: 'universe', plan, contract };
  return writeContractFile(
    {
      role: 'universe',
      system: UNIVERSE_SYSTEM,
      messages: renderUniverseMessages(task),
      plan,
      contract,
      task,
    },
    model,
  );
}
