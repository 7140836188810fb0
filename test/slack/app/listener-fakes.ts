import type { types } from '@slack/bolt';
import {
  RunStartError,
  type RunStarter,
  type StartOutcome,
} from '../../../functions/pipeline/run-starter.js';
import type { RunRequest } from '../../../functions/pipeline/run-state.js';
import { silentLogger } from '../../../functions/shared/logger.js';
import type {
  EphemeralFollowUp,
  ListenerClient,
  ListenerDeps,
} from '../../../functions/slack/app/listener-types.js';

export const NOW = new Date('2026-03-02T10:00:00Z');

/** A RunStarter that records each start and answers like Step Functions: a name used twice is taken. */
export function recordingStarter(options: { failWith?: string } = {}) {
  const starts: Array<{ name: string; request: RunRequest }> = [];
  const starter: RunStarter = {
    async start(name, request): Promise<StartOutcome> {
      if (options.failWith) throw new RunStartError(options.failWith);
      if (starts.some((start) => start.name === name)) return { status: 'already-running' };
      starts.push({ name, request });
      return {
        status: 'started',
        executionArn: `arn:aws:states:us-east-1:123456789012:execution:QuantCoder:${name}`,
      };
    },
  };
  return { starter, starts };
}

/** An ack that records what it was given; calling it twice fails, as Bolt's does. */
export function recordingAck<T>() {
  const answers: Array<T | undefined> = [];
  const ack = async (answer?: T) => {
    if (answers.length > 0) throw new Error('ack called twice');
    answers.push(answer);
  };
  return { ack, answers };
}

/** The Web API slice the listeners use, recording calls; views.open can be made to fail. */
export function recordingClient(options: { openFails?: Error } = {}) {
  const opened: Array<Parameters<ListenerClient['views']['open']>[0]> = [];
  const ephemerals: Array<Parameters<ListenerClient['chat']['postEphemeral']>[0]> = [];
  const client: ListenerClient = {
    views: {
      async open(request) {
        if (options.openFails) throw options.openFails;
        opened.push(request);
        return { ok: true };
      },
    },
    chat: {
      async postEphemeral(request) {
        ephemerals.push(request);
        return { ok: true };
      },
    },
  };
  return { client, opened, ephemerals };
}

/** A respond() that records the follow-ups. */
export function recordingRespond() {
  const responses: EphemeralFollowUp[] = [];
  const respond = async (reply: EphemeralFollowUp) => {
    responses.push(reply);
  };
  return { respond, responses };
}

/** Listener deps around a starter, with a fixed clock and one deployer. */
export function listenerDeps(starter: RunStarter, deployers: string[] = ['U0DEPLOYER']): ListenerDeps {
  return { starter, deployers: new Set(deployers), now: () => NOW, logger: silentLogger };
}

/** The elements of a modal's input blocks, in order. */
export function inputElementsOf(view: types.ModalView | undefined): unknown[] {
  return (view?.blocks ?? []).flatMap((block) => ('element' in block ? [block.element] : []));
}
