import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { type CallToolResult, CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { createMcpToolContext } from '../../functions/mcp/create-tool-context.js';
import { createQuantCoderMcpServer } from '../../functions/mcp/server.js';
import type { McpToolContext } from '../../functions/mcp/tool-context.js';
import {
  type QuantConnectEmulator,
  type QuantConnectEmulatorOptions,
  startQuantConnectEmulator,
} from '../../functions/quantconnect/emulator/http/emulator-server.js';
import { silentLogger } from '../../functions/shared/logger.js';
import { validateProject } from '../../functions/validator/validate-project.js';

/** A main.py that buys SPY and holds it: compiles, trades, completes. */
export const BUY_AND_HOLD = [
  'from AlgorithmImports import *',
  '',
  'class BuyAndHold(QCAlgorithm):',
  '    def initialize(self):',
  '        self.set_start_date(2020, 1, 1)',
  '        self.set_cash(100000)',
  '        self.spy = self.add_equity("SPY", Resolution.DAILY).symbol',
  '',
  '    def on_data(self, data):',
  '        if not self.portfolio.invested:',
  '            self.set_holdings(self.spy, 1.0)',
  '',
].join('\n');

/** A connected SDK client, the emulator behind the server, and how to stop both. */
export interface McpHarness {
  client: Client;
  emulator: QuantConnectEmulator;
  close(): Promise<void>;
}

/**
 * The QuantCoder MCP server over an in-memory transport, as the CLI builds it (createMcpToolContext), with
 * QC_USER_ID, QC_API_TOKEN and QC_API_URL pointing at an HTTP emulator on 127.0.0.1 unless `environment`
 * says otherwise. Waits are instant unless `context` brings its own clock.
 */
export async function startMcpHarness(
  options: {
    environment?: NodeJS.ProcessEnv;
    emulator?: Partial<QuantConnectEmulatorOptions>;
    context?: Partial<McpToolContext>;
    withoutCredentials?: boolean;
  } = {},
): Promise<McpHarness> {
  const emulator = await startQuantConnectEmulator({
    compileCheck: (files) => validateProject(files),
    ...options.emulator,
  });
  const credentials = options.withoutCredentials
    ? {}
    : { QC_USER_ID: emulator.userId, QC_API_TOKEN: emulator.apiToken, QC_API_URL: emulator.url };
  const handle = createMcpToolContext({ ...credentials, ...options.environment }, silentLogger);
  const context: McpToolContext = { ...handle.context, sleep: async () => {}, ...options.context };
  const server = createQuantCoderMcpServer(context);
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'quantcoder-test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    emulator,
    async close() {
      await client.close();
      await server.close();
      await handle.close();
      await emulator.close();
    },
  };
}

/** Calls a tool; the result with its text joined. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  onProgress?: (message: string) => void,
): Promise<CallToolResult & { text: string }> {
  const result = CallToolResultSchema.parse(
    await client.callTool(
      { name, arguments: args },
      undefined,
      onProgress ? { onprogress: (progress) => onProgress(progress.message ?? '') } : undefined,
    ),
  );
  const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  return { ...result, text };
}
