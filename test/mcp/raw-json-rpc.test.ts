import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cliEnvironment } from './cli-environment.js';

type Message = {
  jsonrpc?: string;
  id?: number;
  method?: string;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
};

/**
 * A client that is not the SDK: newline-delimited JSON-RPC written to the server's stdin, read from its
 * stdout, every stdout line checked to be a JSON-RPC message (anything else would break such a client).
 */
function rawClient(child: ChildProcessWithoutNullStreams) {
  const messages: Message[] = [];
  const strays: string[] = [];
  const waiting = new Map<number, (message: Message) => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    let message: Message;
    try {
      message = JSON.parse(line);
    } catch {
      strays.push(line);
      return;
    }
    messages.push(message);
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  const send = (message: Record<string, unknown>) =>
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  return {
    messages,
    strays,
    notify: (method: string, params: Record<string, unknown> = {}) => send({ method, params }),
    request(id: number, method: string, params?: Record<string, unknown>): Promise<Message> {
      const answered = new Promise<Message>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to ${method} within 20 s`)), 20_000);
        waiting.set(id, (message) => {
          clearTimeout(timer);
          resolve(message);
        });
      });
      send({ id, method, ...(params ? { params } : {}) });
      return answered;
    },
  };
}

const children: ChildProcessWithoutNullStreams[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
});

describe('quantcoder mcp for a client that speaks plain JSON-RPC over stdio', () => {
  it('initializes, lists and calls tools, answers malformed requests with protocol errors, and exits when stdin closes', async () => {
    // Prepare
    const child = spawn(process.execPath, [CLI, 'mcp'], { env: cliEnvironment({}), stdio: 'pipe' });
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const client = rawClient(child);

    // Act
    const initialized = await client.request(1, 'initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'plain-json-rpc', version: '0.0.1' },
    });
    client.notify('notifications/initialized');
    const listed = await client.request(2, 'tools/list', {});
    const called = await client.request(3, 'tools/call', {
      name: 'get_api_docs',
      arguments: { query: 'QCAlgorithm.set_holdings' },
      _meta: { progressToken: 'p-3' },
    });
    const failed = await client.request(4, 'tools/call', {
      name: 'get_api_docs',
      arguments: { query: 'Resolution.DAYLY' },
    });
    const malformed = await client.request(5, 'tools/call', { arguments: {} });
    const unknownMethod = await client.request(6, 'tools/explode', {});
    child.stdin.end();
    const code = await exited;

    // Assess
    expect(initialized.result).toMatchObject({
      protocolVersion: '2025-06-18',
      serverInfo: { name: 'quantcoder' },
      capabilities: { tools: {} },
    });
    const tools = (listed.result?.tools ?? []) as Array<{ name: string; inputSchema: { type: string } }>;
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'backtest',
      'deploy_live',
      'generate_strategy',
      'get_api_docs',
      'get_backtest',
      'validate_code',
    ]);
    expect(called.result).toMatchObject({
      structuredContent: { matches: [{ name: 'SetHoldings', pythonName: 'set_holdings' }] },
    });
    expect(called.result?.isError).toBeUndefined();
    expect(failed.result).toMatchObject({ isError: true });
    expect(JSON.stringify(failed.result)).toContain("Did you mean 'DAILY'");
    // A request that breaks the protocol is a JSON-RPC error, not a tool result (SDK 1.32 says -32603).
    expect(malformed.result).toBeUndefined();
    expect(malformed.error?.code).toBeLessThan(-32000);
    expect(malformed.error?.message).toContain('name');
    expect(unknownMethod.error?.code).toBe(-32601);
    expect(client.strays).toEqual([]);
    expect(client.messages.every((message) => message.jsonrpc === '2.0')).toBe(true);
    expect(code).toBe(0);
  }, 60_000);

  it('keeps stdout to JSON-RPC through a whole generate_strategy run (CDK synth, local runner, emulator)', async () => {
    // Prepare
    const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-mcp-stdio-runs-'));
    const child = spawn(process.execPath, [CLI, 'mcp', '--out', outDir], {
      env: cliEnvironment({ LOG_LEVEL: 'debug' }),
      stdio: 'pipe',
    });
    children.push(child);
    const client = rawClient(child);
    await client.request(1, 'initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'plain-json-rpc', version: '0.0.1' },
    });
    client.notify('notifications/initialized');

    // Act
    const generated = await client.request(2, 'tools/call', {
      name: 'generate_strategy',
      arguments: { idea: 'SMA crossover on SPY' },
      _meta: { progressToken: 7 },
    });
    child.stdin.end();

    // Assess
    expect(generated.result?.isError).toBeUndefined();
    expect(generated.result?.structuredContent).toMatchObject({ status: 'succeeded', mode: 'local' });
    expect(JSON.stringify(generated.result?.structuredContent)).toContain(outDir);
    const progress = client.messages.filter((message) => message.method === 'notifications/progress');
    expect(progress.length).toBeGreaterThan(5);
    expect(client.strays).toEqual([]);
  }, 60_000);
});
