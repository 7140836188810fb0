import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { SourceFile } from '../../../agents/tasks.js';
import type { Diagnostic } from '../../../validator/diagnostic.js';
import { EmulatedRequestError } from '../emulated-request-error.js';
import { createEmulatorEngine, type ReadsUntilDone } from '../emulator-engine.js';
import { aiToolRoutes } from './ai-tool-routes.js';
import { backtestRoutes } from './backtest-routes.js';
import { compileRoutes } from './compile-routes.js';
import { createFaultQueue, type EmulatorFault, faultPage } from './emulator-faults.js';
import { renderEmulatorPage } from './emulator-pages.js';
import type { Route } from './emulator-routes.js';
import { fileRoutes } from './file-routes.js';
import { liveRoutes } from './live-routes.js';
import { projectRoutes } from './project-routes.js';
import { authenticationFailure, type EmulatorCredentials } from './request-authentication.js';
import { RequestTooLargeError, readBody, requestInput } from './request-input.js';

export interface QuantConnectEmulatorOptions {
  /** Stands in for QuantConnect's compiler (the project's static checks): errors become BuildError logs. */
  compileCheck: (files: SourceFile[]) => Diagnostic[];
  /** The account to accept; by default a random user id and token made for this server. */
  credentials?: EmulatorCredentials;
  /** Port on 127.0.0.1; 0 (the default) takes any free port. */
  port?: number;
  /** The server's clock: the Timestamp window, created times, LEAN's default end date, the seconds options. */
  now?: () => Date;
  /** Reads a compile, backtest or deployment takes to finish (default 3). */
  readsUntilDone?: ReadsUntilDone;
  /** When set, a compile is done this many seconds (on `now`) after it was created. */
  compileSeconds?: number;
  /** When set, a backtest is done this many seconds (on `now`) after it was created: a "five-minute backtest". */
  backtestSeconds?: number;
  /** How far a request's Timestamp may be from `now` (default 7200, LEAN's figure). */
  timestampWindowSeconds?: number;
  /** Faults to play before answering normally; more can be added with `injectFault`. */
  faults?: readonly EmulatorFault[];
  /** Largest file accepted, in bytes (default 256 KB, QuantConnect's top tier). */
  maxFileBytes?: number;
  /** HTTP status of an authentication failure: 200 as QuantConnect answers (default), or 401 as its spec says. */
  authenticationFailureStatus?: 200 | 401;
}

/** A running emulator: where it listens, whom it accepts, what it was asked, and how to stop it. */
export interface QuantConnectEmulator {
  /** The API base, `http://127.0.0.1:<port>/api/v2/`, for a client's base URL (`QC_API_URL`). */
  readonly url: string;
  /** The site root, where the project and backtest pages live. */
  readonly webUrl: string;
  readonly userId: string;
  readonly apiToken: string;
  /** API calls received so far, by endpoint (`backtests/read`), faults and refusals included. */
  readonly requests: Readonly<Record<string, number>>;
  readonly totalRequests: number;
  /** The emulator's page for a project: the link to give where QuantConnect's would go. */
  projectUrl(projectId: number): string;
  backtestUrl(projectId: number, backtestId: string): string;
  injectFault(fault: EmulatorFault): void;
  /** Stops listening and drops open connections, hung requests included. */
  close(): Promise<void>;
}

const API_PREFIX = '/api/v2/';
const HOST = '127.0.0.1';

