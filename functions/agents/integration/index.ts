import type { Model } from '../../llm/model.js';
import { ModelOutputError } from '../../shared/errors.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import { agentOutput } from '../agent-outputs.js';
import { FILE_OUTPUT_TOKENS, unwrapCode } from '../file-writer.js';
import type { Plan } from '../plan.js';
import { PROJECT_FILE_NAME } from '../roles.js';
import { type AgentResult, runAgent } from '../run-agent.js';
import { renderSharedContext } from '../shared-context.js';
import type { IntegrationTask } from '../task-kinds.js';
import type { IntegrationRepair, SourceFile } from '../tasks.js';
import { INTEGRATION_SYSTEM, renderIntegrationMessages } from './prompt.js';

/** Keeps a repair to files the project has, once each, and unwraps fenced code. */
export function checkRepair(repair: IntegrationRepair, files: readonly SourceFile[]): IntegrationRepair {
  const known = new Set(files.map((file) => file.name));
  const seen = new Set<string>();
  const checked = repair.files.map((file) => {
    if (!PROJECT_FILE_NAME.test(file.file) || !known.has(file.file)) {
      throw new ModelOutputError(
        `The integration agent returned ${JSON.stringify(file.file)}, which is not a file of this project (${[...known].join(', ')}).`,
      );
    }
    if (seen.has(file.file)) {
      throw new ModelOutputError(`The integration agent returned ${file.file} more than once.`);
    }
    seen.add(file.file);
    return { file: file.file, code: unwrapCode(file.code) };
  });
  return { files: checked, notes: repair.notes };
}

/** The integration agent: repairs cross-file problems the deterministic checks found; returns changed files only. */
export async function repairIntegration(
  plan: Plan,
  files: SourceFile[],
  problems: Diagnostic[],
  model: Model,
): Promise<AgentResult<IntegrationRepair>> {
  const task: IntegrationTask = { kind: 'integration', plan, files, problems };
  const result = await runAgent(model, {
    role: 'integration',
    system: INTEGRATION_SYSTEM,
    sharedContext: renderSharedContext(plan),
    messages: renderIntegrationMessages(task),
    ...agentOutput('integration'),
    task,
    maxOutputTokens: FILE_OUTPUT_TOKENS * 2,
  });
  return { output: checkRepair(result.output, files), usage: result.usage };
}
