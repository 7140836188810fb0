import { z } from 'zod';
import { describeError } from '../../shared/errors.js';
import { type ModelRequest, type ModelResponse, type TokenUsage, ZERO_USAGE } from '../model.js';
import { ModelAnswerError } from './errors.js';
import { stripOptionalNulls } from './optional-nulls.js';
import type { OutputSchema } from './output-schema.js';
import type { CallContext } from './vendor-failure.js';
import { addUsage } from './vendor-usage.js';

/** Repair requests after a first unusable answer; each costs a full call, so it stays small. */
export const MAX_REPAIR_ATTEMPTS = 2;

const FEEDBACK_LIMIT = 4000;

/** One vendor call's answer, before it is checked. */
export interface VendorAttempt<TTurn> {
  /** The tool's input object (Anthropic), or the text the model wrote (chat completions). */
  content: unknown;
  usage: TokenUsage;
  /** The answer as an assistant turn of the vendor's wire format, replayed when asking for a repair. */
  turn: TTurn;
  /** Why the answer is unusable whatever it holds, for example cut off at the output limit. */
  problem?: string;
  /** The model declined to answer; asking again will not change that. */
  refusal?: string;
}

/** An unusable answer and what to tell the model about it. */
export interface RepairTurn<TTurn> {
  turn: TTurn;
  feedback: string;
}

type AnswerCheck<T> = { ok: true; output: T } | { ok: false; problem: string; cause?: unknown };

const FENCED = /^\s*```[a-zA-Z0-9_-]*\s*\n([\s\S]*?)\n?```\s*$/;

function parseText(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: string; cause: unknown } {
  const unfenced = (FENCED.exec(text)?.[1] ?? text).trim();
  if (unfenced.length === 0) return { ok: false, problem: 'the answer was empty.', cause: undefined };
  try {
    return { ok: true, value: JSON.parse(unfenced) };
  } catch (error) {
    return {
      ok: false,
      problem: `the answer is not valid JSON (${describeError(error).message}).`,
      cause: error,
    };
  }
}

/** Parses one answer with the request's schema, after undoing strict mode's nulls for optional keys. */
export function checkAnswer<T>(
  request: ModelRequest<T>,
  schema: OutputSchema,
  attempt: VendorAttempt<unknown>,
): AnswerCheck<T> {
  if (attempt.problem) return { ok: false, problem: attempt.problem };
  let value = attempt.content;
  if (typeof value === 'string') {
    const parsed = parseText(value);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  }
  const parsed = request.schema.safeParse(stripOptionalNulls(value, schema.plain));
  if (parsed.success) return { ok: true, output: parsed.data };
  return {
    ok: false,
    problem: `it does not match ${request.schemaName}:\n${z.prettifyError(parsed.error)}`,
    cause: parsed.error,
  };
}

/** What the model is told after an unusable answer: the problem, then what to send instead. */
export function repairFeedback(request: ModelRequest<unknown>, problem: string): string {
  const text = `Your previous answer cannot be used: ${problem}`;
  const bounded = text.length > FEEDBACK_LIMIT ? `${text.slice(0, FEEDBACK_LIMIT)}…` : text;
  return `${bounded}\nSend the complete ${request.schemaName} again, as JSON that matches the schema, with these problems fixed.`;
}

/**
 * Runs a structured-output call with bounded repairs: each unusable answer goes back to the model as
 * its own assistant turn followed by a user turn naming the problem. Usage of every attempt is summed.
 */
export async function generateStructured<T, TTurn>(
  request: ModelRequest<T>,
  context: CallContext,
  schema: OutputSchema,
  send: (repairs: ReadonlyArray<RepairTurn<TTurn>>) => Promise<VendorAttempt<TTurn>>,
): Promise<ModelResponse<T>> {
  const repairs: Array<RepairTurn<TTurn>> = [];
  let usage: TokenUsage = ZERO_USAGE;
  const { settings, model } = context;
  for (let attemptNumber = 0; ; attemptNumber++) {
    const attempt = await send(repairs);
    usage = addUsage(usage, attempt.usage);
    const source = `${settings.profile.label} model ${model}`;
    if (attempt.refusal) {
      throw new ModelAnswerError(
        `${source} declined the ${request.role} request (${request.schemaName}): ${attempt.refusal}`,
        { provider: settings.provider, model, usage },
      );
    }
    const check = checkAnswer(request, schema, attempt);
    if (check.ok) return { output: check.output, usage, provider: settings.provider, model };
    if (attemptNumber >= MAX_REPAIR_ATTEMPTS) {
      throw new ModelAnswerError(
        `${source} answered the ${request.role} request with unusable output ${attemptNumber + 1} times; last time ${check.problem}`,
        { provider: settings.provider, model, usage, cause: check.cause },
      );
    }
    repairs.push({ turn: attempt.turn, feedback: repairFeedback(request, check.problem) });
  }
}
