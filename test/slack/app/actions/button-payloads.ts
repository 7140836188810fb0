import type { RunButtonValue } from '../../../../functions/slack/interactions.js';

export const RUN: RunButtonValue = {
  runId: 'slack-1-2-3',
  channel: 'C0RESEARCH',
  threadTs: '1700000000.000100',
};

/** A block_actions payload for one click on a summary button. */
export function click(actionId: string, options: { userId?: string; value?: string } = {}) {
  return {
    type: 'block_actions',
    trigger_id: '701.8.abc',
    user: { id: options.userId ?? 'U0ALICE', team_id: 'T0TEAM' },
    team: { id: 'T0TEAM' },
    channel: { id: RUN.channel },
    container: { type: 'message', message_ts: '1700000200.000300', channel_id: RUN.channel },
    response_url: 'https://hooks.slack.com/actions/T0TEAM/1/abc',
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'summary_actions',
        value: options.value ?? JSON.stringify(RUN),
        action_ts: '1700000300.000400',
      },
    ],
  };
}
