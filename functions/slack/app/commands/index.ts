import type { App } from '@slack/bolt';
import { QUANTCODER_COMMAND } from '../command-name.js';
import type { ListenerDeps } from '../listener-types.js';
import { quantcoderCommand } from './quantcoder-command.js';

/** Registers the slash command listeners. */
export function register(app: App, deps: ListenerDeps): void {
  app.command(QUANTCODER_COMMAND, quantcoderCommand(deps));
}
