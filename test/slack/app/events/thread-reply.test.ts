import { describe, expect, it } from 'vitest';
import { threadReply } from '../../../../functions/slack/app/events/thread-reply.js';
import type { ListenerContext } from '../../../../functions/slack/app/listener-types.js';
import { listenerDeps, NOW, recordingClient, recordingStarter } from '../listener-fakes.js';

const BOT = 'U0QUANTBOT';

function reply(overrides: Record<string, unknown> = {}) {
  return {
    type: 'message',
    channel: 'C0RESEARCH',
    user: 'U0ALICE',
    text: 'make it long-only',
    ts: '1700000100.000200',
    thread_ts: '1700000000.000100',
    parent_user_id: BOT,
    ...overrides,
  };
}

async function deliver(
  event: Record<string, unknown>,
  options: {
    context?: ListenerContext;
    starter?: ReturnType<typeof recordingStarter>;
    eventId?: string;
  } = {},
) {
  const starter = options.starter ?? recordingStarter();
  const { client, ephemerals } = recordingClient();
  await threadReply(listenerDeps(starter.starter))({
    event,
    body: { event_id: options.eventId ?? 'Ev0REPLY1', team_id: 'T0TEAM', event },
    context: options.context ?? { botUserId: BOT, teamId: 'T0TEAM' },
    client,
  });
  return { starts: starter.starts, ephemerals };
}

describe('a reply in a QuantCoder thread', () => {
  it('starts a refine run of the thread, named after the event id', async () => {
    // Act
    const { starts, ephemerals } = await deliver(
      reply({ text: `<@${BOT}> add a 5% stop &amp; a take-profit` }),
    );

    // Assess
    expect(starts).toEqual([
      {
        name: 'reply-Ev0REPLY1',
        request: {
          idea: 'add a 5% stop & a take-profit',
          source: 'slack',
          requestedAt: NOW.toISOString(),
          slack: {
            channel: 'C0RESEARCH',
            threadTs: '1700000000.000100',
            userId: 'U0ALICE',
            teamId: 'T0TEAM',
          },
          followUp: { kind: 'refine' },
        },
      },
    ]);
    expect(ephemerals).toEqual([]);
  });

  it('starts nothing when the same event comes again', async () => {
    // Prepare
    const starter = recordingStarter();
    await deliver(reply(), { starter });

    // Act
    const { starts } = await deliver(reply(), { starter });

    // Assess
    expect(starts).toHaveLength(1);
  });

  it('ignores Slack retries', async () => {
    // Act
    const { starts } = await deliver(reply(), { context: { botUserId: BOT, retryNum: 1 } });

    // Assess
    expect(starts).toEqual([]);
  });

  it.each([
    ['a thread someone else started', { parent_user_id: 'U0BOB' }],
    ['a message outside any thread', { thread_ts: undefined, parent_user_id: undefined }],
    ['the thread root itself', { ts: '1700000000.000100' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a bot', { bot_id: 'B0OTHER' }],
    ['a blank reply', { text: '   ' }],
    ['a reply that only mentions the bot', { text: `<@${BOT}>` }],
  ])('ignores %s', async (_label, overrides) => {
    // Act
    const { starts, ephemerals } = await deliver(reply(overrides));

    // Assess
    expect(starts).toEqual([]);
    expect(ephemerals).toEqual([]);
  });

  it('ignores everything while the bot user id is unknown', async () => {
    // Act
    const { starts } = await deliver(reply(), { context: {} });

    // Assess
    expect(starts).toEqual([]);
  });

  it('tells only the author, in the thread, when the reply is too long or the run cannot start', async () => {
    // Prepare
    const failing = recordingStarter({ failWith: 'QuantCoder has too many runs going at once.' });

    // Act
    const long = await deliver(reply({ text: 'z'.repeat(4001) }));
    const failed = await deliver(reply(), { starter: failing });

    // Assess
    expect(long.starts).toEqual([]);
    expect(long.ephemerals).toEqual([
      {
        channel: 'C0RESEARCH',
        user: 'U0ALICE',
        thread_ts: '1700000000.000100',
        text: 'That is 4,001 characters; QuantCoder takes at most 4,000. Shorten it and try again.',
      },
    ]);
    expect(failed.ephemerals.map((message) => message.text)).toEqual([
      'QuantCoder has too many runs going at once.',
    ]);
  });
});
