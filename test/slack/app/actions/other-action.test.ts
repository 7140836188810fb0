import { describe, expect, it } from 'vitest';
import { OTHER_ACTION_IDS, otherAction } from '../../../../functions/slack/app/actions/other-action.js';
import { ACTION_IDS } from '../../../../functions/slack/interactions.js';
import { recordingAck } from '../listener-fakes.js';

describe('other actions', () => {
  it('match every action id but the ones QuantCoder handles', () => {
    // Act
    const matched = [
      'open_quantconnect',
      'download_zip',
      'quantcoder_refine_x',
      ...Object.values(ACTION_IDS),
    ].map((actionId) => OTHER_ACTION_IDS.test(actionId));

    // Assess
    expect(matched).toEqual([true, true, true, false, false, false, false]);
  });

  it('are acknowledged and nothing more', async () => {
    // Prepare
    const { ack, answers } = recordingAck<void>();

    // Act
    await otherAction()({ ack });

    // Assess
    expect(answers).toEqual([undefined]);
  });
});
