import type { App, ViewSubmitAction } from '@slack/bolt';
import { VIEW_IDS } from '../../interactions.js';
import type { ListenerDeps } from '../listener-types.js';
import { backtestDatesSubmission } from './backtest-dates-submission.js';
import { refineSubmission } from './refine-submission.js';

/** Registers the follow-up modals' submission listeners. */
export function register(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.backtestDates, backtestDatesSubmission(deps));
  app.view<ViewSubmitAction>(VIEW_IDS.refine, refineSubmission(deps));
}
