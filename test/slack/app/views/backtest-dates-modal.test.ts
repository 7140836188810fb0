import { describe, expect, it } from 'vitest';
import {
  backtestDatesModal,
  readBacktestDatesForm,
} from '../../../../functions/slack/app/views/backtest-dates-modal.js';
import { RUN } from '../actions/button-payloads.js';
import { inputElementsOf, NOW } from '../listener-fakes.js';
import { datesValues } from './submission-payloads.js';

describe('the dates form', () => {
  it('reads good dates and cash', () => {
    // Act
    const form = readBacktestDatesForm(datesValues('2018-01-01', '2026-03-02', ' 25000.50 '), NOW);

    // Assess
    expect(form).toEqual({
      ok: true,
      backtest: { startDate: '2018-01-01', endDate: '2026-03-02', cash: 25000.5 },
    });
  });

  it.each([
    ['no dates or cash', datesValues(null, null, null), ['start_date', 'end_date', 'cash']],
    ['a day that does not exist', datesValues('2023-02-30', '2024-01-01', '1000'), ['start_date']],
    ['not a date', datesValues('01/02/2020', '2024-01-01', '1000'), ['start_date']],
    ['a start after the end', datesValues('2024-01-01', '2020-01-01', '1000'), ['end_date']],
    ['a start on the end', datesValues('2024-01-01', '2024-01-01', '1000'), ['end_date']],
    ['an end in the future', datesValues('2020-01-01', '2026-03-03', '1000'), ['end_date']],
    ['both in the future', datesValues('2027-01-01', '2028-01-01', '1000'), ['start_date', 'end_date']],
    ['zero cash', datesValues('2020-01-01', '2024-01-01', '0'), ['cash']],
    ['negative cash', datesValues('2020-01-01', '2024-01-01', '-5'), ['cash']],
    ['cash that is not a number', datesValues('2020-01-01', '2024-01-01', '1e400'), ['cash']],
  ])('answers %s with an error under each wrong input', (_label, values, blocks) => {
    // Act
    const form = readBacktestDatesForm(values, NOW);

    // Assess
    expect(form.ok).toBe(false);
    expect(form.ok ? [] : Object.keys(form.errors).sort()).toEqual([...blocks].sort());
  });

  it('prefills the modal with the last six full years and 100,000 dollars', () => {
    // Act
    const modal = backtestDatesModal(RUN, NOW);

    // Assess
    expect(inputElementsOf(modal)).toMatchObject([
      { type: 'datepicker', initial_date: '2020-01-01' },
      { type: 'datepicker', initial_date: '2025-12-31' },
      { type: 'number_input', initial_value: '100000' },
    ]);
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.submit?.text.length).toBeLessThanOrEqual(24);
  });
});
