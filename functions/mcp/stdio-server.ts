import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createQuantCoderMcpServer } from './server.js';
import type { McpToolContext } from './tool-context.js';

/**
 * Serves the tools over newline-delimited JSON-RPC on stdin/stdout until stdin ends (the client closed it or
 * went away), then closes the server. Nothing else may write to `output`: it carries the protocol.
 */
export async function serveStdio(
  context: McpToolContext,
  streams: { input: Readable; output: Writable } = { input: process.stdin, output: process.stdout },
): Promise<void> {
  const server = createQuantCoderMcpServer(context);
  const ended = new Promise<void>((resolve) => {
    streams.input.once('end', resolve);
    streams.input.once('close', resolve);
  });
  await server.connect(new StdioServerTransport(streams.input, streams.output));
  context.logger.info('MCP server ready on stdio');
  await ended;
  await server.close();
  context.logger.info('MCP client closed stdin; server stopped');
}
