import type { WebClient } from '@slack/web-api';
import type { RunState, SlackThread } from '../../pipeline/run-state.js';
import { type ArtifactStore, putJson } from '../../shared/artifact-store.js';
import { contextBlock, slackMessage } from '../blocks/block-builders.js';
import type { SlackMessage } from '../blocks/block-kit.js';
import { callSlack, type SlackCallPolicy, type SlackOutcome } from './slack-calls.js';

export interface ThreadContext {
  client: WebClient;
  store: ArtifactStore;
  policy: SlackCallPolicy;
}

/** Errors that say the bot cannot post in that channel, though it could post elsewhere (a direct message). */
const CHANNEL_ERRORS = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
]);

function unreachableFolder(runId: string): string {
  return `${runId}/slack/unreachable`;
}

/**
 * True when an earlier stage found that nothing can be posted for this run. Every stage runs in its own
 * Lambda and the thread is what tells them Slack works; without this mark each would try (and fail) again.
 */
export async function isSlackUnreachable(store: ArtifactStore, runId: string): Promise<boolean> {
  return (await store.list(unreachableFolder(runId))).length > 0;
}

async function markUnreachable(store: ArtifactStore, runId: string, error: string): Promise<void> {
  await putJson(store, `${unreachableFolder(runId)}/reason.json`, { error });
}

async function post(
  context: ThreadContext,
  channel: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<SlackOutcome<{ channel: string; ts: string }>> {
  const answer = await callSlack(
    context.policy,
    'chat.postMessage',
    () =>
      context.client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      }),
    { matters: true },
  );
  if (!answer.ok) return answer;
  const ts = answer.value.ts;
  if (!ts) return { ok: false, error: 'no_ts_in_answer' };
  return { ok: true, value: { channel: answer.value.channel ?? channel, ts } };
}

/**
 * Posts into a channel; when the bot is not in it (the slash command works anywhere, posting does not), it
 * joins a public channel once (scope `channels:join`) and posts again.
 */
async function postJoining(
  context: ThreadContext,
  channel: string,
  message: SlackMessage,
  threadTs?: string,
): Promise<SlackOutcome<{ channel: string; ts: string }>> {
  const first = await post(context, channel, message, threadTs);
  if (first.ok || first.error !== 'not_in_channel') return first;
  const joined = await callSlack(
    context.policy,
    'conversations.join',
    () => context.client.conversations.join({ channel }),
    { matters: true },
  );
  return joined.ok ? post(context, channel, message, threadTs) : first;
}

/** The root message when the channel refuses it: sent to the person who asked, saying why. */
function directMessage(root: SlackMessage, channel: string, error: string): SlackMessage {
  const note = contextBlock([
    `:information_source: I could not post in <#${channel}> (\`${error}\`): invite me there with \`/invite\`. This run reports here instead.`,
  ]);
  return slackMessage(root.text, [...root.blocks, note]);
}

/**
 * Opens the run's thread: the root message (who asked, the idea) unless the request came from a thread
 * already, then the status message in it. Returns undefined when nothing could be posted; the reason is
 * logged and marked so later stages do not try again.
 */
export async function openThread(
  context: ThreadContext,
  state: RunState,
  messages: { root: SlackMessage; status: SlackMessage },
): Promise<SlackThread | undefined> {
  const slack = state.request.slack;
  if (!slack) return undefined;
  if (await isSlackUnreachable(context.store, state.runId)) return undefined;
  let root: { channel: string; ts: string };
  if (slack.threadTs) {
    root = { channel: slack.channel, ts: slack.threadTs };
  } else {
    let posted = await postJoining(context, slack.channel, messages.root);
    if (!posted.ok && CHANNEL_ERRORS.has(posted.error)) {
      posted = await post(context, slack.userId, directMessage(messages.root, slack.channel, posted.error));
    }
    if (!posted.ok) {
      await markUnreachable(context.store, state.runId, posted.error);
      return undefined;
    }
    root = posted.value;
  }
  const status = await postJoining(context, root.channel, messages.status, root.ts);
  if (!status.ok && slack.threadTs) {
    // A follow-up's thread that refuses the status message refuses the results too.
    await markUnreachable(context.store, state.runId, status.error);
    return undefined;
  }
  return { channel: root.channel, ts: root.ts, ...(status.ok ? { statusTs: status.value.ts } : {}) };
}

/** Posts the status message into an open thread that has none yet (its first post failed). */
export async function postStatus(
  context: ThreadContext,
  thread: SlackThread,
  status: SlackMessage,
): Promise<SlackThread> {
  const posted = await post(context, thread.channel, status, thread.ts);
  return posted.ok ? { ...thread, statusTs: posted.value.ts } : thread;
}

/** Posts a message into the run's thread (the results, a failure); false when Slack refused it (logged). */
export async function postInThread(
  context: ThreadContext,
  thread: SlackThread,
  message: SlackMessage,
): Promise<boolean> {
  return (await post(context, thread.channel, message, thread.ts)).ok;
}
