import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SourceFile } from '../../../../functions/agents/tasks.js';
import {
  type QuantConnectEmulator,
  type QuantConnectEmulatorOptions,
  startQuantConnectEmulator,
} from '../../../../functions/quantconnect/emulator/http/emulator-server.js';
import { FIXED_NOW } from '../emulator-fixture.js';

/** A clock the test moves by hand; the emulator and the signing helper both read it. */
export interface TestClock {
  now(): Date;
  advance(seconds: number): void;
}

export function testClock(start: Date = FIXED_NOW): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (seconds) => {
      current += seconds * 1000;
    },
  };
}

/** `Authorization` and `Timestamp` as QuantConnect expects them, computed here independently of the server. */
export function signedHeaders(userId: string, apiToken: string, timestamp: number): Record<string, string> {
  const hash = createHash('sha256').update(`${apiToken}:${timestamp}`).digest('hex');
  return {
    Authorization: `Basic ${Buffer.from(`${userId}:${hash}`).toString('base64')}`,
    Timestamp: String(timestamp),
  };
}

const Envelope = z.object({ success: z.boolean(), errors: z.array(z.string()).optional() }).loose();

export interface Answer {
  status: number;
  headers: Headers;
  json: z.infer<typeof Envelope>;
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  timestamp?: number;
  apiToken?: string;
  userId?: string;
  signal?: AbortSignal;
}

export interface Harness {
  emulator: QuantConnectEmulator;
  clock: TestClock;
  /** One signed API call over real HTTP; `body` goes as JSON (POST) or as the query string (GET). */
  call(path: string, body?: Record<string, unknown>, options?: CallOptions): Promise<Answer>;
}

const open: QuantConnectEmulator[] = [];

/** Starts an emulator on 127.0.0.1 with a fixed clock and a compile check that finds nothing. */
export async function startHarness(options: Partial<QuantConnectEmulatorOptions> = {}): Promise<Harness> {
  const clock = testClock();
  const emulator = await startQuantConnectEmulator({ compileCheck: () => [], now: clock.now, ...options });
  open.push(emulator);
  return {
    emulator,
    clock,
    async call(path, body = {}, callOptions = {}) {
      const timestamp = callOptions.timestamp ?? Math.floor(clock.now().getTime() / 1000);
      const headers = signedHeaders(
        callOptions.userId ?? emulator.userId,
        callOptions.apiToken ?? emulator.apiToken,
        timestamp,
      );
      const method = callOptions.method ?? 'POST';
      const url = new URL(path, emulator.url);
      if (method === 'GET') {
        for (const [name, value] of Object.entries(body)) url.searchParams.set(name, String(value));
      }
      const response = await fetch(url, {
        method,
        headers: { ...headers, ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}) },
        body: method === 'POST' ? JSON.stringify(body) : undefined,
        signal: callOptions.signal ?? AbortSignal.timeout(5000),
      });
      return {
        status: response.status,
        headers: response.headers,
        json: Envelope.parse(await response.json()),
      };
    },
  };
}

/** Closes every emulator the test started (call from afterEach). */
export async function closeHarnesses(): Promise<void> {
  await Promise.all(open.splice(0).map((emulator) => emulator.close()));
}

/** The answer's fields, failing the test with the server's errors when it was not a success. */
export function succeeded(answer: Answer): Record<string, unknown> {
  if (answer.status !== 200 || !answer.json.success) {
    throw new Error(`expected success, got ${answer.status}: ${JSON.stringify(answer.json)}`);
  }
  return answer.json;
}

const ProjectsAnswer = z.object({ projects: z.array(z.object({ projectId: z.number() }).loose()) });
const CreatedCompile = z.object({ compileId: z.string() }).loose();
const CompileAnswer = z
  .object({ compileId: z.string(), state: z.string(), logs: z.array(z.string()) })
  .loose();
export const WireBacktest = z
  .object({
    backtestId: z.string(),
    name: z.string(),
    status: z.string(),
    completed: z.boolean(),
    progress: z.number(),
    error: z.string().nullable(),
    stacktrace: z.string().nullable(),
    hasInitializeError: z.boolean(),
    statistics: z.union([z.array(z.unknown()), z.record(z.string(), z.string())]),
    runtimeStatistics: z.record(z.string(), z.string()),
    charts: z.record(z.string(), z.object({ name: z.string() })),
    parameterSet: z.union([z.array(z.unknown()), z.record(z.string(), z.string())]),
  })
  .loose();
export type WireBacktest = z.infer<typeof WireBacktest>;

/** Creates a project and returns its id. */
export async function createProject(harness: Harness, name = `project-${Math.random()}`): Promise<number> {
  const answer = ProjectsAnswer.parse(
    succeeded(await harness.call('projects/create', { name, language: 'Py' })),
  );
  const project = answer.projects[0];
  if (!project) throw new Error('projects/create returned no project');
  return project.projectId;
}

/** Writes files the way a client must: update what exists (main.py), create the rest. */
export async function writeFiles(
  harness: Harness,
  projectId: number,
  files: readonly SourceFile[],
): Promise<void> {
  for (const file of files) {
    const path = file.name === 'main.py' ? 'files/update' : 'files/create';
    succeeded(await harness.call(path, { projectId, name: file.name, content: file.content }));
  }
}

/** Compiles the project and reads the compile until it leaves the queue (bounded). */
export async function compileToEnd(
  harness: Harness,
  projectId: number,
): Promise<z.infer<typeof CompileAnswer>> {
  const { compileId } = CreatedCompile.parse(succeeded(await harness.call('compile/create', { projectId })));
  for (let read = 0; read < 20; read += 1) {
    const compile = CompileAnswer.parse(
      succeeded(await harness.call('compile/read', { projectId, compileId })),
    );
    if (compile.state !== 'InQueue') return compile;
  }
  throw new Error(`compile ${compileId} never finished`);
}

/** Creates a project with `files`, compiles it and starts a backtest. */
export async function startBacktest(
  harness: Harness,
  files: readonly SourceFile[],
  extra: Record<string, unknown> = {},
): Promise<{ projectId: number; backtestId: string; created: WireBacktest }> {
  const projectId = await createProject(harness);
  await writeFiles(harness, projectId, files);
  const compile = await compileToEnd(harness, projectId);
  if (compile.state !== 'BuildSuccess') throw new Error(`build failed: ${compile.logs.join('\n')}`);
  const answer = succeeded(
    await harness.call('backtests/create', {
      projectId,
      compileId: compile.compileId,
      backtestName: 'Test Backtest',
      ...extra,
    }),
  );
  const created = WireBacktest.parse(answer.backtest);
  return { projectId, backtestId: created.backtestId, created };
}

/** Reads the backtest until it is done by REST.md's rule (error set, or completed with statistics), bounded. */
export async function readBacktestToEnd(
  harness: Harness,
  projectId: number,
  backtestId: string,
): Promise<WireBacktest[]> {
  const seen: WireBacktest[] = [];
  for (let read = 0; read < 20; read += 1) {
    const backtest = WireBacktest.parse(
      succeeded(await harness.call('backtests/read', { projectId, backtestId })).backtest,
    );
    seen.push(backtest);
    if (backtest.error !== null || (backtest.completed && !Array.isArray(backtest.statistics))) return seen;
  }
  throw new Error(`backtest ${backtestId} never finished`);
}
