import { resolve } from 'node:path';
import { createMcpToolContext } from '../../functions/mcp/create-tool-context.js';
import { OUT_DIR_SETTING } from '../../functions/mcp/generation/local-generation.js';
import { startMcpHttpServer } from '../../functions/mcp/http-server.js';
import { serveStdio } from '../../functions/mcp/stdio-server.js';
import { createLogger } from '../../functions/shared/logger.js';

export interface McpCommandOptions {
  /** Serve streamable HTTP on this port instead of stdio (0: any free port). */
  http?: number;
  host: string;
  out?: string;
}

/**
 * Stdout is the protocol on stdio: a library that logs with console.log would corrupt it, so the console's
 * stdout methods write to stderr for the life of the server.
 */
function keepStdoutForTheProtocol(): void {
  const toStderr = (...values: unknown[]) => console.error(...values);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

/** `quantcoder mcp [--http PORT] [--host ADDRESS] [--out DIR]`: serves the QuantCoder tools to MCP clients. */
export async function mcpCommand(options: McpCommandOptions): Promise<void> {
  if (options.http === undefined) keepStdoutForTheProtocol();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    ...(options.out !== undefined ? { [OUT_DIR_SETTING]: resolve(options.out) } : {}),
  };
  const handle = createMcpToolContext(environment, logger);
  try {
    if (options.http === undefined) {
      await serveStdio(handle.context);
      return;
    }
    const server = await startMcpHttpServer({
      context: handle.context,
      port: options.http,
      host: options.host,
    });
    process.stderr.write(`QuantCoder MCP server: ${server.url} (Ctrl-C stops it)\n`);
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    await server.close();
  } finally {
    await handle.close();
  }
}
