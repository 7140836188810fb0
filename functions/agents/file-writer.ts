import type { ChatMessage, Model } from '../llm/model.js';
import { ModelOutputError } from '../shared/errors.js';
import { agentOutput } from './agent-outputs.js';
import type { FileContract, Plan } from './plan.js';
import type { AgentRole } from './roles.js';
import { type AgentResult, runAgent } from './run-agent.js';
import { renderSharedContext } from './shared-context.js';
import type { AgentTask, GeneratedFile } from './tasks.js';

/** Output room for one module; a file of the project is a few hundred lines at most. */
export const FILE_OUTPUT_TOKENS = 6000;

const FENCED = /^\s*```[a-zA-Z0-9_-]*\s*\n([\s\S]*?)\n?```\s*$/;

/** A module's code without a Markdown fence around it, ending in one newline. */
export function unwrapCode(code: string): string {
  const unwrapped = FENCED.exec(code)?.[1] ?? code;
  return unwrapped.endsWith('\n') ? unwrapped : `${unwrapped}\n`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Makes sure a written file is the one the contract asks for: the class name must be the contract's and
 * the code must define it. A Markdown fence around the whole module is removed first.
 */
export function checkGeneratedFile(
  file: GeneratedFile,
  contract: FileContract,
  role: AgentRole,
): GeneratedFile {
  const className = file.className.trim();
  if (className !== contract.className) {
    throw new ModelOutputError(
      `The ${role} agent named its class ${JSON.stringify(file.className)}, but the contract for ${contract.file} names ${contract.className}.`,
    );
  }
  const code = unwrapCode(file.code);
  if (!new RegExp(`^class\\s+${escapeRegExp(className)}\\b`, 'm').test(code)) {
    throw new ModelOutputError(
      `The ${role} agent's code for ${contract.file} does not define class ${contract.className} at the top level.`,
    );
  }
  return { className, code, notes: file.notes };
}

/** What a file-writing agent sends: its prompts, the plan and the contract entry it writes to. */
export interface FileWriteRequest {
  role: AgentRole;
  system: string;
  messages: ChatMessage[];
  plan: Plan;
  contract: FileContract;
  task: AgentTask;
}

/** Runs a file-writing agent and checks its answer against the contract. */
export async function writeContractFile(
  request: FileWriteRequest,
  model: Model,
): Promise<AgentResult<GeneratedFile>> {
  const result = await runAgent(model, {
    role: request.role,
    system: request.system,
    sharedContext: renderSharedContext(request.plan),
    messages: request.messages,
    ...agentOutput('file'),
    task: request.task,
    maxOutputTokens: FILE_OUTPUT_TOKENS,
  });
  return { output: checkGeneratedFile(result.output, request.contract, request.role), usage: result.usage };
}
