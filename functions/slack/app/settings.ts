import { runLimits } from '../../pipeline/defaults.js';
import type { Limits } from '../../pipeline/run-state.js';
import { optionalEnvironment, requireEnvironment } from '../../shared/environment.js';
import { readDeployers } from '../interactions.js';

/** What the Slack app needs to run: its two Slack secrets, where Slack's API is, and what it starts. */
export interface SlackSettings {
  signingSecret: string;
  botToken: string;
  /** The Web API base (SLACK_API_URL), for a fake Slack in tests; Slack's own when unset. */
  apiUrl: string | undefined;
  stateMachineArn: string;
  deployers: ReadonlySet<string>;
  /** The limits every run started from Slack gets, budget included. */
  limits: Limits;
  /** The bucket runs write to (ARTIFACT_BUCKET), for fresh download links; without it none are offered. */
  artifactBucket: string | undefined;
}

const WHERE_SECRETS_GO =
  'in AWS, put it in the quantcoder/credentials secret; locally, set it in the environment';

/** Reads the Slack app's settings, failing with the name of the first one missing. */
export function readSlackSettings(settings: NodeJS.ProcessEnv): SlackSettings {
  const signingSecret = requireEnvironment(
    'SLACK_SIGNING_SECRET',
    `the Slack app's signing secret (Basic Information, App Credentials); ${WHERE_SECRETS_GO}`,
    settings,
  );
  const botToken = requireEnvironment(
    'SLACK_BOT_TOKEN',
    `the Slack app's bot token, xoxb-... (OAuth & Permissions); ${WHERE_SECRETS_GO}`,
    settings,
  );
  const stateMachineArn = requireEnvironment(
    'STATE_MACHINE_ARN',
    'the ARN of the QuantCoder state machine that Slack requests start (set by the CDK stack)',
    settings,
  );
  return {
    signingSecret,
    botToken,
    apiUrl: optionalEnvironment('SLACK_API_URL', settings),
    stateMachineArn,
    deployers: readDeployers(settings),
    limits: runLimits(settings),
    artifactBucket: optionalEnvironment('ARTIFACT_BUCKET', settings),
  };
}
