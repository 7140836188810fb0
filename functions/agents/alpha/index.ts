import type { Model } from '../../llm/model.js';
import { requireContract } from '../contract-error.js';
import { writeContractFile } from '../file-writer.js';
import type { Plan } from '../plan.js';
import type { AgentResult } from '../run-agent.js';
import type { ComponentTask } from '../task-kinds.js';
import type { GeneratedFile } from '../tasks.js';
import { ALPHA_SYSTEM, renderAlphaMessages } from './prompt.js';

/** The alpha agent: writes alpha.py, the signal, to the plan's contract. */
export async function writeAlpha(plan: Plan, model: Model): Promise<AgentResult<GeneratedFile>> {
  const contract = requireContract(plan, 'alpha');
  const task: ComponentTask = { kind: 'component', owner: 'alpha', plan, contract };
  return writeContractFile(
    { role: 'alpha', system: ALPHA_SYSTEM, messages: renderAlphaMessages(task), plan, contract, task },
    model,
  );
}
