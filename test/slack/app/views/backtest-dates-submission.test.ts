import { describe, expect, it } from 'vitest';
import type { ViewErrors } from '../../../../functions/slack/app/listener-types.js';
import { backtestDatesSubmission } from '../../../../functions/slack/app/views/backtest-dates-submission.js';
import { RUN } from '../actions/button-payloads.js';
import { listenerDeps, NOW, recordingAck, recordingStarter } from '../listener-fakes.js';
import { DATES_VIEW, datesValues, submission } from './submission-payloads.js';

async function submit(body: unknown, starter = recordingStarter()) {
  const { ack, answers } = recordingAck<ViewErrors>();
  await backtestDatesSubmission(listenerDeps(starter.starter))({ body, ack });
  return { answers, starts: starter.starts };
}

describe('the dates modal submission', () => {
  it('starts a backtest follow-up of the run in its thread, named after the view, and closes the modal', async () => {
    // Act
    const { answers, starts } = await submit(
      submission(DATES_VIEW, datesValues('2015-01-01', '2019-12-31', '50000')),
    );

    // Assess
    expect(answers).toEqual([undefined]);
    expect(starts).toEqual([
      {
        name: 'dates-V0MODAL1',
        request: {
          idea: 'Backtest run slack-1-2-3 from 2015-01-01 to 2019-12-31 with $50,000 of starting cash.',
          source: 'slack',
          requestedAt: NOW.toISOString(),
          slack: { channel: RUN.channel, threadTs: RUN.threadTs, userId: 'U0ALICE', teamId: 'T0TEAM' },
          followUp: { kind: 'backtest', runId: RUN.runId },
          backtest: { startDate: '2015-01-01', endDate: '2019-12-31', cash: 50000 },
        },
      },
    ]);
  });

  it('answers bad input with errors per block and starts nothing', async () => {
    // Act
    const { answers, starts } = await submit(
      submission(DATES_VIEW, datesValues('2020-01-01', '2019-01-01', '0')),
    );

    // Assess
    expect(starts).toEqual([]);
    expect(answers).toEqual([
      {
        response_action: 'errors',
        errors: {
          end_date: 'The end date must come after the start date.',
          cash: 'Enter the starting cash in dollars, above 0 (for example 100000).',
        },
      },
    ]);
  });

  it('keeps the modal open with the reason when the run cannot start or the modal lost its run', async () => {
    // Prepare
    const failing = recordingStarter({ failWith: 'Step Functions is busy or unreachable right now.' });
    const values = datesValues('2015-01-01', '2019-12-31', '50000');

    // Act
    const refused = await submit(submission(DATES_VIEW, values), failing);
    const orphan = await submit(submission(DATES_VIEW, values, { privateMetadata: '' }));

    // Assess
    expect(refused.answers).toEqual([
      {
        response_action: 'errors',
        errors: { start_date: 'Step Functions is busy or unreachable right now.' },
      },
    ]);
    expect(orphan.starts).toEqual([]);
    expect(orphan.answers[0]?.errors.start_date).toContain('no longer says which run');
  });
});
