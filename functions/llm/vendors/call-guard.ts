import type { ResolvedVendorSettings } from './vendor-settings.js';

/** The longest a vendor may ask us to wait before one retry that we still allow for in the deadline. */
const RETRY_WAIT_ALLOWANCE_MS = 60_000;
/** Room for the SDK's own timeout to fire first, with its clearer message. */
const MAX_DEADLINE_SLACK_MS = 1_000;

/** The signal one vendor call runs under: the caller's, plus a deadline over all its attempts. */
export interface CallGuard {
  signal: AbortSignal;
  /** True once the deadline, not the caller, stopped the call. */
  deadlinePassed(): boolean;
  deadlineMs: number;
  dispose(): void;
}

/**
 * The SDKs time an attempt only until the response headers arrive; a body that stalls afterwards
 * would wait forever. This deadline bounds the whole call, retries and their waits included.
 */
export function guardCall(
  settings: ResolvedVendorSettings,
  callerSignal: AbortSignal | undefined,
): CallGuard {
  const attempts = settings.maxRetries + 1;
  const deadlineMs =
    settings.timeoutMs * attempts +
    settings.maxRetries * RETRY_WAIT_ALLOWANCE_MS +
    Math.min(MAX_DEADLINE_SLACK_MS, settings.timeoutMs);
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException('Deadline passed', 'TimeoutError')),
    deadlineMs,
  );
  timer.unref();
  const signal = callerSignal ? AbortSignal.any([callerSignal, deadline.signal]) : deadline.signal;
  return {
    signal,
    deadlineMs,
    deadlinePassed: () => deadline.signal.aborted && !callerSignal?.aborted,
    dispose: () => clearTimeout(timer),
  };
}
