import type { Logger } from '../shared/logger.js';
import type { ToolExtra } from './tool-extra.js';

/** Tells the client how a long call is going, when it asked to hear (a progressToken in the request). */
export interface ProgressReporter {
  /** Sends one step: its message, with the number of steps so far as the (ever growing) progress. */
  report(message: string): void;
  /** Resolves when every step sent so far is out: progress sent after the result would be dropped. */
  flush(): Promise<void>;
}

/**
 * A reporter for one call. Notifications go out in order; a failure to send one is logged, never fatal:
 * progress is a courtesy, the result is what counts.
 */
export function progressReporter(extra: ToolExtra, logger: Logger): ProgressReporter {
  const token = extra._meta?.progressToken;
  let sent: Promise<void> = Promise.resolve();
  let step = 0;
  return {
    report(message) {
      if (token === undefined) return;
      step += 1;
      const params = { progressToken: token, progress: step, message };
      sent = sent.then(() =>
        extra.sendNotification({ method: 'notifications/progress', params }).catch((error: unknown) => {
          logger.warn('could not send a progress notification', {
            error: error instanceof Error ? error.message : String(error),
          });
        }),
      );
    },
    flush: () => sent,
  };
}
