import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createQuantCoderMcpServer } from './server.js';
import type { McpToolContext } from './tool-context.js';

/** The path MCP clients post to: http://127.0.0.1:<port>/mcp. */
const MCP_HTTP_PATH = '/mcp';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]']);

/** A listening streamable-HTTP MCP server. */
export interface McpHttpServer {
  /** Where clients connect, e.g. http://127.0.0.1:8765/mcp. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the tools over streamable HTTP (stateless: a server and transport per request, sharing one context)
 * on `host` (127.0.0.1 unless asked otherwise). A DNS-rebinding page in a browser reaches a loopback port
 * under another host name: requests whose Host, or Origin when sent, is not the server's own name or a
 * loopback name are refused with 403.
 */
export async function startMcpHttpServer(options: {
  context: McpToolContext;
  port: number;
  host?: string;
}): Promise<McpHttpServer> {
  const { context } = options;
  const host = options.host ?? '127.0.0.1';
  const anyHost = ALL_INTERFACES.has(host);
  const allowed = new Set([...LOOPBACK_HOSTS, bracketed(host)]);
  if (!LOOPBACK_HOSTS.includes(bracketed(host))) {
    context.logger.warn('the MCP server listens beyond this machine and has no authentication', { host });
  }
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== MCP_HTTP_PATH)
      return answer(response, 404, -32000, `Not found: MCP is at ${MCP_HTTP_PATH}.`);
    if (!anyHost && !isAllowed(request, allowed)) {
      return answer(
        response,
        403,
        -32000,
        'Forbidden: this host or origin may not use the QuantCoder MCP server.',
      );
    }
    if (request.method !== 'POST') {
      // Stateless: no session to stream server-initiated messages on, nothing to delete.
      response.setHeader('allow', 'POST');
      return answer(response, 405, -32000, 'Method not allowed: POST JSON-RPC messages to this endpoint.');
    }
    const server = createQuantCoderMcpServer(context);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response);
  };
  const httpServer = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      context.logger.error('MCP HTTP request failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (!response.headersSent) answer(response, 500, -32603, 'Internal error.');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const url = `http://${bracketed(anyHost ? '127.0.0.1' : host)}:${port}${MCP_HTTP_PATH}`;
  context.logger.info('MCP server ready on streamable HTTP', { url });
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        httpServer.closeAllConnections();
        httpServer.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** An IPv6 address as it appears in a Host header and a URL. */
function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function hostnameOf(value: string): string | undefined {
  try {
    return new URL(value.includes('://') ? value : `http://${value}`).hostname;
  } catch {
    return undefined;
  }
}

function isAllowed(request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const host = hostnameOf(request.headers.host ?? '');
  if (host === undefined || !allowed.has(host)) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const originHost = hostnameOf(origin);
  return originHost !== undefined && allowed.has(originHost);
}

function answer(response: ServerResponse, status: number, code: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}
