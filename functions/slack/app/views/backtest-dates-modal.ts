import type { types } from '@slack/bolt';
import { planDefaults } from '../../../pipeline/defaults.js';
import { isCalendarDate } from '../../../shared/calendar-date.js';
import { type RunButtonValue, VIEW_IDS } from '../../interactions.js';
import type { ViewValues } from '../payloads.js';

/** Block ids of the dates modal's inputs: a submission's errors are keyed by them. */
export const BACKTEST_DATES_BLOCKS = { startDate: 'start_date', endDate: 'end_date', cash: 'cash' } as const;
const INPUT_ACTION_ID = 'value';

/** The backtest settings a valid dates form gives. */
export interface BacktestDates {
  startDate: string;
  endDate: string;
  cash: number;
}

export type BacktestDatesForm =
  | { ok: true; backtest: BacktestDates }
  | { ok: false; errors: Record<string, string> };

/** The "Backtest other dates" modal for one run, prefilled with the defaults a new run would use. */
export function backtestDatesModal(run: RunButtonValue, now: Date): types.ModalView {
  const defaults = planDefaults({ idea: 'backtest', source: 'slack', requestedAt: now.toISOString() }, now);
  return {
    type: 'modal',
    callback_id: VIEW_IDS.backtestDates,
    private_metadata: JSON.stringify(run),
    title: { type: 'plain_text', text: 'Backtest other dates' },
    submit: { type: 'plain_text', text: 'Backtest' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Backtest run \`${run.runId}\` again with its files unchanged. The results come in the same thread.`,
        },
      },
      {
        type: 'input',
        block_id: BACKTEST_DATES_BLOCKS.startDate,
        label: { type: 'plain_text', text: 'Start date' },
        element: { type: 'datepicker', action_id: INPUT_ACTION_ID, initial_date: defaults.startDate },
      },
      {
        type: 'input',
        block_id: BACKTEST_DATES_BLOCKS.endDate,
        label: { type: 'plain_text', text: 'End date' },
        element: { type: 'datepicker', action_id: INPUT_ACTION_ID, initial_date: defaults.endDate },
      },
      {
        type: 'input',
        block_id: BACKTEST_DATES_BLOCKS.cash,
        label: { type: 'plain_text', text: 'Starting cash (USD)' },
        element: {
          type: 'number_input',
          action_id: INPUT_ACTION_ID,
          is_decimal_allowed: true,
          min_value: '1',
          initial_value: String(defaults.cash),
        },
      },
    ],
  };
}

function inputOf(values: ViewValues, blockId: string) {
  return values[blockId]?.[INPUT_ACTION_ID];
}

/**
 * Checks a submitted dates form: real dates, start before end, neither after today (QuantConnect has no
 * data for the future), cash above zero. Errors are keyed by block id, as Slack shows them.
 */
export function readBacktestDatesForm(values: ViewValues, now: Date): BacktestDatesForm {
  const today = now.toISOString().slice(0, 10);
  const errors: Record<string, string> = {};
  const startDate = inputOf(values, BACKTEST_DATES_BLOCKS.startDate)?.selected_date ?? '';
  const endDate = inputOf(values, BACKTEST_DATES_BLOCKS.endDate)?.selected_date ?? '';
  const cashText = (inputOf(values, BACKTEST_DATES_BLOCKS.cash)?.value ?? '').trim();
  const cash = Number(cashText);

  if (!isCalendarDate(startDate)) errors[BACKTEST_DATES_BLOCKS.startDate] = 'Pick a start date.';
  else if (startDate > today)
    errors[BACKTEST_DATES_BLOCKS.startDate] = `The start date is after today (${today}).`;
  if (!isCalendarDate(endDate)) errors[BACKTEST_DATES_BLOCKS.endDate] = 'Pick an end date.';
  else if (endDate > today)
    errors[BACKTEST_DATES_BLOCKS.endDate] =
      `The end date is after today (${today}): there is no market data for it yet.`;
  else if (isCalendarDate(startDate) && startDate >= endDate)
    errors[BACKTEST_DATES_BLOCKS.endDate] = 'The end date must come after the start date.';
  if (cashText === '' || !Number.isFinite(cash) || cash <= 0)
    errors[BACKTEST_DATES_BLOCKS.cash] = 'Enter the starting cash in dollars, above 0 (for example 100000).';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, backtest: { startDate, endDate, cash } };
}
