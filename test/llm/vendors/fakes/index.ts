import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { anthropicWire } from './anthropic-wire.js';
import { chatWire } from './chat-wire.js';
import type {
  FakeFault,
  FakeHandler,
  FakeReply,
  FakeRequest,
  FakeVendor,
  FakeVendorKind,
  FakeVendorOptions,
  RecordedRequest,
  WireFormat,
} from './fake-types.js';

export type {
  FakeFault,
  FakeHandler,
  FakeReply,
  FakeRequest,
  FakeVendor,
  FakeVendorKind,
  FakeVendorOptions,
  RecordedRequest,
} from './fake-types.js';

/** A structured answer: the tool input (Anthropic) or the JSON content (chat completions). */
export function answer(value: unknown): FakeReply {
  return { type: 'answer', value };
}

/** Raw assistant text, for example malformed JSON; `cut` ends it at the token limit. */
export function rawText(text: string, cut = false): FakeReply {
  return { type: 'text', text, cut };
}

/** The model declines to answer. */
export function refusal(text: string): FakeReply {
  return { type: 'refusal', text };
}

/** A failure in the vendor's wire shape. */
export function fault(
  kind: FakeFault,
  options: { retryAfterSeconds?: number; retryAfterMs?: number; message?: string } = {},
): FakeReply {
  return { type: 'fault', fault: kind, ...options };
}

/** A handler that replies in order, repeating the last reply once the list runs out. */
export function inOrder(...replies: FakeReply[]): FakeHandler {
  return (request) => {
    const reply = replies[Math.min(request.index, replies.length - 1)];
    if (!reply) throw new Error('inOrder needs at least one reply');
    return reply;
  };
}

/** The agent role a QuantCoder system prompt names ("You are QuantCoder's alpha agent"), if any. */
export function roleOf(request: FakeRequest): string | undefined {
  return /You are QuantCoder's (\w+)/.exec(request.systemText)?.[1];
}

function readBody(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    message.on('error', reject);
  });
}

function headersOf(message: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(message.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function replyWithFault(
  response: ServerResponse,
  wire: WireFormat,
  reply: Extract<FakeReply, { type: 'fault' }>,
): void {
  if (reply.fault === 'hang') return;
  if (reply.fault === 'stall-body') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"id": "stalled", "choices": [');
    return;
  }
  if (reply.fault === 'malformed-body') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"id": "msg_fake", "content": [{"type": "text", "text": "cut off');
    return;
  }
  const headers: Record<string, string> = {};
  if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
  if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
  const { status, body } = wire.error(reply.fault, reply.message);
  sendJson(response, status, body, headers);
}

/**
 * Starts a loopback server that speaks a vendor's wire format. Each request is recorded, described
 * for the handler, and answered with the handler's reply: a structured answer, raw text, or a fault.
 */
export async function startFakeVendor(
  kind: FakeVendorKind,
  handler: FakeHandler,
  options: FakeVendorOptions = {},
): Promise<FakeVendor> {
  const wire = kind === 'anthropic' ? anthropicWire(options.minimumCacheableTokens ?? 1024) : chatWire(kind);
  const requests: RecordedRequest[] = [];
  let answered = 0;
  // Orders arrivals and answers, so a cache write is seen only by requests that arrive after it was sent.
  let clock = 0;

  const server = createServer((message, response) => {
    void (async () => {
      const text = await readBody(message);
      const path = (message.url ?? '').split('?')[0] ?? '';
      const body: unknown = text.length > 0 ? JSON.parse(text) : undefined;
      const headers = headersOf(message);
      const receivedAt = ++clock;
      const index = requests.length;
      requests.push({ method: message.method ?? '', path, headers, body });
      if (message.method !== 'POST' || path !== wire.path) {
        const { body: notFound } = wire.error('not-found', `No route for ${message.method} ${path}`);
        sendJson(response, 404, notFound);
        return;
      }
      const invalid = wire.invalid?.(body);
      if (invalid !== undefined) {
        const { status, body: refused } = wire.error('bad-request', invalid);
        sendJson(response, status, refused);
        return;
      }
      const reply = await handler({
        index,
        method: message.method,
        path,
        headers,
        body,
        ...wire.describe(body),
      });
      if (reply.type === 'fault') replyWithFault(response, wire, reply);
      else {
        const exchange = { sequence: ++answered, receivedAt, sentAt: ++clock };
        sendJson(response, 200, wire.success(body, reply, exchange), { 'request-id': `req_fake_${index}` });
      }
    })().catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(response, 418, {
          error: { message: `The fake's handler failed: ${String(error)}`, type: 'fake_error' },
        });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The fake vendor has no TCP port');
  const root = `http://127.0.0.1:${address.port}`;
  return {
    baseURL: kind === 'openai' || kind === 'deepseek' ? `${root}/v1` : root,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
