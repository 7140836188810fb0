import type { ListenerDeps, ViewListenerArgs } from '../listener-types.js';
import { BACKTEST_DATES_BLOCKS, readBacktestDatesForm } from './backtest-dates-modal.js';
import { readSubmission, startFollowUp } from './submission.js';

/**
 * The dates modal's submission: bad input is answered under each wrong input and starts nothing; good
 * input starts a backtest follow-up of the run with its files unchanged, reported in the same thread.
 */
export function backtestDatesSubmission(deps: ListenerDeps) {
  return async ({ body, ack }: ViewListenerArgs): Promise<void> => {
    const submission = readSubmission(body);
    const form = readBacktestDatesForm(submission.values, deps.now());
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const { startDate, endDate, cash } = form.backtest;
    const answer = await startFollowUp(deps, submission, {
      trigger: 'dates',
      errorBlockId: BACKTEST_DATES_BLOCKS.startDate,
      idea: (run) =>
        `Backtest run ${run.runId} from ${startDate} to ${endDate} with $${cash.toLocaleString('en-US')} of starting cash.`,
      followUp: (run) => ({ kind: 'backtest', runId: run.runId }),
      backtest: form.backtest,
    });
    return ack(answer);
  };
}
