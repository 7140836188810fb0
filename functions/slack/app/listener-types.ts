import type { types } from '@slack/bolt';
import type { RunStarter } from '../../pipeline/run-starter.js';
import type { ArtifactStore } from '../../shared/artifact-store.js';
import type { Logger } from '../../shared/logger.js';
import type { EphemeralReply } from './replies.js';

/** What every listener is given by the composition root. */
export interface ListenerDeps {
  starter: RunStarter;
  /** Slack user ids allowed to deploy to paper trading. */
  deployers: ReadonlySet<string>;
  now: () => Date;
  logger: Logger;
  /**
   * Where runs keep their files (the artifact bucket), for fresh download links, built on first use so the
   * S3 SDK loads only when a link is asked for; unset, links are not offered.
   */
  store?: () => Promise<ArtifactStore>;
}

/** The Web API calls listeners make: a slice of WebClient, so tests pass a plain fake. */
export interface ListenerClient {
  views: { open(options: { trigger_id: string; view: types.ModalView }): Promise<unknown> };
  chat: {
    postEphemeral(options: {
      channel: string;
      user: string;
      text: string;
      thread_ts?: string;
    }): Promise<unknown>;
  };
}

/** The context fields listeners read (Bolt's context has more). */
export interface ListenerContext {
  botUserId?: string;
  teamId?: string;
  /** Set when Slack is retrying an event it thinks was not delivered. */
  retryNum?: number;
}

/** A slash command listener's arguments; the payload is parsed by the listener. */
export interface CommandListenerArgs {
  command: unknown;
  ack: (reply?: EphemeralReply) => Promise<void>;
}

/** An Events API listener's arguments (Bolt has already acknowledged the event). */
export interface EventListenerArgs {
  event: unknown;
  body: unknown;
  context: ListenerContext;
  client: Pick<ListenerClient, 'chat'>;
}

/** An ephemeral message sent back through an interaction's response_url, leaving the clicked message as it is. */
export interface EphemeralFollowUp extends EphemeralReply {
  replace_original: false;
}

/** A button listener's arguments. */
export interface ActionListenerArgs {
  body: unknown;
  ack: () => Promise<void>;
  client: ListenerClient;
  respond: (reply: EphemeralFollowUp) => Promise<unknown>;
}

/** The answer to a modal submission with a message under each input that is wrong. */
export interface ViewErrors {
  response_action: 'errors';
  errors: Record<string, string>;
}

/** A view_submission listener's arguments: acknowledging with nothing closes the modal. */
export interface ViewListenerArgs {
  body: unknown;
  ack: (response?: ViewErrors) => Promise<void>;
}

/** Wraps text as an ephemeral follow-up. */
export function ephemeralFollowUp(text: string): EphemeralFollowUp {
  return { response_type: 'ephemeral', replace_original: false, text };
}
