import { z } from 'zod';
import { usageOf } from '../llm/ledger/cost.js';
import type { Model, ModelRequest } from '../llm/model.js';
import type { UsageEntry } from '../pipeline/run-state.js';
import { ModelOutputError } from '../shared/errors.js';

/** What an agent function hands back: its parsed answer and the one usage entry of its call. */
export interface AgentResult<T> {
  output: T;
  usage: UsageEntry;
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
  return { output: parsed.data, usage: usageOf(response, request.role) };
}
