import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-token';

/** Slack's signature: HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret, hex, prefixed `v0=`. */
export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedEventOptions {
  /** @default now, in seconds */
  timestamp?: number;
  secret?: string;
  contentType?: string | undefined;
  /** Replaces or adds headers after signing (e.g. a wrong signature, X-Slack-Retry-Num). */
  headers?: Record<string, string>;
  /** Send the body base64-encoded, as Function URLs do for some content types. */
  base64?: boolean;
  method?: string;
}

/** A Lambda Function URL event (payload format 2.0) carrying a request signed the way Slack signs it. */
export function signedEvent(body: string, options: SignedEventOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType = 'contentType' in options ? options.contentType : 'application/x-www-form-urlencoded';
  const headers: Record<string, string> = {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(body, timestamp, options.secret),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...(contentType === undefined ? {} : { 'content-type': contentType }),
    ...options.headers,
  };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers,
    requestContext: {
      http: { method: options.method ?? 'POST', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
      domainName: 'example.lambda-url.us-east-1.on.aws',
      requestId: 'request-1',
    },
    body: options.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  };
}

/** A slash command's form body, as Slack posts it. */
export function commandBody(fields: {
  text: string;
  triggerId?: string;
  channelId?: string;
  userId?: string;
  responseUrl?: string;
}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'quantcoder-test',
    channel_id: fields.channelId ?? 'C0RESEARCH',
    channel_name: 'research',
    user_id: fields.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: '/quantcoder',
    text: fields.text,
    api_app_id: 'A0QUANTCODER',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl ?? 'https://hooks.slack.com/commands/T0TEAM/1/abc',
    trigger_id: fields.triggerId ?? '13345224609.738474920.8088930838d88f008e0',
  }).toString();
}

/** An interactivity form body: the payload JSON in a `payload` field. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API envelope around an event. */
export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = 'Ev0REPLY1',
): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM',
    api_app_id: 'A0QUANTCODER',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [
      { team_id: 'T0TEAM', user_id: 'U0QUANTBOT', is_bot: true, is_enterprise_install: false },
    ],
  };
}
