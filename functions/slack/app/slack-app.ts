import { App, AwsLambdaReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import { register as registerActions } from './actions/index.js';
import { boltLogger } from './bolt-logger.js';
import type { BotIdentity } from './bot-identity.js';
import { register as registerCommands } from './commands/index.js';
import { register as registerEvents } from './events/index.js';
import type { ListenerDeps } from './listener-types.js';
import { register as registerViews } from './views/index.js';

/**
 * Web API options for a client that must answer inside Slack's 3 s: no retries and no waiting out rate
 * limits (a late answer is as bad as none), and SLACK_API_URL when tests point it at a fake.
 */
export function webClientOptions(apiUrl: string | undefined): WebClientOptions {
  return {
    timeout: 2500,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(apiUrl === undefined ? {} : { slackApiUrl: apiUrl }),
  };
}

export interface SlackAppOptions {
  signingSecret: string;
  botToken: string;
  apiUrl: string | undefined;
  /** From auth.test, so Bolt does not call it again per request. */
  identity: BotIdentity;
  deps: ListenerDeps;
}

/** The Bolt app behind an AwsLambdaReceiver, with every QuantCoder listener registered. */
export function createSlackApp(options: SlackAppOptions): { app: App; receiver: AwsLambdaReceiver } {
  const logger = boltLogger(options.deps.logger);
  const receiver = new AwsLambdaReceiver({ signingSecret: options.signingSecret, logger });
  const app = new App({
    token: options.botToken,
    botId: options.identity.botId,
    botUserId: options.identity.botUserId,
    receiver,
    logger,
    // The identity is known, so authorizing a request needs no Web API call.
    tokenVerificationEnabled: false,
    // No listener keeps conversation state, and memory state would not survive a Lambda anyway.
    convoStore: false,
    clientOptions: webClientOptions(options.apiUrl),
  });
  registerCommands(app, options.deps);
  registerEvents(app, options.deps);
  registerActions(app, options.deps);
  registerViews(app, options.deps);
  return { app, receiver };
}
