import { escapeMarkdown } from '../blocks/slack-text.js';

/** A reply only the person who asked sees. */
export interface EphemeralReply {
  response_type: 'ephemeral';
  text: string;
}

/** Wraps text as an ephemeral reply. */
export function ephemeral(text: string): EphemeralReply {
  return { response_type: 'ephemeral', text };
}

function where(channel: string): string {
  // Public and private channels render as links; a DM is simply "here".
  return /^[CG]/.test(channel) ? `<#${channel}>` : 'this conversation';
}

/** What `/quantcoder`, `/quantcoder help` and the follow-ups do. */
export function usageText(maxIdeaCharacters: number): string {
  return [
    '*QuantCoder* turns a trading idea into a QuantConnect project, checks that it compiles, backtests it and reports back in a thread.',
    '• `/quantcoder momentum on SPY, QQQ and IWM: hold the top one by 3-month return, rebalance monthly`',
    '• `/quantcoder mean reversion on SPY: buy when RSI(2) is below 10, sell above 70, 2015 to 2024, $50,000`',
    '*In the run’s thread*',
    '• Reply to refine the latest version: “make it long-only”, “add a 5% stop”.',
    '• The summary’s buttons: *Backtest other dates*, *Refine*, *Fresh download link* (a new one-hour link to the zip), and *Deploy to paper* (allow-listed users, paper trading only).',
    `Ideas are at most ${maxIdeaCharacters.toLocaleString('en-US')} characters. QuantCoder must be a member of the channel: \`/invite @QuantCoder\`.`,
  ].join('\n');
}

/** The answer to a command whose run started. */
export function startedText(runId: string, channel: string): string {
  return `QuantCoder started run \`${runId}\`. Its thread appears in ${where(channel)} within seconds: progress, results, the equity chart and the zip. Reply in that thread to refine it. (No thread? Invite QuantCoder with \`/invite @QuantCoder\` and try again.)`;
}

/** The answer to the same command again (Slack repeated it, or the run already exists). */
export function alreadyRunningText(runId: string, channel: string): string {
  return `Run \`${runId}\` is already going for this request: follow it in its thread in ${where(channel)}.`;
}

/** An idea or instruction over the limit. */
export function tooLongText(length: number, maxIdeaCharacters: number): string {
  return `That is ${length.toLocaleString('en-US')} characters; QuantCoder takes at most ${maxIdeaCharacters.toLocaleString('en-US')}. Shorten it and try again.`;
}

/** A deploy click from someone not on the allow-list. */
export function notAllowedToDeployText(userId: string): string {
  return `You are not allowed to deploy to paper trading. Whoever deployed QuantCoder can add your Slack user id (${escapeMarkdown(userId)}) to QUANTCODER_SLACK_DEPLOYERS.`;
}

/** A deploy whose run started. */
export function deployStartedText(runId: string): string {
  return `Deploying run \`${runId}\` to paper trading; the thread says when it is live.`;
}

/** A button or modal that no longer says which run it belongs to. */
export const UNREADABLE_BUTTON_TEXT =
  'This button no longer says which run it belongs to. Start a new run with `/quantcoder`, or use the buttons of a newer summary.';

/** Slack refused to open a modal (an expired trigger, most often). */
export function modalFailedText(reason: string): string {
  return `Slack could not open the form (${escapeMarkdown(reason)}). Click the button again.`;
}
