import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, TransientError } from '../../../functions/shared/errors.js';
import { readBotIdentity } from '../../../functions/slack/app/bot-identity.js';
import { webClientOptions } from '../../../functions/slack/app/slack-app.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fake-slack-api.js';

describe('readBotIdentity', () => {
  let slack: FakeSlackApi;
  beforeEach(async () => {
    slack = await startFakeSlackApi({ token: 'xoxb-right', botUserId: 'U0BOT', botId: 'B0BOT' });
  });
  afterEach(() => slack.close());

  it('reads the bot user id and bot id from auth.test', async () => {
    // Act
    const identity = await readBotIdentity(new WebClient('xoxb-right', webClientOptions(slack.apiUrl)));

    // Assess
    expect(identity).toEqual({ botUserId: 'U0BOT', botId: 'B0BOT' });
  });

  it('calls a refused token a configuration error naming SLACK_BOT_TOKEN', async () => {
    // Act
    const read = readBotIdentity(new WebClient('xoxb-wrong', webClientOptions(slack.apiUrl)));

    // Assess
    await expect(read).rejects.toThrow(ConfigurationError);
    await expect(read).rejects.toThrow('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
  });

  it('calls a user token (no bot id) a configuration error, and an unreachable Slack transient', async () => {
    // Prepare
    slack.answer('auth.test', () => ({ user_id: 'U0PERSON', team_id: 'T0TEAM' }));
    const closed = await startFakeSlackApi();
    await closed.close();

    // Act
    const userToken = await readBotIdentity(
      new WebClient('xoxb-right', webClientOptions(slack.apiUrl)),
    ).catch((error: unknown) => error);
    const unreachable = await readBotIdentity(
      new WebClient('xoxb-right', webClientOptions(closed.apiUrl)),
    ).catch((error: unknown) => error);

    // Assess
    expect(userToken).toBeInstanceOf(ConfigurationError);
    expect(unreachable).toBeInstanceOf(TransientError);
  });
});
