import { z } from 'zod';
import type { AgentTask, GeneratedFile, IntegrationRepair } from '../agents/tasks.js';
import { ModelOutputError } from '../shared/errors.js';
import type { Model, ModelRequest, ModelResponse, TokenUsage } from './model.js';
import { writeLeanFile } from './offline/lean-writer/index.js';
import { planFromIdea } from './offline/plan-from-idea.js';
import { estimatePromptTokens, estimateTokens } from './token-estimate.js';

export const OFFLINE_PROVIDER = 'offline';
export const OFFLINE_MODEL_ID = 'quantcoder-offline-1';

export interface OfflineModelOptions {
  /** Replaces the idea parser, for tests of the dispatch. */
  planFromIdea?: typeof planFromIdea;
}

/** An estimate of what a request would cost a vendor: its rendered prompt in, the JSON answer out. */
export function estimateUsage(request: ModelRequest<unknown>, output: unknown): TokenUsage {
  return {
    inputTokens: estimatePromptTokens(request),
    outputTokens: estimateTokens(JSON.stringify(output) ?? ''),
    cachedInputTokens: 0,
  };
}

/** Parses an answer with the request's schema, as a vendor adapter would; a mismatch is a ModelOutputError. */
export function parseModelAnswer<T>(request: ModelRequest<T>, answer: unknown, source: string): T {
  const parsed = request.schema.safeParse(answer);
  if (!parsed.success) {
    throw new ModelOutputError(
      `${source} answered the ${request.role} request with output that does not match ${request.schemaName}: ${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

function describeDiagnostics(count: number): string {
  return count === 1 ? '1 diagnostic' : `${count} diagnostics`;
}

function integrationRepair(task: Extract<AgentTask, { kind: 'integration' }>): IntegrationRepair {
  const named = [...new Set(task.problems.map((problem) => problem.file))];
  const files: IntegrationRepair['files'] = [];
  const skipped: string[] = [];
  for (const name of named) {
    const contract = task.plan.contract.files.find((file) => file.file === name);
    if (contract) files.push({ file: name, code: writeLeanFile(task.plan, contract).code });
    else skipped.push(name);
  }
  const rewritten = files.map((file) => file.file).join(', ');
  const notes = [
    files.length > 0 ? `Rewrote ${rewritten} from the contract.` : 'No contract file to rewrite.',
    skipped.length > 0 ? `No contract entry for ${skipped.join(', ')}; left as is.` : '',
  ];
  return { files, notes: notes.filter((note) => note.length > 0).join(' ') };
}

/** The deterministic answer to a task: a plan, a file, or a set of repaired files. */
function answerTask(task: AgentTask, parseIdea: typeof planFromIdea): unknown {
  switch (task.kind) {
    case 'plan':
      return parseIdea(task.idea, task.defaults, task.previousPlan);
    case 'component':
    case 'risk':
      return writeLeanFile(task.plan, task.contract);
    case 'strategy': {
      // Wire exactly the components the task names, whatever else the plan lists.
      const files = [...task.components.filter((file) => file.owner !== 'strategy'), task.contract];
      return writeLeanFile({ ...task.plan, contract: { ...task.plan.contract, files } }, task.contract);
    }
    case 'refine': {
      const written: GeneratedFile = writeLeanFile(task.plan, task.contract);
      const reason = `Rewrote ${task.contract.file} from its contract to clear ${describeDiagnostics(task.diagnostics.length)}.`;
      return { ...written, notes: `${reason} ${written.notes}` };
    }
    case 'integration':
      return integrationRepair(task);
  }
}

/**
 * The offline model: answers every agent task deterministically from its structured form, without a network
 * or a key. Plans come from the idea parser, files from the LEAN writer; answers pass the request's schema.
 */
export function createOfflineModel(options: OfflineModelOptions = {}): Model {
  const parseIdea = options.planFromIdea ?? planFromIdea;
  return {
    provider: OFFLINE_PROVIDER,
    modelId: OFFLINE_MODEL_ID,
    async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      request.signal?.throwIfAborted();
      const output = parseModelAnswer(request, answerTask(request.task, parseIdea), 'The offline model');
      return {
        output,
        usage: estimateUsage(request, output),
        provider: OFFLINE_PROVIDER,
        model: OFFLINE_MODEL_ID,
      };
    },
  };
}
