import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';

describe('the fake Slack Web API', () => {
  let slack: FakeSlackApi;
  beforeEach(async () => {
    slack = await startFakeSlackApi({ token: 'xoxb-test' });
  });
  afterEach(() => slack.close());

  it('answers the real WebClient: messages with blocks, updates, and the three-step upload into a thread', async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const posted = await client.chat.postMessage({
      channel: 'C1',
      text: 'hello',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }],
    });
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    await client.chat.update({ channel: 'C1', ts: String(posted.ts), text: 'updated' });
    await client.filesUploadV2({
      channel_id: 'C1',
      thread_ts: String(posted.ts),
      file: Buffer.from('png-bytes'),
      filename: 'equity.png',
    });
    expect(slack.calls.map((call) => call.method)).toEqual([
      'chat.postMessage',
      'chat.update',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(slack.callsTo('chat.postMessage')[0]?.args.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*hi*' } },
    ]);
    expect(slack.uploads).toHaveLength(1);
    expect(slack.uploads[0]?.bytes.toString()).toBe('png-bytes');
    expect(slack.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: 'C1',
      thread_ts: posted.ts,
    });
  });

  it('refuses a wrong token the way Slack does', async () => {
    const client = new WebClient('xoxb-wrong', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(client.auth.test()).rejects.toThrow(/invalid_auth/);
  });
});
