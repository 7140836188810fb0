import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';

export const FAKE_USER_ID = '123456';
export const FAKE_API_TOKEN = '0123456789abcdef0123456789abcdef';
/** The fake's clock and the client's agree on this instant unless a test says otherwise. */
export const FAKE_NOW = new Date('2025-06-02T15:00:00Z');

export interface FakeRequest {
  endpoint: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent verbatim (for non-JSON bodies). */
  text?: string;
  /** Never answer; the socket stays open until the server closes. */
  hang?: boolean;
}

/** Answers one authenticated request; `count` is how many calls this endpoint has had, this one included. */
export type FakeRoute = (request: FakeRequest, count: number) => FakeAnswer;

export interface FakeQuantConnect {
  baseUrl: string;
  /** Every authenticated request, in order. */
  requests: FakeRequest[];
  calls(endpoint: string): FakeRequest[];
  close(): Promise<void>;
}

/** `{success: true, ...fields}`. */
export function ok(fields: Record<string, unknown> = {}): FakeAnswer {
  return { json: { success: true, ...fields } };
}

/** Answers in turn; the last one repeats. */
export function inTurn(...answers: FakeAnswer[]): FakeRoute {
  return (_request, count) => answers[Math.min(count, answers.length) - 1] ?? {};
}

/**
 * A loopback QuantConnect that checks the auth hash the way the real service does (HTTP 200 with
 * `success: false` and "Hash doesn't match" on a bad hash, and on a timestamp outside 7200 s) and
 * answers each endpoint from `routes`; an unknown endpoint is an HTTP 404.
 */
export async function startFakeQuantConnect(
  routes: Record<string, FakeRoute>,
  options: { userId?: string; apiToken?: string; now?: Date } = {},
): Promise<FakeQuantConnect> {
  const userId = options.userId ?? FAKE_USER_ID;
  const apiToken = options.apiToken ?? FAKE_API_TOKEN;
  const nowSeconds = Math.floor((options.now ?? FAKE_NOW).getTime() / 1000);
  const requests: FakeRequest[] = [];
  const counts = new Map<string, number>();

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const endpoint = (request.url ?? '').replace(/^\/api\/v2\//, '').replace(/\?.*$/, '');
      if (!authenticated(request.headers, userId, apiToken, nowSeconds)) {
        send(response, {
          json: { success: false, errors: ["Hash doesn't match. Please check your user id and API token."] },
        });
        return;
      }
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      const record = { endpoint, body: isRecord(body) ? body : {}, headers: request.headers };
      requests.push(record);
      const count = (counts.get(endpoint) ?? 0) + 1;
      counts.set(endpoint, count);
      const route = routes[endpoint];
      send(response, route ? route(record, count) : { status: 404, text: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake server has no TCP address');

  return {
    baseUrl: `http://127.0.0.1:${address.port}/api/v2/`,
    requests,
    calls: (endpoint) => requests.filter((request) => request.endpoint === endpoint),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function authenticated(headers: IncomingHttpHeaders, userId: string, apiToken: string, nowSeconds: number) {
  const timestamp = headers.timestamp;
  const authorization = headers.authorization;
  if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > 7200) return false;
  if (typeof authorization !== 'string' || !authorization.startsWith('Basic ')) return false;
  const decoded = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
  const expected = createHash('sha256').update(`${apiToken}:${timestamp}`).digest('hex');
  return decoded === `${userId}:${expected}`;
}

function send(response: ServerResponse, answer: FakeAnswer): void {
  if (answer.hang) return;
  const body = answer.text ?? JSON.stringify(answer.json ?? { success: true });
  const contentType = answer.text === undefined ? 'application/json' : 'text/html';
  response.writeHead(answer.status ?? 200, { 'Content-Type': contentType, ...answer.headers });
  response.end(body);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
