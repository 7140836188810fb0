import { RunStartError } from '../../../pipeline/run-starter.js';
import { describeError } from '../../../shared/errors.js';
import { executionName } from '../execution-names.js';
import type { EventListenerArgs, ListenerDeps } from '../listener-types.js';
import { EventEnvelope, MessageEventPayload } from '../payloads.js';
import { tooLongText } from '../replies.js';
import { MAX_IDEA_CHARACTERS, slackRunRequest } from '../slack-run-request.js';
import { replyInstruction } from '../slack-text.js';

/** A person's reply in a thread whose root the bot posted: the only messages that start a run. */
function isReplyToBot(message: MessageEventPayload, botUserId: string | undefined): boolean {
  return (
    botUserId !== undefined &&
    message.subtype === undefined &&
    message.bot_id === undefined &&
    message.user !== undefined &&
    message.thread_ts !== undefined &&
    message.thread_ts !== message.ts &&
    message.parent_user_id === botUserId
  );
}

/**
 * A reply in a QuantCoder thread ("make it long-only") starts a refine run of the thread's latest project.
 * Slack's retries are ignored (the first delivery started the run, or failed and said so), and the event id
 * names the execution, so a repeated event cannot start a second run.
 */
export function threadReply(deps: ListenerDeps) {
  return async ({ event, body, context, client }: EventListenerArgs): Promise<void> => {
    if (context.retryNum !== undefined) return;
    const parsed = MessageEventPayload.safeParse(event);
    if (!parsed.success || !isReplyToBot(parsed.data, context.botUserId)) return;
    const message = parsed.data;
    const envelope = EventEnvelope.parse(body);
    const user = message.user ?? '';
    const threadTs = message.thread_ts ?? '';
    const instruction = replyInstruction(message.text ?? '', context.botUserId ?? '');
    if (instruction === '') return;
    const tell = async (text: string) => {
      try {
        await client.chat.postEphemeral({ channel: message.channel, user, thread_ts: threadTs, text });
      } catch (error) {
        deps.logger.warn('Could not tell the user why their reply started nothing', {
          error: describeError(error),
        });
      }
    };
    if (instruction.length > MAX_IDEA_CHARACTERS) {
      await tell(tooLongText(instruction.length, MAX_IDEA_CHARACTERS));
      return;
    }
    const request = slackRunRequest({
      idea: instruction,
      slack: { channel: message.channel, threadTs, userId: user, teamId: envelope.team_id ?? context.teamId },
      followUp: { kind: 'refine' },
      now: deps.now(),
    });
    try {
      // Started or already running, the thread shows the run; nothing to say here.
      await deps.starter.start(executionName('reply', envelope.event_id), request);
    } catch (error) {
      if (!(error instanceof RunStartError)) throw error;
      await tell(error.message);
    }
  };
}
