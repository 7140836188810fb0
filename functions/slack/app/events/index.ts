import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../listener-types.js';
import { threadReply } from './thread-reply.js';

/** Registers the Events API listeners. */
export function register(app: App, deps: ListenerDeps): void {
  app.event('message', threadReply(deps));
}
