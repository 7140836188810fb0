import { RunStartError } from '../../../pipeline/run-starter.js';
import { executionName } from '../execution-names.js';
import type { CommandListenerArgs, ListenerDeps } from '../listener-types.js';
import { SlashCommandPayload } from '../payloads.js';
import { alreadyRunningText, ephemeral, startedText, tooLongText, usageText } from '../replies.js';
import { MAX_IDEA_CHARACTERS, slackRunRequest } from '../slack-run-request.js';
import { unescapeSlackText } from '../slack-text.js';

/**
 * `/quantcoder <idea>`: starts the run and answers with where its thread will appear. Slack waits at most
 * 3 s and the Lambda receiver answers only when this returns, so the listener does StartExecution and
 * nothing else slow: the pipeline's first state posts the thread.
 */
export function quantcoderCommand(deps: ListenerDeps) {
  return async ({ command, ack }: CommandListenerArgs): Promise<void> => {
    const payload = SlashCommandPayload.parse(command);
    const idea = unescapeSlackText(payload.text).trim();
    if (idea === '' || idea.toLowerCase() === 'help') return ack(ephemeral(usageText(MAX_IDEA_CHARACTERS)));
    if (idea.length > MAX_IDEA_CHARACTERS) {
      return ack(ephemeral(tooLongText(idea.length, MAX_IDEA_CHARACTERS)));
    }
    const name = executionName('slack', payload.trigger_id);
    const request = slackRunRequest({
      idea,
      slack: { channel: payload.channel_id, userId: payload.user_id, teamId: payload.team_id },
      now: deps.now(),
    });
    try {
      const outcome = await deps.starter.start(name, request);
      const text =
        outcome.status === 'started'
          ? startedText(name, payload.channel_id)
          : alreadyRunningText(name, payload.channel_id);
      return ack(ephemeral(text));
    } catch (error) {
      if (error instanceof RunStartError) return ack(ephemeral(error.message));
      throw error;
    }
  };
}
