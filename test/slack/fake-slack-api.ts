import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call the fake received: the method, its arguments (form or JSON, nested JSON decoded) and the token. */
export interface RecordedSlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

/** Bytes posted to an upload URL that files.getUploadURLExternal handed out. */
export interface RecordedUpload {
  fileId: string;
  filename: string;
  contentType: string | undefined;
  bytes: Buffer;
}

/** What a method answers: Slack's JSON body (`ok` added when missing) and, optionally, an HTTP status and headers. */
export type SlackAnswer =
  | Record<string, unknown>
  | { status: number; headers?: Record<string, string>; body: Record<string, unknown> };

export type SlackMethodHandler = (call: RecordedSlackCall) => SlackAnswer | Promise<SlackAnswer>;

export interface FakeSlackApiOptions {
  /** The bot's user id, as auth.test reports it. */
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** The token every call must carry; others get `invalid_auth`. */
  token?: string;
}

export interface FakeSlackApi {
  /** The Web API base, ending in `/api/`: pass it as `slackApiUrl` (WebClient) or SLACK_API_URL. */
  apiUrl: string;
  /** A `response_url` Slack would put in a command or interaction payload; what is posted there lands in `responses`. */
  responseUrl: string;
  calls: RecordedSlackCall[];
  uploads: RecordedUpload[];
  responses: Array<Record<string, unknown>>;
  /** The calls of one method, in order. */
  callsTo(method: string): RecordedSlackCall[];
  /** Replaces the answer of one method (e.g. an error or a 429 with Retry-After). */
  answer(method: string, handler: SlackMethodHandler): void;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata']);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Slack's clients send form fields, with nested values (blocks, view, files) as JSON strings; some send JSON. */
function parseArguments(contentType: string | undefined, body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (text.length === 0) return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    args[name] = JSON_FIELDS.has(name) ? safeJson(value) : value;
  }
  return args;
}

/** The upload URL takes the raw bytes, or a multipart form whose file part holds them (what WebClient sends). */
async function uploadedBytes(contentType: string | undefined, body: Buffer): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return body;
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  throw new Error('multipart upload without a file part');
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * A Slack Web API on 127.0.0.1 that answers the methods QuantCoder uses the way Slack does (auth.test,
 * chat.postMessage/update/postEphemeral, views.open, the three-step file upload, response_url posts),
 * records every call, and lets a test replace any answer.
 */
export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const botUserId = options.botUserId ?? 'U0QUANTBOT';
  const teamId = options.teamId ?? 'T0TEAM';
  const calls: RecordedSlackCall[] = [];
  const uploads: RecordedUpload[] = [];
  const responses: Array<Record<string, unknown>> = [];
  const pendingUploads = new Map<string, string>();
  const handlers = new Map<string, SlackMethodHandler>();
  let clock = 1_700_000_000;
  let counter = 0;
  const nextTs = () => `${++clock}.${String(++counter).padStart(6, '0')}`;
  let base = '';

  const defaults: Record<string, SlackMethodHandler> = {
    'auth.test': () => ({
      url: 'https://quantcoder-test.slack.com/',
      team: 'QuantCoder Test',
      user: 'quantcoder',
      team_id: teamId,
      user_id: botUserId,
      bot_id: options.botId ?? 'B0QUANTBOT',
      is_enterprise_install: false,
    }),
    'chat.postMessage': (call) => ({
      channel: call.args.channel,
      ts: nextTs(),
      message: { text: call.args.text, user: botUserId, thread_ts: call.args.thread_ts },
    }),
    'chat.update': (call) => ({ channel: call.args.channel, ts: call.args.ts, text: call.args.text }),
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'views.open': (call) => ({ view: { id: `V${++counter}`, ...(call.args.view as object) } }),
    'views.update': (call) => ({ view: { id: call.args.view_id, ...(call.args.view as object) } }),
    'files.getUploadURLExternal': (call) => {
      const fileId = `F${++counter}`;
      pendingUploads.set(fileId, String(call.args.filename ?? 'file'));
      return { upload_url: `${base}/upload/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (call) => {
      const files = Array.isArray(call.args.files)
        ? (call.args.files as Array<{ id: string; title?: string }>)
        : [];
      const unknown = files.find((file) => !uploads.some((upload) => upload.fileId === file.id));
      if (unknown) return { ok: false, error: 'invalid_arguments' };
      return { files: files.map((file) => ({ id: file.id, title: file.title })) };
    },
  };

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', base);
      const body = await readBody(request);
      if (url.pathname.startsWith('/upload/')) {
        const fileId = url.pathname.slice('/upload/'.length);
        const filename = pendingUploads.get(fileId);
        if (!filename) return send(response, 404, { ok: false, error: 'unknown_upload' });
        const contentType = request.headers['content-type'];
        uploads.push({ fileId, filename, contentType, bytes: await uploadedBytes(contentType, body) });
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.end(`OK - ${body.length}`);
      }
      if (url.pathname.startsWith('/response/')) {
        responses.push(parseArguments(request.headers['content-type'], body));
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.end('ok');
      }
      if (!url.pathname.startsWith('/api/'))
        return send(response, 404, { ok: false, error: 'unknown_method' });
      const method = url.pathname.slice('/api/'.length);
      const args = parseArguments(request.headers['content-type'], body);
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ')
        ? header.slice('Bearer '.length)
        : (args.token as string | undefined);
      const call: RecordedSlackCall = { method, args, token };
      calls.push(call);
      if (options.token !== undefined && token !== options.token) {
        return send(response, 200, { ok: false, error: 'invalid_auth' });
      }
      const handler = handlers.get(method) ?? defaults[method];
      if (!handler) return send(response, 200, { ok: false, error: 'unknown_method' });
      const answer = await handler(call);
      if ('status' in answer && typeof answer.status === 'number' && 'body' in answer) {
        const full = answer as {
          status: number;
          headers?: Record<string, string>;
          body: Record<string, unknown>;
        };
        return send(response, full.status, full.body, full.headers);
      }
      return send(response, 200, { ok: true, ...answer });
    } catch (error) {
      send(response, 500, { ok: false, error: 'fake_failed', detail: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: `${base}/response/hooks-1`,
    calls,
    uploads,
    responses,
    callsTo: (method) => calls.filter((call) => call.method === method),
    answer: (method, handler) => handlers.set(method, handler),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
