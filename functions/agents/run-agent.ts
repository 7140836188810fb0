import { z } from 'zod';
import { cacheWriteTokensOf } from '../llm/ledger/cost.js';
import type { Model, ModelRequest } from '../llm/model.js';
import { UsageEntry } from '../pipeline/run-state.js';
import { ModelOutputError } from '../shared/errors.js';

/** What an agent function hands back: its parsed answer and the one usage entry of its call. */
export interface AgentResult<T> {
  output: T;
  usage: UsageEntry;
}

function tokens(count: number): number {
  return Number.isFinite(count) ? Math.max(0, Math.round(count)) : 0;
}

/** Sends one request, re-checks the answer against the request's schema and accounts for the call. */
export async function runAgent<T>(model: Model, request: ModelRequest<T>): Promise<AgentResult<T>> {
  const response = await model.generate(request);
  const parsed = request.schema.safeParse(response.output);
  if (!parsed.success) {
    throw new ModelOutputError(
      `The ${request.role} agent's answer from ${response.provider}/${response.model} does not match ${request.schemaName}: ${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  const cacheWriteTokens = cacheWriteTokensOf(response.usage);
  const usage = UsageEntry.parse({
    role: request.role,
    provider: response.provider,
    model: response.model,
    calls: 1,
    inputTokens: tokens(response.usage.inputTokens),
    outputTokens: tokens(response.usage.outputTokens),
    cachedInputTokens: tokens(response.usage.cachedInputTokens),
    ...(cacheWriteTokens ? { cacheWriteTokens } : {}),
  });
  return { output: parsed.data, usage };
}
