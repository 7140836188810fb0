import { describe, expect, it } from 'vitest';
import { RunState } from '../../../../functions/pipeline/run-state.js';
import { quantcoderCommand } from '../../../../functions/slack/app/commands/quantcoder-command.js';
import type { EphemeralReply } from '../../../../functions/slack/app/replies.js';
import { listenerDeps, NOW, recordingAck, recordingStarter } from '../listener-fakes.js';

function command(text: string, triggerId = '13345224609.738474920.8088930838d88f008e0') {
  return {
    text,
    trigger_id: triggerId,
    channel_id: 'C0RESEARCH',
    user_id: 'U0ALICE',
    team_id: 'T0TEAM',
    command: '/quantcoder',
  };
}

async function run(text: string, starter = recordingStarter()) {
  const { ack, answers } = recordingAck<EphemeralReply>();
  await quantcoderCommand(listenerDeps(starter.starter))({ command: command(text), ack });
  return { answers, starts: starter.starts };
}

describe('/quantcoder', () => {
  it('starts one execution named after the trigger id, then acks where the thread will appear', async () => {
    // Act
    const { answers, starts } = await run('  momentum on SPY &amp; QQQ, RSI &lt; 30  ');

    // Assess
    expect(starts).toHaveLength(1);
    const [start] = starts;
    expect(start?.name).toBe('slack-13345224609-738474920-8088930838d88f008e0');
    expect(start?.request).toEqual({
      idea: 'momentum on SPY & QQQ, RSI < 30',
      source: 'slack',
      requestedAt: NOW.toISOString(),
      slack: { channel: 'C0RESEARCH', userId: 'U0ALICE', teamId: 'T0TEAM' },
    });
    expect(answers).toHaveLength(1);
    expect(answers[0]?.response_type).toBe('ephemeral');
    expect(answers[0]?.text).toContain('started run `slack-13345224609-738474920-8088930838d88f008e0`');
    expect(answers[0]?.text).toContain('<#C0RESEARCH>');
  });

  it('starts nothing for the same trigger again and says the run is already going', async () => {
    // Prepare
    const starter = recordingStarter();
    await run('momentum', starter);

    // Act
    const { answers, starts } = await run('momentum', starter);

    // Assess
    expect(starts).toHaveLength(1);
    expect(answers[0]?.text).toContain('already going');
  });

  it.each(['', '   ', 'help', 'HELP'])('answers %j with the usage, starting nothing', async (text) => {
    // Act
    const { answers, starts } = await run(text);

    // Assess
    expect(starts).toEqual([]);
    expect(answers[0]?.response_type).toBe('ephemeral');
    expect(answers[0]?.text).toContain('/quantcoder momentum');
    expect(answers[0]?.text).toContain('Reply to refine');
    expect(answers[0]?.text).toContain('Deploy to paper');
  });

  it('refuses an idea over 4000 characters with its length and the limit', async () => {
    // Act
    const { answers, starts } = await run('x'.repeat(4321));

    // Assess
    expect(starts).toEqual([]);
    expect(answers[0]?.text).toBe(
      'That is 4,321 characters; QuantCoder takes at most 4,000. Shorten it and try again.',
    );
  });

  it('accepts an idea of exactly 4000 characters', async () => {
    // Act
    const { starts } = await run('y'.repeat(4000));

    // Assess
    expect(starts).toHaveLength(1);
  });

  it('answers a failed StartExecution with what to do', async () => {
    // Prepare
    const starter = recordingStarter({
      failWith: 'Step Functions is busy or unreachable right now: try again.',
    });

    // Act
    const { answers, starts } = await run('momentum', starter);

    // Assess
    expect(starts).toEqual([]);
    expect(answers).toEqual([
      { response_type: 'ephemeral', text: 'Step Functions is busy or unreachable right now: try again.' },
    ]);
  });

  it('builds a request the run state accepts', async () => {
    // Act
    const { starts } = await run('pairs trading on KO and PEP');

    // Assess
    const [start] = starts;
    const state = RunState.parse({
      runId: start?.name,
      request: start?.request,
      limits: { maxRefineAttempts: 3, maxPolls: 40, initialPollSeconds: 5, maxPollSeconds: 60 },
      attempts: { refine: 0, validate: 0 },
    });
    expect(state.request.source).toBe('slack');
  });
});
