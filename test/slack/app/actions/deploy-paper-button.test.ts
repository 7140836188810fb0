import { describe, expect, it } from 'vitest';
import { deployPaperButton } from '../../../../functions/slack/app/actions/deploy-paper-button.js';
import { ACTION_IDS } from '../../../../functions/slack/interactions.js';
import {
  listenerDeps,
  NOW,
  recordingAck,
  recordingClient,
  recordingRespond,
  recordingStarter,
} from '../listener-fakes.js';
import { click, RUN } from './button-payloads.js';

async function press(userId: string, starter = recordingStarter(), value?: string) {
  const { ack, answers } = recordingAck<void>();
  const { client, opened } = recordingClient();
  const { respond, responses } = recordingRespond();
  await deployPaperButton(listenerDeps(starter.starter, ['U0DEPLOYER']))({
    body: click(ACTION_IDS.deployPaper, { userId, ...(value === undefined ? {} : { value }) }),
    ack,
    client,
    respond,
  });
  return { answers, opened, responses, starts: starter.starts };
}

describe('the "Deploy to paper" button', () => {
  it('starts a deploy follow-up of the run for an allow-listed user, in the same thread', async () => {
    // Act
    const { answers, starts, responses } = await press('U0DEPLOYER');

    // Assess
    expect(answers).toHaveLength(1);
    expect(starts).toEqual([
      {
        name: 'deploy-701-8-abc',
        request: {
          idea: 'Deploy run slack-1-2-3 to paper trading.',
          source: 'slack',
          requestedAt: NOW.toISOString(),
          slack: { channel: RUN.channel, threadTs: RUN.threadTs, userId: 'U0DEPLOYER', teamId: 'T0TEAM' },
          followUp: { kind: 'deploy', runId: RUN.runId },
        },
      },
    ]);
    expect(responses.map((response) => response.text)).toEqual([
      'Deploying run `slack-1-2-3` to paper trading; the thread says when it is live.',
    ]);
  });

  it('refuses anyone else, naming QUANTCODER_SLACK_DEPLOYERS, and starts nothing', async () => {
    // Act
    const { starts, responses } = await press('U0MALLORY');

    // Assess
    expect(starts).toEqual([]);
    expect(responses).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: 'You are not allowed to deploy to paper trading. Whoever deployed QuantCoder can add your Slack user id (U0MALLORY) to QUANTCODER_SLACK_DEPLOYERS.',
      },
    ]);
  });

  it('refuses everyone when no deployer is configured', async () => {
    // Prepare
    const starter = recordingStarter();
    const { ack } = recordingAck<void>();
    const { client } = recordingClient();
    const { respond, responses } = recordingRespond();

    // Act
    await deployPaperButton(listenerDeps(starter.starter, []))({
      body: click(ACTION_IDS.deployPaper, { userId: 'U0DEPLOYER' }),
      ack,
      client,
      respond,
    });

    // Assess
    expect(starter.starts).toEqual([]);
    expect(responses[0]?.text).toContain('not allowed');
  });

  it('starts nothing for a button that names no run, or when Step Functions refuses, and says why', async () => {
    // Prepare
    const failing = recordingStarter({ failWith: 'Step Functions is busy or unreachable right now.' });

    // Act
    const unreadable = await press('U0DEPLOYER', recordingStarter(), 'not json');
    const refused = await press('U0DEPLOYER', failing);

    // Assess
    expect(unreadable.starts).toEqual([]);
    expect(unreadable.responses[0]?.text).toContain('no longer says which run');
    expect(refused.responses.map((response) => response.text)).toEqual([
      'Step Functions is busy or unreachable right now.',
    ]);
  });
});
