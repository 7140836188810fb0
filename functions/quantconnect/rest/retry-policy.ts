import pRetry, { AbortError } from 'p-retry';
import { TransientError } from '../../shared/errors.js';
import { QuantConnectConnectionError, QuantConnectRateLimitError } from './errors.js';

/** How hard the client tries one call before it gives up and lets the state machine retry. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The backoff ceiling before the first retry; it doubles each retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time has passed since the first attempt (waits included). */
  maxElapsedMs: number;
  /** Jitter source in [0, 1); tests pin it. */
  random: () => number;
}

/** Sized to fit a 60 s stage: four attempts within 30 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxElapsedMs: 30_000,
  random: Math.random,
};

/**
 * `idempotent`: sending the request twice does no harm (reads, updates, deletes, compiles, backtests).
 * `create-once`: a duplicate would fail or cost something (a project name is unique, a live deployment
 * trades), so it is sent again only when the server surely did not act on it.
 */
export type RetrySafety = 'idempotent' | 'create-once';

export interface RetryContext {
  policy: RetryPolicy;
  safety: RetrySafety;
  sleep: (milliseconds: number) => Promise<void>;
  now: () => Date;
  onRetry?: (retry: { attempt: number; delayMs: number; error: Error }) => void;
}

/** Whether a failed call may be sent again under the given safety. */
export function isRetryable(error: unknown, safety: RetrySafety): boolean {
  // A 429 and a refused connection mean the server never acted on the request.
  if (error instanceof QuantConnectRateLimitError) return true;
  if (error instanceof QuantConnectConnectionError && !error.requestSent) return true;
  return safety === 'idempotent' && error instanceof TransientError;
}

/** The wait before retry number `attempt` (1-based): the server's Retry-After, else exponential backoff with jitter. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy): number {
  if (error instanceof QuantConnectRateLimitError && error.retryAfterMs !== undefined)
    return error.retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Half fixed, half random: callers spread out without any retry coming back at once.
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}

/** Runs `operation`, retrying what `isRetryable` allows, within the policy's attempts and total time. */
export async function withRetries<T>(operation: () => Promise<T>, context: RetryContext): Promise<T> {
  const { policy } = context;
  const startedAt = context.now().getTime();
  return pRetry(
    async () => {
      try {
        return await operation();
      } catch (error) {
        if (error instanceof Error && isRetryable(error, context.safety)) throw error;
        throw new AbortError(error instanceof Error ? error : new Error(String(error)));
      }
    },
    {
      retries: Math.max(0, Math.floor(policy.maxAttempts) - 1),
      // p-retry's own timer is kept at zero: the waits go through the injected sleep, so tests run instantly.
      factor: 1,
      minTimeout: 0,
      maxTimeout: 0,
      randomize: false,
      onFailedAttempt: async (error) => {
        // Throwing here ends the retries with this (the latest) error rather than p-retry's most frequent one.
        if (error.retriesLeft <= 0) throw error;
        const delayMs = retryDelayMs(error, error.attemptNumber, policy);
        if (context.now().getTime() - startedAt + delayMs > policy.maxElapsedMs) throw error;
        context.onRetry?.({ attempt: error.attemptNumber, delayMs, error });
        await context.sleep(delayMs);
      },
    },
  );
}
