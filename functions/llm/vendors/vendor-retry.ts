import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';

/** The same schedule the OpenAI and Anthropic SDKs use: 0.5 s doubling to at most 8 s, minus up to 25 % jitter. */
const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A longer retry-after than this is not waited for; the backoff applies instead. */
const MAX_RETRY_AFTER_MS = 60_000;

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds)) return milliseconds;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? date - Date.now() : undefined;
}

/**
 * The wait before retry number `retryIndex` (0 for the first): the vendor's `retry-after-ms` or
 * `retry-after` when it is positive and at most a minute, else exponential backoff with jitter.
 */
export function retryDelayMs(retryIndex: number, headers?: Headers): number {
  const asked = retryAfterMs(headers);
  if (asked !== undefined && asked > 0 && asked <= MAX_RETRY_AFTER_MS) return asked;
  const backoff = Math.min(INITIAL_DELAY_MS * 2 ** retryIndex, MAX_DELAY_MS);
  return backoff * (1 - Math.random() * 0.25);
}

export interface RetryOptions {
  maxRetries: number;
  /** Aborting it stops the waiting and the retries. */
  signal?: AbortSignal;
  isRetryable(error: unknown): boolean;
  /** The response headers an error carries, for retry-after. */
  headersOf(error: unknown): Headers | undefined;
}

/**
 * Runs `operation`, retrying what `isRetryable` accepts up to `maxRetries` times on the SDKs' schedule.
 * p-retry counts and stops the attempts; the waits are ours so that retry-after is honoured exactly.
 */
export function withRetries<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  return pRetry(
    async () => {
      try {
        return await operation();
      } catch (error) {
        if (options.isRetryable(error)) throw error;
        throw new AbortError(error instanceof Error ? error : new Error(String(error)));
      }
    },
    {
      retries: options.maxRetries,
      minTimeout: 0,
      maxTimeout: 0,
      randomize: false,
      signal: options.signal,
      onFailedAttempt: async (error) => {
        if (error.retriesLeft <= 0) return;
        const delay = retryDelayMs(error.attemptNumber - 1, options.headersOf(error));
        await sleep(delay, undefined, { signal: options.signal });
      },
    },
  );
}
