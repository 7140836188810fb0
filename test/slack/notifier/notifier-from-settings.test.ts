import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiskArtifactStore } from '../../../functions/shared/disk-artifact-store.js';
import { silentLogger } from '../../../functions/shared/logger.js';
import { silentNotifier } from '../../../functions/shared/notifier.js';
import { notifierFromSettings } from '../../../functions/slack/notifier/notifier-from-settings.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fake-slack-api.js';
import { slackRunState, started } from './run-fixture.js';

describe('notifierFromSettings', () => {
  let slack: FakeSlackApi | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await slack?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    slack = undefined;
    folder = undefined;
  });

  it('stays silent without a bot token', () => {
    // Act
    const notifier = notifierFromSettings(
      { SLACK_BOT_TOKEN: '  ' },
      {
        store: createDiskArtifactStore(tmpdir()),
        logger: silentLogger,
        now: () => new Date(),
      },
    );

    // Assess
    expect(notifier).toBe(silentNotifier);
  });

  it('posts with the bot token to the Web API that SLACK_API_URL names', async () => {
    // Prepare
    slack = await startFakeSlackApi({ token: 'xoxb-from-secret' });
    folder = mkdtempSync(join(tmpdir(), 'quantcoder-notifier-settings-'));
    const notifier = notifierFromSettings(
      { SLACK_BOT_TOKEN: 'xoxb-from-secret', SLACK_API_URL: slack.apiUrl, QUANTCODER_SLACK_DEPLOYERS: 'U1' },
      { store: createDiskArtifactStore(folder), logger: silentLogger, now: () => new Date() },
    );

    // Act
    const patch = await notifier.notify(slackRunState(), started('plan'));

    // Assess
    expect(patch?.thread?.channel).toBe('C1');
    expect(slack.callsTo('chat.postMessage').map((call) => call.token)).toEqual([
      'xoxb-from-secret',
      'xoxb-from-secret',
    ]);
  });
});
