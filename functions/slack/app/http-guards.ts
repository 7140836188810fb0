import type { AwsLambdaReceiver } from '@slack/bolt';
import { z } from 'zod';
import { describeError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { ReplayGuard } from './replay-guard.js';

type ReceiverHandler = ReturnType<AwsLambdaReceiver['toHandler']>;
type ReceiverEvent = Parameters<ReceiverHandler>[0];
/** What a Function URL (or API Gateway) takes back from the handler. */
export type SlackHttpResponse = Awaited<ReturnType<ReceiverHandler>>;
/** A Lambda handler for Slack's HTTP requests. */
export type SlackRequestHandler = (event: unknown, context: unknown) => Promise<SlackHttpResponse>;

/**
 * The largest body accepted: 512 KiB. The biggest request Slack sends this app is a button click, which
 * carries the whole summary message (at most 50 blocks of 3,000 characters, about 150 KB of JSON, up to
 * about 2.5 times that once form-encoded); a message event's text is capped at 40,000 characters. Bolt
 * parses a body before it checks the signature, so the cap bounds what an unsigned request can make
 * the function parse, far below the 6 MB Lambda itself allows.
 */
export const MAX_BODY_BYTES = 512 * 1024;

/** The two content types Slack sends: form posts (commands, interactivity) and JSON (Events API). */
const SLACK_MEDIA_TYPES = new Set(['application/x-www-form-urlencoded', 'application/json']);

/** A Function URL event (payload 2.0) or an API Gateway proxy event (1.0): the fields the guards read. */
const LambdaHttpEvent = z.object({
  headers: z.record(z.string(), z.string()),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().optional(),
  rawPath: z.string().optional(),
  path: z.string().optional(),
  httpMethod: z.string().optional(),
  requestContext: z
    .object({ http: z.object({ method: z.string() }).optional() })
    .loose()
    .optional(),
});

function plain(statusCode: number, body: string, headers: Record<string, string> = {}): SlackHttpResponse {
  return { statusCode, headers: { 'Content-Type': 'text/plain', ...headers }, body };
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** `application/json; charset=utf-8` → `application/json`. */
function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

/**
 * Checks that Bolt's receiver does not make around a request: POST only, a body within MAX_BODY_BYTES,
 * one of Slack's content types (given to Bolt without parameters, which it compares exactly), and no
 * replay of a signed request this container has already answered; a body Bolt cannot parse gets 400. The signature and
 * its five-minute window are Bolt's to check. A replay gets 401, the answer to any request that does
 * not prove Slack sent it now: a signature that has been used once proves nothing the second time.
 */
export function guardSlackRequests(
  receiverHandler: ReceiverHandler,
  options: { replayGuard: ReplayGuard; logger: Logger; maxBodyBytes?: number },
): SlackRequestHandler {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const { logger, replayGuard } = options;
  return async (event, context) => {
    const parsed = LambdaHttpEvent.safeParse(event);
    if (!parsed.success) return plain(400, 'Not an HTTP request.');
    const request = parsed.data;
    const { headers } = request;
    const method = request.requestContext?.http?.method ?? request.httpMethod;
    if (method !== undefined && method.toUpperCase() !== 'POST') {
      return plain(405, 'Slack posts; nothing else is served here.', { Allow: 'POST' });
    }
    const bytes = Buffer.from(request.body ?? '', request.isBase64Encoded ? 'base64' : 'utf8');
    if (bytes.length > maxBodyBytes) {
      logger.warn('Slack request refused: body too large', { bytes: bytes.length, limit: maxBodyBytes });
      return plain(413, `The body is over ${maxBodyBytes} bytes.`);
    }
    const mediaType = mediaTypeOf(header(headers, 'content-type'));
    if (mediaType === undefined || !SLACK_MEDIA_TYPES.has(mediaType)) {
      logger.warn('Slack request refused: content type', { contentType: header(headers, 'content-type') });
      return plain(415, 'Slack sends application/x-www-form-urlencoded or application/json.');
    }
    const body = bytes.toString('utf8');
    const signature = header(headers, 'x-slack-signature');
    const timestamp = header(headers, 'x-slack-request-timestamp');
    if (signature !== undefined && timestamp !== undefined && replayGuard.hasSeen(signature, timestamp)) {
      logger.warn('Slack request refused: replay of a request already answered', { timestamp });
      return plain(401, '');
    }
    const forwarded: ReceiverEvent = {
      version: '2.0',
      routeKey: '$default',
      rawPath: request.rawPath ?? request.path ?? '/',
      rawQueryString: '',
      headers: {
        ...Object.fromEntries(
          Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'),
        ),
        'content-type': mediaType,
      },
      body,
      isBase64Encoded: false,
      requestContext: request.requestContext ?? {},
    };
    let response: SlackHttpResponse;
    try {
      response = await receiverHandler(forwarded, context);
    } catch (error) {
      // Bolt parses the body (JSON, or a form's JSON payload) before anything else and lets JSON.parse throw.
      if (error instanceof SyntaxError) return plain(400, `The body is not ${mediaType}.`);
      logger.error('The Slack receiver failed', { error: describeError(error) });
      return plain(500, '');
    }
    // Only requests Bolt accepted are remembered, so unsigned ones cannot fill the memory.
    if (response.statusCode !== 401 && signature !== undefined && timestamp !== undefined) {
      replayGuard.remember(signature, timestamp);
    }
    return response;
  };
}
