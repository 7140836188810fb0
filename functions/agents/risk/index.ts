import type { Model } from '../../llm/model.js';
import { requireContract } from '../contract-error.js';
import { writeContractFile } from '../file-writer.js';
import type { Plan } from '../plan.js';
import type { AgentResult } from '../run-agent.js';
import type { RiskTask } from '../task-kinds.js';
import type { GeneratedFile } from '../tasks.js';
import { RISK_SYSTEM, renderRiskMessages } from './prompt.js';

/** The risk agent: writes risk.py, reading the alpha's contract. */
export async function writeRisk(plan: Plan, model: Model): Promise<AgentResult<GeneratedFile>> {
  const contract = requireContract(plan, 'risk');
  const task: RiskTask = { kind: 'risk', plan, contract, alphaContract: requireContract(plan, 'alpha') };
  return writeContractFile(
    { role: 'risk', system: RISK_SYSTEM, messages: renderRiskMessages(task), plan, contract, task },
    model,
  );
}
