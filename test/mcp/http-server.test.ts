import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpToolContext } from '../../functions/mcp/create-tool-context.js';
import { type McpHttpServer, startMcpHttpServer } from '../../functions/mcp/http-server.js';
import {
  type QuantConnectEmulator,
  startQuantConnectEmulator,
} from '../../functions/quantconnect/emulator/http/emulator-server.js';
import { silentLogger } from '../../functions/shared/logger.js';
import { validateProject } from '../../functions/validator/validate-project.js';
import { CLI, cliEnvironment } from './cli-environment.js';
import { BUY_AND_HOLD } from './mcp-harness.js';

let emulator: QuantConnectEmulator;
let server: McpHttpServer;
let closeContext: () => Promise<void>;

beforeAll(async () => {
  emulator = await startQuantConnectEmulator({ compileCheck: (files) => validateProject(files) });
  const handle = createMcpToolContext(
    { QC_USER_ID: emulator.userId, QC_API_TOKEN: emulator.apiToken, QC_API_URL: emulator.url },
    silentLogger,
  );
  closeContext = handle.close;
  server = await startMcpHttpServer({ context: { ...handle.context, sleep: async () => {} }, port: 0 });
});

afterAll(async () => {
  await server.close();
  await closeContext();
  await emulator.close();
});

describe('quantcoder mcp over streamable HTTP', () => {
  it('listens on 127.0.0.1, lists the tools and runs a backtest with progress', async () => {
    // Prepare
    const client = new Client({ name: 'quantcoder-http-test', version: '1.0.0' });
    const progress: string[] = [];

    // Act
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    const { tools } = await client.listTools();
    const result = CallToolResultSchema.parse(
      await client.callTool(
        { name: 'backtest', arguments: { files: { 'main.py': BUY_AND_HOLD } } },
        undefined,
        {
          onprogress: (notification) => progress.push(notification.message ?? ''),
        },
      ),
    );
    await client.close();

    // Assess
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(tools).toHaveLength(6);
    expect(result.structuredContent).toMatchObject({ status: 'Completed' });
    expect(progress.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses requests for another host name or from another origin (DNS rebinding), and GET', async () => {
    // Prepare
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const port = new URL(server.url).port;

    // Act
    // fetch drops a Host header it is given; node:http sends it as a rebound browser would.
    const rebound = await new Promise<{ status: number }>((resolve, reject) => {
      const sent = request(
        server.url,
        { method: 'POST', headers: { ...headers, host: `attacker.example:${port}` } },
        (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0 });
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
    const foreignPage = await fetch(server.url, {
      method: 'POST',
      body,
      headers: { ...headers, origin: 'https://attacker.example' },
    });
    const localPage = await fetch(server.url, {
      method: 'POST',
      body,
      headers: { ...headers, origin: `http://localhost:${port}` },
    });
    const get = await fetch(server.url, { headers: { accept: 'text/event-stream' } });
    const elsewhere = await fetch(new URL('/other', server.url), { method: 'POST', body, headers });

    // Assess
    expect(rebound.status).toBe(403);
    expect(foreignPage.status).toBe(403);
    expect(localPage.status).toBe(200);
    expect(get.status).toBe(405);
    expect(elsewhere.status).toBe(404);
  });
});

describe('quantcoder mcp --http', () => {
  it('prints where it listens and serves until it is stopped', async () => {
    // Prepare
    const child = spawn(process.execPath, [CLI, 'mcp', '--http', '0'], {
      env: cliEnvironment({}),
      stdio: 'pipe',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no URL on stderr within 20 s')), 20_000);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const match = /QuantCoder MCP server: (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const client = new Client({ name: 'quantcoder-http-cli-test', version: '1.0.0' });

    // Act
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const result = CallToolResultSchema.parse(
      await client.callTool({ name: 'get_api_docs', arguments: { query: 'Resolution.DAILY' } }),
    );
    await client.close();
    child.kill('SIGTERM');
    const code = await exited;

    // Assess
    expect(result.structuredContent).toMatchObject({ matches: [{ name: 'Daily', pythonName: 'DAILY' }] });
    expect(code).toBe(0);
  }, 60_000);
});
