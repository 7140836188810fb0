import type { Failure, RunState, SlackThread } from '../pipeline/run-state.js';
import { describeError } from './errors.js';
import type { Logger } from './logger.js';

/** Progress the pipeline reports while it runs. */
export type ProgressEvent =
  | { type: 'stage'; stage: string; status: 'started' | 'succeeded' | 'failed' | 'skipped'; detail?: string }
  | { type: 'finished'; status: 'succeeded' | 'failed'; summary: string; failure?: Failure };

/** What a notifier may add to the run state: the Slack thread it opened, which later stages report into. */
export interface NotifierPatch {
  thread?: SlackThread;
}

/** The notifier port: the terminal locally, the Slack thread in AWS. Notifying never fails a run. */
export interface Notifier {
  // biome-ignore lint/suspicious/noConfusingVoidType: a notifier that opens no thread returns nothing at all.
  notify(state: RunState, event: ProgressEvent): Promise<NotifierPatch | undefined | void>;
}

/** A notifier that drops every event, for runs nobody watches. */
export const silentNotifier: Notifier = {
  async notify() {},
};

/** Progress is best effort: a notifier failure is logged, never fatal to the run. */
export async function notifyBestEffort(
  deps: { notifier: Notifier; logger: Logger },
  state: RunState,
  event: ProgressEvent,
): Promise<NotifierPatch | undefined> {
  try {
    return (await deps.notifier.notify(state, event)) ?? undefined;
  } catch (error) {
    deps.logger.warn('progress notification failed', {
      error: describeError(error).message,
    });
    return undefined;
  }
}
