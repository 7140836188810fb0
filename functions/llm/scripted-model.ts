import type { AgentRole } from '../agents/roles.js';
import { QuantCoderError } from '../shared/errors.js';
import type { Model, ModelRequest, ModelResponse } from './model.js';
import { estimateUsage, parseModelAnswer } from './offline-model.js';

/** A scripted reply computed from the request; it may be async, return an Error to throw, or throw. */
export type ScriptReply = (request: ModelRequest<unknown>) => unknown;

/**
 * One scripted reply: an answer (the model's output, checked against the request's schema, so a deliberately
 * broken answer is broken Python inside a valid envelope), an Error to throw, or a function of the request.
 */
export type ScriptEntry =
  | Error
  | ScriptReply
  | Record<string, unknown>
  | unknown[]
  | string
  | number
  | boolean
  | null;

export interface ScriptedModelOptions {
  /** Replies per role, used in order. */
  script?: Partial<Record<AgentRole, ScriptEntry[]>>;
  /** Answers a role whose replies have run out; without it that is an error. */
  fallback?: Model;
  /** Simulated vendor latency per call, in milliseconds. */
  delayMs?: number | ((request: ModelRequest<unknown>) => number);
  provider?: string;
  modelId?: string;
}

/** A Model that replays a script, for tests and benchmarks; it keeps every request it was sent. */
export interface ScriptedModel extends Model {
  readonly calls: ReadonlyArray<ModelRequest<unknown>>;
  /** Replies still queued for a role. */
  remaining(role: AgentRole): number;
}

/** A role's script ran out and no fallback model was given. */
export class ScriptExhaustedError extends QuantCoderError {
  override readonly name: string = 'ScriptExhaustedError';
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `milliseconds`, rejecting with the signal's reason as soon as it aborts. */
function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal ? abortReason(signal) : new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Builds a scripted model: replies are taken per role in order, then the fallback answers, if any. */
export function createScriptedModel(options: ScriptedModelOptions = {}): ScriptedModel {
  const provider = options.provider ?? 'scripted';
  const modelId = options.modelId ?? 'scripted-1';
  const queues = new Map<AgentRole, ScriptEntry[]>();
  for (const [role, entries] of Object.entries(options.script ?? {}) as Array<[AgentRole, ScriptEntry[]]>) {
    queues.set(role, [...entries]);
  }
  const calls: Array<ModelRequest<unknown>> = [];

  async function generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
    calls.push(request);
    const delay = typeof options.delayMs === 'function' ? options.delayMs(request) : (options.delayMs ?? 0);
    await sleep(delay, request.signal);
    const queue = queues.get(request.role);
    if (!queue || queue.length === 0) {
      if (options.fallback) return options.fallback.generate(request);
      throw new ScriptExhaustedError(
        `The scripted model has no reply left for the ${request.role} role and no fallback model (call ${calls.length}).`,
      );
    }
    const entry = queue.shift();
    const reply = typeof entry === 'function' ? await entry(request) : entry;
    if (reply instanceof Error) throw reply;
    const output = parseModelAnswer(request, reply, `The scripted model (${provider}/${modelId})`);
    return { output, usage: estimateUsage(request, output), provider, model: modelId };
  }

  return {
    provider,
    modelId,
    calls,
    generate,
    remaining: (role) => queues.get(role)?.length ?? 0,
  };
}
