import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import type { Logger } from '../../shared/logger.js';

/** What a Slack call came to: its answer, or the reason it gave none (Slack's error code, or a description). */
export type SlackOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface SlackCallPolicy {
  logger: Logger;
  sleep: (milliseconds: number) => Promise<void>;
  /**
   * The longest Retry-After a call that matters (the thread, the results) waits for before it tries again.
   * Longer waits, and every wait of a status update, are skipped: the next update shows the same and more.
   */
  maxRateLimitWaitSeconds: number;
}

/** How many times a call that matters is tried when Slack rate-limits it. */
const RATE_LIMITED_TRIES = 3;

function describeSlackError(error: unknown): string {
  if (error instanceof WebAPIPlatformError) return error.data.error;
  if (error instanceof WebAPIHTTPError) return `http_${error.statusCode}`;
  if (error instanceof WebAPIRateLimitedError) return 'ratelimited';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one Slack Web API call and never throws: Slack being unreachable or refusing a message must not fail
 * a run. WebClient already retries network failures and 5xx answers; a rate limit (WebClient built with
 * `rejectRateLimitedCalls`) comes back here, and a call that `matters` waits out a short Retry-After and tries
 * again. Everything else is logged with Slack's error code (`not_in_channel`, `invalid_auth`, ...) and returned.
 */
export async function callSlack<T>(
  policy: SlackCallPolicy,
  method: string,
  call: () => Promise<T>,
  options: { matters: boolean },
): Promise<SlackOutcome<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      const code = describeSlackError(error);
      if (error instanceof WebAPIRateLimitedError) {
        const wait = error.retryAfter;
        if (options.matters && wait <= policy.maxRateLimitWaitSeconds && attempt < RATE_LIMITED_TRIES) {
          policy.logger.info('Slack rate limit: waiting before trying again', {
            method,
            retryAfterSeconds: wait,
          });
          await policy.sleep(wait * 1000);
          continue;
        }
        policy.logger.warn('Slack rate limit: call skipped', { method, retryAfterSeconds: wait, attempt });
        return { ok: false, error: code };
      }
      policy.logger.warn('Slack call failed; the run goes on', { method, error: code });
      return { ok: false, error: code };
    }
  }
}
