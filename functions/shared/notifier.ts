import type { RunState } from '../pipeline/run-state.js';

/** Progress the pipeline reports while it runs. */
export type ProgressEvent =
  | { type: 'stage'; stage: string; status: 'started' | 'succeeded' | 'failed' | 'skipped'; detail?: string }
  | { type: 'finished'; status: 'succeeded' | 'failed'; summary: string };

/** The notifier port: the terminal locally, the Slack thread in AWS. Notifying never fails a run. */
export interface Notifier {
  notify(state: RunState, event: ProgressEvent): Promise<void>;
}

/** A notifier that drops every event, for runs nobody watches. */
export const silentNotifier: Notifier = {
  async notify() {},
};
