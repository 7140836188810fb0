import type { Model } from '../../llm/model.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import { requireContract } from '../contract-error.js';
import { writeContractFile } from '../file-writer.js';
import type { FileContract, Plan } from '../plan.js';
import type { FileOwner } from '../roles.js';
import type { AgentResult } from '../run-agent.js';
import type { RefineTask } from '../task-kinds.js';
import type { GeneratedFile, SourceFile } from '../tasks.js';
import { renderRefineMessages, renderRefineSystem } from './prompt.js';

/** What refine needs to repair one file. `contract` defaults to the plan's entry for `owner`. */
export interface RefineInput {
  plan: Plan;
  owner: FileOwner;
  file: SourceFile;
  diagnostics: Diagnostic[];
  otherFiles: SourceFile[];
  contract?: FileContract;
}

/** The refine agent: rewrites one file so its diagnostics go away, under its owner's instructions. */
export async function refineFile(input: RefineInput, model: Model): Promise<AgentResult<GeneratedFile>> {
  const contract = input.contract ?? requireContract(input.plan, input.owner);
  const task: RefineTask = {
    kind: 'refine',
    plan: input.plan,
    owner: input.owner,
    contract,
    file: input.file,
    diagnostics: input.diagnostics,
    otherFiles: input.otherFiles,
  };
  return writeContractFile(
    {
      role: 'refine',
      system: renderRefineSystem(input.owner),
      messages: renderRefineMessages(task),
      plan: input.plan,
      contract,
      task,
    },
    model,
  );
}
