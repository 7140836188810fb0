import { z } from 'zod';
import type { QuantCoderError } from '../../shared/errors.js';
import { authenticationHeaders } from './authentication.js';
import {
  authenticationMessage,
  errorForFailedAnswer,
  QuantConnectAuthenticationError,
  QuantConnectConnectionError,
  QuantConnectNotFoundError,
  QuantConnectRateLimitError,
  QuantConnectResponseError,
  QuantConnectServerError,
  QuantConnectTimeoutError,
} from './errors.js';
import { Envelope } from './schemas.js';

/** How one request reaches QuantConnect. */
export interface TransportSettings {
  userId: string;
  apiToken: string;
  /** Ends with `/`; endpoint paths resolve under it. */
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => Date;
}

/** One endpoint call: its path, JSON body and the schema of a successful answer. */
export interface EndpointCall<T> {
  endpoint: string;
  body: Record<string, unknown>;
  schema: z.ZodType<T>;
  /** QuantConnect's published models give the `ai/tools` answers no `success` field. */
  envelope?: 'required' | 'optional';
  /** An answer that means "not ready yet", to be read by `schema` even if it says `success: false`. */
  pending?: (answer: Record<string, unknown>) => boolean;
}

// Failures that happen before a byte of the request leaves this machine.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Sends one signed POST and returns its answer parsed by the call's schema. Every failure becomes
 * one of the QuantConnect error classes; nothing is retried here.
 */
export async function sendRequest<T>(settings: TransportSettings, call: EndpointCall<T>): Promise<T> {
  const { status, headers, text } = await post(settings, call);
  const { endpoint } = call;
  if (status === 429) {
    throw new QuantConnectRateLimitError(`QuantConnect rate-limited ${endpoint} (HTTP 429).`, {
      endpoint,
      status,
      retryAfterMs: parseRetryAfter(headers.get('retry-after'), settings.now()),
    });
  }
  if (status >= 500) {
    throw new QuantConnectServerError(`QuantConnect failed on ${endpoint} (HTTP ${status}).`, {
      endpoint,
      status,
    });
  }
  const answer = parseJson(text);
  if (status < 200 || status >= 300) throw errorForStatus(endpoint, status, answer);
  if (answer === undefined) {
    const type = headers.get('content-type') ?? 'no content type';
    throw new QuantConnectServerError(
      `QuantConnect answered ${endpoint} with a body that is not JSON (${type}).`,
      {
        endpoint,
        status,
      },
    );
  }
  if (!isRecord(answer)) {
    throw new QuantConnectResponseError(
      `QuantConnect answered ${endpoint} with JSON that is not an object.`,
      {
        endpoint,
        status,
      },
    );
  }
  checkEnvelope(call, answer, status);
  const parsed = call.schema.safeParse(answer);
  if (!parsed.success) {
    throw new QuantConnectResponseError(
      `QuantConnect's answer to ${endpoint} does not have the expected shape: ${z.prettifyError(parsed.error)}`,
      { endpoint, status, cause: parsed.error },
    );
  }
  return parsed.data;
}

async function post(
  settings: TransportSettings,
  call: EndpointCall<unknown>,
): Promise<{ status: number; headers: Headers; text: string }> {
  const url = new URL(call.endpoint, settings.baseUrl);
  const timestampSeconds = Math.floor(settings.now().getTime() / 1000);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    const response = await settings.fetch(url, {
      method: 'POST',
      headers: {
        ...authenticationHeaders(settings.userId, settings.apiToken, timestampSeconds),
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(call.body),
      signal: controller.signal,
    });
    // The body is read under the same timer: a server that sends headers and then stalls is a timeout too.
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (controller.signal.aborted) {
      throw new QuantConnectTimeoutError(
        `QuantConnect did not answer ${call.endpoint} within ${settings.timeoutMs} ms.`,
        { endpoint: call.endpoint, cause: error },
      );
    }
    const code = errorCode(error);
    throw new QuantConnectConnectionError(
      `Could not reach QuantConnect at ${url.host} for ${call.endpoint} (${code ?? describe(error)}).`,
      { endpoint: call.endpoint, cause: error, requestSent: code === undefined || !NOT_SENT_CODES.has(code) },
    );
  } finally {
    clearTimeout(timer);
  }
}

function errorForStatus(endpoint: string, status: number, answer: unknown): QuantCoderError {
  const errors = isRecord(answer) ? (Envelope.safeParse(answer).data?.errors ?? []) : [];
  const reason = errors.length > 0 ? errors.join('; ') : `HTTP ${status}`;
  if (status === 401 || status === 403) {
    return new QuantConnectAuthenticationError(authenticationMessage(reason), { endpoint, status });
  }
  if (status === 404)
    return new QuantConnectNotFoundError(`QuantConnect ${endpoint}: ${reason}`, { endpoint, status });
  return errorForFailedAnswer(endpoint, errors.length > 0 ? errors : [`HTTP ${status}`], status);
}

function checkEnvelope(call: EndpointCall<unknown>, answer: Record<string, unknown>, status: number): void {
  const envelope = Envelope.safeParse(answer);
  if (!envelope.success) {
    throw new QuantConnectResponseError(
      `QuantConnect's answer to ${call.endpoint} has a malformed envelope: ${z.prettifyError(envelope.error)}`,
      { endpoint: call.endpoint, status, cause: envelope.error },
    );
  }
  const { success, errors } = envelope.data;
  if (success === true) return;
  if (success === undefined && call.envelope === 'optional') return;
  if (call.pending?.(answer)) return;
  if (success === undefined) {
    throw new QuantConnectResponseError(`QuantConnect's answer to ${call.endpoint} has no "success" field.`, {
      endpoint: call.endpoint,
      status,
    });
  }
  throw errorForFailedAnswer(call.endpoint, errors, status);
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
