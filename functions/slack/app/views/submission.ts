import { RunStartError } from '../../../pipeline/run-starter.js';
import type { RunButtonValue } from '../../interactions.js';
import { type ExecutionTrigger, executionName } from '../execution-names.js';
import type { ListenerDeps, ViewErrors } from '../listener-types.js';
import { readRunButtonValue, teamOf, ViewSubmissionPayload } from '../payloads.js';
import { UNREADABLE_BUTTON_TEXT } from '../replies.js';
import { type SlackRunRequestInput, slackRunRequest } from '../slack-run-request.js';

/** A submitted follow-up modal: the run it is about (from private_metadata), who submitted it, its inputs. */
export interface Submission {
  viewId: string;
  run: RunButtonValue | undefined;
  userId: string;
  teamId: string | undefined;
  values: ViewSubmissionPayload['view']['state']['values'];
}

/** Reads a view_submission payload. */
export function readSubmission(body: unknown): Submission {
  const payload = ViewSubmissionPayload.parse(body);
  return {
    viewId: payload.view.id,
    run: readRunButtonValue(payload.view.private_metadata),
    userId: payload.user.id,
    teamId: teamOf(payload),
    values: payload.view.state.values,
  };
}

/** An errors answer with one message under one block. */
export function errorUnder(blockId: string, message: string): ViewErrors {
  return { response_action: 'errors', errors: { [blockId]: message } };
}

/**
 * Starts the follow-up run a modal asks for, named after the view (a view is submitted successfully once),
 * in the thread of the run the modal came from. Answers the ack Slack expects: nothing (the modal closes)
 * when the run started, or an error under `errorBlockId` that says what to do.
 */
export async function startFollowUp(
  deps: ListenerDeps,
  submission: Submission,
  options: {
    trigger: ExecutionTrigger;
    errorBlockId: string;
    idea: (run: RunButtonValue) => string;
    followUp: (run: RunButtonValue) => NonNullable<SlackRunRequestInput['followUp']>;
    backtest?: SlackRunRequestInput['backtest'];
  },
): Promise<ViewErrors | undefined> {
  const run = submission.run;
  if (run === undefined) return errorUnder(options.errorBlockId, UNREADABLE_BUTTON_TEXT);
  const request = slackRunRequest({
    idea: options.idea(run),
    slack: {
      channel: run.channel,
      threadTs: run.threadTs,
      userId: submission.userId,
      teamId: submission.teamId,
    },
    followUp: options.followUp(run),
    ...(options.backtest === undefined ? {} : { backtest: options.backtest }),
    now: deps.now(),
  });
  try {
    await deps.starter.start(executionName(options.trigger, submission.viewId), request);
    return undefined;
  } catch (error) {
    if (error instanceof RunStartError) return errorUnder(options.errorBlockId, error.message);
    throw error;
  }
}
