import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

/** What the SDK hands a tool besides its arguments: the request's metadata, abort signal and notifier. */
export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;
