import { describe, expect, it } from 'vitest';
import type { ViewErrors } from '../../../../functions/slack/app/listener-types.js';
import { refineSubmission } from '../../../../functions/slack/app/views/refine-submission.js';
import { RUN } from '../actions/button-payloads.js';
import { listenerDeps, NOW, recordingAck, recordingStarter } from '../listener-fakes.js';
import { REFINE_VIEW, submission } from './submission-payloads.js';

function instruction(value: string | null) {
  return { instruction: { value: { type: 'plain_text_input', value } } };
}

async function submit(body: unknown) {
  const starter = recordingStarter();
  const { ack, answers } = recordingAck<ViewErrors>();
  await refineSubmission(listenerDeps(starter.starter))({ body, ack });
  return { answers, starts: starter.starts };
}

describe('the refine modal submission', () => {
  it('starts a refine follow-up of the run in its thread, named after the view', async () => {
    // Act
    const { answers, starts } = await submit(
      submission(REFINE_VIEW, instruction('  only trade on Mondays  '), { viewId: 'V0REFINE' }),
    );

    // Assess
    expect(answers).toEqual([undefined]);
    expect(starts).toEqual([
      {
        name: 'refine-V0REFINE',
        request: {
          idea: 'only trade on Mondays',
          source: 'slack',
          requestedAt: NOW.toISOString(),
          slack: { channel: RUN.channel, threadTs: RUN.threadTs, userId: 'U0ALICE', teamId: 'T0TEAM' },
          followUp: { kind: 'refine', runId: RUN.runId },
        },
      },
    ]);
  });

  it.each([
    ['blank', '   ', 'Write what should change.'],
    ['missing', null, 'Write what should change.'],
    ['too long', 'w'.repeat(4001), 'At most 4000 characters; this is 4001.'],
  ])('answers a %s instruction under its block and starts nothing', async (_label, value, message) => {
    // Act
    const { answers, starts } = await submit(submission(REFINE_VIEW, instruction(value)));

    // Assess
    expect(starts).toEqual([]);
    expect(answers).toEqual([{ response_action: 'errors', errors: { instruction: message } }]);
  });
});
