import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../lib/agent-function.js';
import { PLACEHOLDER_REQUEST_URL, slackAppManifest } from '../../lib/slack-app-manifest.js';

describe('the Slack app manifest', () => {
  it('is in the repository as slack-app-manifest.json, with the placeholder request URL', () => {
    // Act
    const committed: unknown = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'slack-app-manifest.json'), 'utf8'),
    );

    // Assess
    expect(committed).toEqual(slackAppManifest(PLACEHOLDER_REQUEST_URL));
  });

  it('sends the command, events and interactivity to the one request URL', () => {
    // Act
    const manifest = slackAppManifest('https://example.invalid/slack');

    // Assess
    expect(manifest.features?.slash_commands).toEqual([
      expect.objectContaining({
        command: '/quantcoder',
        url: 'https://example.invalid/slack',
        should_escape: false,
      }),
    ]);
    expect(manifest.settings?.event_subscriptions?.request_url).toBe('https://example.invalid/slack');
    expect(manifest.settings?.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://example.invalid/slack',
    });
    expect(manifest.settings?.socket_mode_enabled).toBe(false);
  });

  it('asks for the scopes the app and the notifier use, and the message events of every conversation type', () => {
    // Act
    const manifest = slackAppManifest(PLACEHOLDER_REQUEST_URL);

    // Assess
    expect(manifest.oauth_config?.scopes?.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'files:write', 'channels:history', 'groups:history']),
    );
    expect(manifest.settings?.event_subscriptions?.bot_events).toEqual([
      'message.channels',
      'message.groups',
      'message.im',
      'message.mpim',
    ]);
  });
});
