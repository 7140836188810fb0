import type { AppsManifestCreateArguments } from '@slack/web-api';
import { QUANTCODER_COMMAND } from '../functions/slack/app/command-name.js';

/** Slack's app manifest, as its Web API types it. */
export type SlackAppManifest = AppsManifestCreateArguments['manifest'];

/** The URL written in the repository's slack-app-manifest.json: replace it with the stack's SlackRequestUrl. */
export const PLACEHOLDER_REQUEST_URL = 'https://YOUR-FUNCTION-URL.lambda-url.YOUR-REGION.on.aws/';

/**
 * QuantCoder's Slack app: the `/quantcoder` command, the bot scopes it needs (post and update messages,
 * upload the chart, join public channels, read replies in the threads it is invited to), message events, and interactivity for
 * the summary's buttons and modals. Commands, events and interactivity all go to the one request URL.
 */
export function slackAppManifest(requestUrl: string): SlackAppManifest {
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'QuantCoder',
      description: 'Trading ideas into backtested QuantConnect projects, reported in a thread.',
      background_color: '#1d3557',
    },
    features: {
      app_home: {
        home_tab_enabled: false,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      bot_user: { display_name: 'QuantCoder', always_online: true },
      slash_commands: [
        {
          command: QUANTCODER_COMMAND,
          url: requestUrl,
          description: 'Turn a trading idea into a backtested QuantConnect project',
          usage_hint: '<trading idea> | help',
          should_escape: false,
        },
      ],
    },
    oauth_config: {
      scopes: {
        bot: [
          'commands',
          'chat:write',
          'files:write',
          // The notifier joins a public channel it was asked from but is not in, instead of failing to post.
          'channels:join',
          'channels:history',
          'groups:history',
          'im:history',
          'mpim:history',
        ],
      },
    },
    settings: {
      event_subscriptions: {
        request_url: requestUrl,
        bot_events: ['message.channels', 'message.groups', 'message.im', 'message.mpim'],
      },
      interactivity: { is_enabled: true, request_url: requestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}
