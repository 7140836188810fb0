import { describe, expect, it } from 'vitest';
import { retryDelayMs, withRetries } from '../../../functions/llm/vendors/vendor-retry.js';

class StatusError extends Error {
  override readonly name: string = 'StatusError';
  constructor(
    readonly status: number,
    readonly headers?: Headers,
  ) {
    super(`status ${status}`);
  }
}

function retryOptions(maxRetries: number, signal?: AbortSignal) {
  return {
    maxRetries,
    signal,
    isRetryable: (error: unknown) => error instanceof StatusError && error.status >= 500,
    headersOf: (error: unknown) => (error instanceof StatusError ? error.headers : undefined),
  };
}

describe('retryDelayMs', () => {
  it('honours retry-after-ms, then retry-after in seconds', () => {
    // Act / Assess
    expect(retryDelayMs(0, new Headers({ 'retry-after-ms': '75' }))).toBe(75);
    expect(retryDelayMs(0, new Headers({ 'retry-after': '0.05' }))).toBe(50);
    expect(retryDelayMs(0, new Headers({ 'retry-after': '2' }))).toBe(2000);
  });

  it('backs off exponentially with up to 25 % jitter when the vendor names no wait', () => {
    // Act
    const delays = [0, 1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry));
    // Assess
    const expected = [500, 1000, 2000, 4000, 8000, 8000];
    delays.forEach((delay, index) => {
      const ceiling = expected[index] ?? 0;
      expect(delay).toBeLessThanOrEqual(ceiling);
      expect(delay).toBeGreaterThanOrEqual(ceiling * 0.75);
    });
  });

  it('ignores a retry-after above a minute or in the past', () => {
    // Act / Assess
    expect(retryDelayMs(0, new Headers({ 'retry-after': '3600' }))).toBeLessThanOrEqual(500);
    expect(
      retryDelayMs(0, new Headers({ 'retry-after': 'Mon, 01 Jan 2001 00:00:00 GMT' })),
    ).toBeLessThanOrEqual(500);
  });
});

describe('withRetries', () => {
  it('retries retryable failures up to maxRetries, then rethrows the last one', async () => {
    // Prepare
    let attempts = 0;
    const failing = async () => {
      attempts++;
      throw new StatusError(503, new Headers({ 'retry-after-ms': '1' }));
    };
    // Act
    const error = await withRetries(failing, retryOptions(2)).catch((caught: unknown) => caught);
    // Assess
    expect(error).toBeInstanceOf(StatusError);
    expect(attempts).toBe(3);
  });

  it('does not retry what is not retryable, and rethrows the very error', async () => {
    // Prepare
    let attempts = 0;
    const rejected = new StatusError(400);
    // Act
    const error = await withRetries(async () => {
      attempts++;
      throw rejected;
    }, retryOptions(3)).catch((caught: unknown) => caught);
    // Assess
    expect(error).toBe(rejected);
    expect(attempts).toBe(1);
  });

  it('stops waiting when the signal aborts', async () => {
    // Prepare
    const controller = new AbortController();
    const reason = new Error('cancelled');
    setTimeout(() => controller.abort(reason), 30);
    const started = performance.now();
    // Act
    const error = await withRetries(
      async () => {
        throw new StatusError(503, new Headers({ 'retry-after': '30' }));
      },
      retryOptions(3, controller.signal),
    ).catch((caught: unknown) => caught);
    // Assess
    expect(error).toBe(reason);
    // The server asked for 30 s; ending far sooner shows the abort cut the wait.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
