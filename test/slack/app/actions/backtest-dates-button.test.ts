import { describe, expect, it } from 'vitest';
import { backtestDatesButton } from '../../../../functions/slack/app/actions/backtest-dates-button.js';
import { ACTION_IDS, RunButtonValue, VIEW_IDS } from '../../../../functions/slack/interactions.js';
import {
  inputElementsOf,
  listenerDeps,
  recordingAck,
  recordingClient,
  recordingRespond,
  recordingStarter,
} from '../listener-fakes.js';
import { click, RUN } from './button-payloads.js';

describe('the "Backtest other dates" button', () => {
  it('acks, then opens the dates modal carrying the run in private_metadata', async () => {
    // Prepare
    const { starter, starts } = recordingStarter();
    const { ack, answers } = recordingAck<void>();
    const { client, opened } = recordingClient();
    const { respond, responses } = recordingRespond();

    // Act
    await backtestDatesButton(listenerDeps(starter))({
      body: click(ACTION_IDS.backtestDates),
      ack,
      client,
      respond,
    });

    // Assess
    expect(answers).toHaveLength(1);
    expect(starts).toEqual([]);
    expect(responses).toEqual([]);
    expect(opened).toHaveLength(1);
    const view = opened[0]?.view;
    expect(opened[0]?.trigger_id).toBe('701.8.abc');
    expect(view?.callback_id).toBe(VIEW_IDS.backtestDates);
    expect(RunButtonValue.parse(JSON.parse(view?.private_metadata ?? ''))).toEqual(RUN);
    expect(inputElementsOf(view)).toMatchObject([
      { type: 'datepicker' },
      { type: 'datepicker' },
      { type: 'number_input' },
    ]);
  });

  it('says so when the button does not name a run, opening nothing', async () => {
    // Prepare
    const { ack } = recordingAck<void>();
    const { client, opened } = recordingClient();
    const { respond, responses } = recordingRespond();

    // Act
    await backtestDatesButton(listenerDeps(recordingStarter().starter))({
      body: click(ACTION_IDS.backtestDates, { value: '{"runId":"../../etc"}' }),
      ack,
      client,
      respond,
    });

    // Assess
    expect(opened).toEqual([]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(responses[0]?.text).toContain('no longer says which run');
  });

  it('tells the user when Slack refuses to open the modal', async () => {
    // Prepare
    const { ack } = recordingAck<void>();
    const { client } = recordingClient({ openFails: new Error('An API error occurred: expired_trigger_id') });
    const { respond, responses } = recordingRespond();

    // Act
    await backtestDatesButton(listenerDeps(recordingStarter().starter))({
      body: click(ACTION_IDS.backtestDates),
      ack,
      client,
      respond,
    });

    // Assess
    expect(responses.map((response) => response.text)).toEqual([
      'Slack could not open the form (An API error occurred: expired_trigger_id). Click the button again.',
    ]);
  });
});
