import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type QuantConnectEmulator,
  startQuantConnectEmulator,
} from '../../functions/quantconnect/emulator/http/emulator-server.js';
import { validateProject } from '../../functions/validator/validate-project.js';
import { CLI, cliEnvironment } from './cli-environment.js';
import { BUY_AND_HOLD } from './mcp-harness.js';

let emulator: QuantConnectEmulator;

beforeAll(async () => {
  emulator = await startQuantConnectEmulator({ compileCheck: (files) => validateProject(files) });
});

afterAll(() => emulator.close());

describe('quantcoder mcp over stdio, as Claude Desktop, Claude Code and Cursor start it', () => {
  it('lists the tools and runs validate_code and a backtest against QuantConnect', async () => {
    // Prepare
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp'],
      env: cliEnvironment({
        QC_USER_ID: emulator.userId,
        QC_API_TOKEN: emulator.apiToken,
        QC_API_URL: emulator.url,
      }),
      stderr: 'pipe',
    });
    const client = new Client({ name: 'quantcoder-stdio-test', version: '1.0.0' });
    const progress: string[] = [];

    // Act
    await client.connect(transport);
    const { tools } = await client.listTools();
    const validation = CallToolResultSchema.parse(
      await client.callTool({ name: 'validate_code', arguments: { files: { 'main.py': BUY_AND_HOLD } } }),
    );
    const backtest = CallToolResultSchema.parse(
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
    expect(tools.map((tool) => tool.name)).toContain('generate_strategy');
    expect(client.getServerVersion()).toMatchObject({ name: 'quantcoder' });
    expect(validation.structuredContent).toMatchObject({ ok: true, files: 1 });
    expect(backtest.structuredContent).toMatchObject({ status: 'Completed', emulated: false });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(emulator.requests['backtests/create']).toBe(1);
  }, 60_000);
});
