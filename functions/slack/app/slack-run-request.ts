import { RunRequest } from '../../pipeline/run-state.js';

/** The idea's limit, the same as RunRequest's. */
export const MAX_IDEA_CHARACTERS = RunRequest.shape.idea.maxLength ?? 4000;

export interface SlackRunRequestInput {
  idea: string;
  slack: { channel: string; threadTs?: string | undefined; userId: string; teamId?: string | undefined };
  now: Date;
  followUp?: RunRequest['followUp'];
  backtest?: RunRequest['backtest'];
}

/** A run request from Slack, checked against the run-state contract before it goes anywhere. */
export function slackRunRequest(input: SlackRunRequestInput): RunRequest {
  const { channel, threadTs, userId, teamId } = input.slack;
  return RunRequest.parse({
    idea: input.idea,
    source: 'slack',
    requestedAt: input.now.toISOString(),
    slack: {
      channel,
      userId,
      ...(threadTs === undefined ? {} : { threadTs }),
      ...(teamId === undefined ? {} : { teamId }),
    },
    ...(input.followUp === undefined ? {} : { followUp: input.followUp }),
    ...(input.backtest === undefined ? {} : { backtest: input.backtest }),
  });
}
