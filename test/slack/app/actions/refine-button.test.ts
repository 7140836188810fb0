import { describe, expect, it } from 'vitest';
import { refineButton } from '../../../../functions/slack/app/actions/refine-button.js';
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

describe('the "Refine" button', () => {
  it('acks, then opens the refine modal with one multiline instruction, starting nothing', async () => {
    // Prepare
    const { starter, starts } = recordingStarter();
    const { ack, answers } = recordingAck<void>();
    const { client, opened } = recordingClient();
    const { respond } = recordingRespond();

    // Act
    await refineButton(listenerDeps(starter))({ body: click(ACTION_IDS.refine), ack, client, respond });

    // Assess
    expect(answers).toHaveLength(1);
    expect(starts).toEqual([]);
    const view = opened[0]?.view;
    expect(view?.callback_id).toBe(VIEW_IDS.refine);
    expect(RunButtonValue.parse(JSON.parse(view?.private_metadata ?? ''))).toEqual(RUN);
    expect(inputElementsOf(view)).toMatchObject([
      { type: 'plain_text_input', multiline: true, max_length: 4000 },
    ]);
  });
});
