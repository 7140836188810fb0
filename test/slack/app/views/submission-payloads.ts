import { VIEW_IDS } from '../../../../functions/slack/interactions.js';
import { RUN } from '../actions/button-payloads.js';

type InputValue = { type: string; value?: string | null; selected_date?: string | null };

/** A view_submission payload for one of QuantCoder's modals. */
export function submission(
  callbackId: string,
  values: Record<string, Record<string, InputValue>>,
  options: { viewId?: string; privateMetadata?: string } = {},
) {
  return {
    type: 'view_submission',
    team: { id: 'T0TEAM', domain: 'quantcoder-test' },
    user: { id: 'U0ALICE', team_id: 'T0TEAM' },
    api_app_id: 'A0QUANTCODER',
    trigger_id: '702.9.def',
    view: {
      id: options.viewId ?? 'V0MODAL1',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: options.privateMetadata ?? JSON.stringify(RUN),
      state: { values },
    },
  };
}

/** The dates modal's inputs as Slack submits them. */
export function datesValues(start: string | null, end: string | null, cash: string | null) {
  return {
    start_date: { value: { type: 'datepicker', selected_date: start } },
    end_date: { value: { type: 'datepicker', selected_date: end } },
    cash: { value: { type: 'number_input', value: cash } },
  };
}

export const DATES_VIEW = VIEW_IDS.backtestDates;
export const REFINE_VIEW = VIEW_IDS.refine;