/** Starts a QuantConnect API v2 emulator over HTTP on 127.0.0.1, speaking the protocol with its quirks. */
export async function startQuantConnectEmulator(
  options: QuantConnectEmulatorOptions,
): Promise<QuantConnectEmulator> {
  const now = options.now ?? (() => new Date());
  const credentials = options.credentials ?? {
    userId: String(randomInt(100_000, 1_000_000)),
    apiToken: randomBytes(32).toString('hex'),
  };
  const engine = createEmulatorEngine({ ...options, now });
  const context = { engine, userId: credentials.userId };
  const routes: Record<string, Route> = {
    ...projectRoutes(context),
    ...fileRoutes(context),
    ...compileRoutes(context),
    ...backtestRoutes(context),
    ...liveRoutes(context),
    ...aiToolRoutes(context),
  };
  const faults = createFaultQueue(options.faults);
  const requests = new Map<string, number>();
  const windowSeconds = options.timestampWindowSeconds ?? 7200;
  const authenticationStatus = options.authenticationFailureStatus ?? 200;

  const answerApi = async (path: string, url: URL, request: IncomingMessage): Promise<Answer> => {
    if (request.method !== 'POST' && request.method !== 'GET') {
      return envelope(405, { success: false, errors: [`${request.method} is not supported; use POST.`] });
    }
    const body = await readBody(request);
    const failure = authenticationFailure(request.headers, credentials, {
      nowSeconds: Math.floor(now().getTime() / 1000),
      windowSeconds,
    });
    if (failure) return envelope(authenticationStatus, { success: false, errors: [failure] });
    const route = routes[path];
    if (!route) return envelope(404, { success: false, errors: [`There is no API endpoint '${path}'.`] });
    try {
      return envelope(200, { ...route(requestInput(url, body)), success: true });
    } catch (error) {
      // Almost every API-level failure is HTTP 200 with success false, as QuantConnect answers.
      if (error instanceof EmulatedRequestError)
        return envelope(200, { success: false, errors: [error.message] });
      throw error;
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    if (!url.pathname.startsWith(API_PREFIX)) {
      const page = request.method === 'GET' ? renderEmulatorPage(engine, url.pathname) : undefined;
      response.writeHead(page?.status ?? 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page?.html ?? '<!doctype html><p>Not found.</p>\n');
      return;
    }
    const path = url.pathname.slice(API_PREFIX.length).replace(/\/+$/, '');
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const fault = faults.take(path);
    if (fault && !fault.afterProcessing) return playFault(fault, request, response);
    const answer = await answerApi(path, url, request);
    if (fault) return playFault(fault, request, response);
    send(response, answer);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      const tooLarge = error instanceof RequestTooLargeError;
      const message = error instanceof Error ? error.message : String(error);
      send(
        response,
        envelope(tooLarge ? 413 : 500, {
          success: false,
          errors: [tooLarge ? message : `The emulator failed on this request: ${message}`],
        }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The emulator is not listening on TCP.');
  const { port } = address;
  const webUrl = `http://${HOST}:${port}/`;
  let closing: Promise<void> | undefined;

  return {
    url: `${webUrl}api/v2/`,
    webUrl,
    userId: credentials.userId,
    apiToken: credentials.apiToken,
    get requests() {
      return Object.fromEntries([...requests.entries()].sort(([left], [right]) => left.localeCompare(right)));
    },
    get totalRequests() {
      return [...requests.values()].reduce((sum, count) => sum + count, 0);
    },
    projectUrl: (projectId) => `${webUrl}project/${projectId}`,
    backtestUrl: (projectId, backtestId) => `${webUrl}project/${projectId}/${backtestId}`,
    injectFault: (fault) => faults.add(fault),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung requests and idle keep-alive sockets would otherwise hold the server open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function envelope(status: number, body: Record<string, unknown>): Answer {
  return { status, body: { ...body, emulated: true } };
}

function send(response: ServerResponse, answer: Answer): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function playFault(fault: EmulatorFault, request: IncomingMessage, response: ServerResponse): void {
  if (fault.kind === 'hang') {
    // Keep reading so the client finishes sending, then never answer; close() drops the socket.
    request.resume();
    return;
  }
  if (fault.kind === 'reset') {
    request.socket.destroy();
    return;
  }
  const text = fault.body ?? faultPage(fault.status);
  const headers: Record<string, string | number> = {
    'content-type': isJson(text) ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  };
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  request.resume();
  response.writeHead(fault.status, headers);
  response.end(text);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
