import { LogLevel, WebClient } from '@slack/web-api';
import type { ArtifactStore } from '../../shared/artifact-store.js';
import { optionalEnvironment } from '../../shared/environment.js';
import type { Logger } from '../../shared/logger.js';
import { type Notifier, silentNotifier } from '../../shared/notifier.js';
import { readDeployers } from '../interactions.js';
import type { RenderChart } from './final-messages.js';
import { createSlackNotifier } from './slack-notifier.js';

/** How long one Slack Web API request may take before WebClient gives up on it (and retries). */
const SLACK_REQUEST_TIMEOUT_MS = 10_000;

export interface NotifierDeps {
  store: ArtifactStore;
  logger: Logger;
  now: () => Date;
  backtestUrl?: (projectId: number, backtestId: string) => string;
  /** The equity chart's renderer, for the report functions; other stages post no chart. */
  renderChart?: RenderChart;
}

/**
 * The notifier a Lambda stage reports with: Slack when SLACK_BOT_TOKEN is set (the credentials secret merged
 * over the environment), silent otherwise. SLACK_API_URL points the Web API elsewhere (tests).
 * WebClient retries network failures and 5xx answers twice; rate limits come back to the notifier, which waits
 * out a short Retry-After only for the messages that matter.
 */
export function notifierFromSettings(settings: NodeJS.ProcessEnv, deps: NotifierDeps): Notifier {
  const token = optionalEnvironment('SLACK_BOT_TOKEN', settings);
  if (!token) return silentNotifier;
  const slackApiUrl = optionalEnvironment('SLACK_API_URL', settings);
  const client = new WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
    rejectRateLimitedCalls: true,
    timeout: SLACK_REQUEST_TIMEOUT_MS,
    logLevel: LogLevel.ERROR,
  });
  return createSlackNotifier({
    client,
    store: deps.store,
    logger: deps.logger.child({ notifier: 'slack' }),
    deployers: readDeployers(settings),
    now: deps.now,
    ...(deps.backtestUrl ? { backtestUrl: deps.backtestUrl } : {}),
    ...(deps.renderChart ? { renderChart: deps.renderChart } : {}),
  });
}
