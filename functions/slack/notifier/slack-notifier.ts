import type { WebClient } from '@slack/web-api';
import type { RunState, SlackThread } from '../../pipeline/run-state.js';
import type { ArtifactStore } from '../../shared/artifact-store.js';
import type { Logger } from '../../shared/logger.js';
import type { Notifier, NotifierPatch, ProgressEvent } from '../../shared/notifier.js';
import { rootMessage } from '../blocks/root-message.js';
import { statusMessage } from '../blocks/status-message.js';
import { type FinalContext, postFinalMessages, type RenderChart } from './final-messages.js';
import { callSlack } from './slack-calls.js';
import { isWriterStage } from './stage-labels.js';
import { buildStatusView } from './status-view.js';
import { openThread, postStatus } from './thread-opener.js';
import {
  progressFingerprint,
  readWriterProgress,
  recordWriterProgress,
  type WriterProgress,
} from './writer-progress.js';

export interface SlackNotifierOptions {
  /** A WebClient built with `rejectRateLimitedCalls: true`, so rate limits come back to the notifier's policy. */
  client: WebClient;
  store: ArtifactStore;
  logger: Logger;
  /** Slack user ids who see the "Deploy to paper" button. */
  deployers: ReadonlySet<string>;
  now: () => Date;
  /** @default setTimeout */
  sleep?: (milliseconds: number) => Promise<void>;
  /** The QuantConnect backtest page; without it the summary links the project page. */
  backtestUrl?: (projectId: number, backtestId: string) => string;
  /** @default 10 seconds */
  maxRateLimitWaitSeconds?: number;
  /**
   * Draws the equity chart. Only the report functions pass one (they alone carry vega and resvg); without
   * it no chart is posted.
   */
  renderChart?: RenderChart;
}

/** Polls while a backtest runs update the status this often: every poll at first, then every fifth. */
const EVERY_POLL_UNTIL = 10;
const POLL_UPDATE_EVERY = 5;

/**
 * Which events change the status message. Stage starts do not (the next finish shows the running stage),
 * nor do report stages (the finished event does), and backtest polls update on a thinning schedule, so a run
 * makes a bounded number of chat.update calls: about one per stage plus at most 10 + maxPolls / 5.
 */
function updatesStatus(state: RunState, event: Extract<ProgressEvent, { type: 'stage' }>): boolean {
  if (event.status === 'started') return false;
  if (event.stage === 'report' || event.stage === 'report-failure') return false;
  if (event.stage === 'poll-backtest' && event.status === 'succeeded') {
    const backtest = state.backtest;
    if (!backtest) return false;
    return backtest.done || backtest.polls <= EVERY_POLL_UNTIL || backtest.polls % POLL_UPDATE_EVERY === 0;
  }
  return true;
}

/**
 * The Slack notifier: it opens the run's thread (root message and one status message), keeps the status
 * message up to date as stages finish, and posts the results (or the failure) and the equity chart at the
 * end. Slack errors are logged and never thrown: a run does not fail because Slack did.
 */
export function createSlackNotifier(options: SlackNotifierOptions): Notifier {
  const context: FinalContext = {
    client: options.client,
    store: options.store,
    logger: options.logger,
    now: options.now,
    deployers: options.deployers,
    ...(options.backtestUrl ? { backtestUrl: options.backtestUrl } : {}),
    ...(options.renderChart ? { renderChart: options.renderChart } : {}),
    policy: {
      logger: options.logger,
      sleep: options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds))),
      maxRateLimitWaitSeconds: options.maxRateLimitWaitSeconds ?? 10,
    },
  };

  const render = (state: RunState, event: ProgressEvent, writers: ReadonlyMap<string, WriterProgress>) =>
    statusMessage(buildStatusView({ state, event, writers, now: context.now() }));

  const updateStatus = async (
    thread: SlackThread,
    state: RunState,
    event: ProgressEvent,
    writers: ReadonlyMap<string, WriterProgress>,
    matters: boolean,
  ) => {
    const statusTs = thread.statusTs;
    if (!statusTs) return;
    const message = render(state, event, writers);
    await callSlack(
      context.policy,
      'chat.update',
      () =>
        context.client.chat.update({
          channel: thread.channel,
          ts: statusTs,
          text: message.text,
          blocks: message.blocks,
        }),
      { matters },
    );
  };

  const handle = async (state: RunState, event: ProgressEvent): Promise<NotifierPatch | undefined> => {
    const slack = state.request.slack;
    if (!slack) return undefined;
    const fromWriter = event.type === 'stage' && isWriterStage(event.stage);
    // The writers run at once, each in its own Lambda, and their patches do not reach the state: were they
    // to open the thread, each would post a root. The next stage after them opens it instead, and until
    // then their progress has no status message to show in.
    if (!state.thread && fromWriter) return undefined;
    let writers: ReadonlyMap<string, WriterProgress> = new Map();
    const writerFinished = fromWriter && event.type === 'stage' && event.status !== 'started';
    if (writerFinished) {
      // Each writer sees only its own state: it records its outcome, then reads every writer's.
      await recordWriterProgress(context.store, state.runId, {
        stage: event.stage,
        status: event.status === 'failed' ? 'failed' : event.status === 'skipped' ? 'skipped' : 'succeeded',
        ...(event.detail ? { detail: event.detail } : {}),
        at: context.now().toISOString(),
      });
      writers = await readWriterProgress(context.store, state.runId, context.logger);
    }

    let thread = state.thread;
    let opened = false;
    if (!thread) {
      thread = await openThread(context, state, {
        root: rootMessage({ userId: slack.userId, idea: state.request.idea, runId: state.runId }),
        status: render(state, event, writers),
      });
      if (!thread) return undefined;
      opened = true;
    } else if (!thread.statusTs && event.type === 'stage' && event.status === 'started' && !fromWriter) {
      // Only a start's patch reaches the state (the stage runner applies it), so only then is a retry useful;
      // never from the writers, whose patches do not carry the thread and who would each post one.
      thread = await postStatus(context, thread, render(state, event, writers));
      opened = thread.statusTs !== undefined;
    }

    if (event.type === 'finished') {
      if (!opened) await updateStatus(thread, state, event, writers, true);
      await postFinalMessages(context, state, thread, event);
    } else if (!opened && updatesStatus(state, event)) {
      await updateStatus(thread, state, event, writers, false);
      if (writerFinished) {
        // Writers finish at about the same time: a second read catches one whose update an older one overwrote.
        const again = await readWriterProgress(context.store, state.runId, context.logger);
        if (progressFingerprint(again) !== progressFingerprint(writers)) {
          await updateStatus(thread, state, event, again, false);
        }
      }
    }
    return opened ? { thread } : undefined;
  };

  return {
    async notify(state, event) {
      try {
        return await handle(state, event);
      } catch (error) {
        options.logger.warn('Slack notification failed; the run goes on', {
          runId: state.runId,
          event: event.type === 'stage' ? `${event.stage} ${event.status}` : `finished ${event.status}`,
          error: error instanceof Error ? error.message : String(error),
        });
        return undefined;
      }
    },
  };
}
