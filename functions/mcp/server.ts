import { readFileSync } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { McpToolContext } from './tool-context.js';
import { registerBacktestTool } from './tools/backtest.js';
import { registerDeployLiveTool } from './tools/deploy-live.js';
import { registerGenerateStrategyTool } from './tools/generate-strategy.js';
import { registerGetApiDocsTool } from './tools/get-api-docs.js';
import { registerGetBacktestTool } from './tools/get-backtest.js';
import { registerValidateCodeTool } from './tools/validate-code.js';

const INSTRUCTIONS = [
  'QuantCoder writes, checks and backtests QuantConnect (LEAN, Python) algorithms.',
  'Before writing LEAN calls you are unsure of, look them up with get_api_docs; check code with validate_code',
  '(milliseconds, offline) before backtest; backtest answers Running with ids when a backtest outlasts its wait:',
  'read it later with get_backtest. generate_strategy builds a whole project from an idea. Results from the local',
  'emulator are labelled emulated: they are not market results.',
].join(' ');

let version: string | undefined;

/** The version in package.json, which the server reports to clients (read once: HTTP makes a server per request). */
function packageVersion(): string {
  if (version === undefined) {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    version = z.object({ version: z.string() }).parse(JSON.parse(text)).version;
  }
  return version;
}

/** An MCP server with every QuantCoder tool registered over one context; connect it to any transport. */
export function createQuantCoderMcpServer(context: McpToolContext): McpServer {
  const server = new McpServer(
    { name: 'quantcoder', title: 'QuantCoder', version: packageVersion() },
    { instructions: INSTRUCTIONS },
  );
  registerValidateCodeTool(server, context);
  registerBacktestTool(server, context);
  registerGetBacktestTool(server, context);
  registerGetApiDocsTool(server, context);
  registerGenerateStrategyTool(server, context);
  registerDeployLiveTool(server, context);
  return server;
}
