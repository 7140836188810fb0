import { contextBlock, sectionBlock, slackMessage } from './block-builders.js';
import type { SlackMessage } from './block-kit.js';
import { escapeMarkdown, truncate } from './slack-text.js';

export type StatusMark = 'done' | 'failed' | 'running' | 'pending' | 'skipped';

/** One line of the status message: a stage or agent, its mark, and what it produced. */
export interface StatusRow {
  label: string;
  mark: StatusMark;
  detail?: string;
}

/** What the one status message of a run shows. */
export interface StatusView {
  headline: string;
  rows: StatusRow[];
  footer: string;
}

export const STATUS_MARKS: Record<StatusMark, string> = {
  done: ':white_check_mark:',
  failed: ':x:',
  running: ':hourglass_flowing_sand:',
  pending: ':white_small_square:',
  skipped: ':heavy_minus_sign:',
};

/** A row's detail is one short line: the status message must stay readable (and far under 3000 characters). */
const DETAIL_CHARACTERS = 160;

/** The row as mrkdwn: mark, label in bold when running, detail in italics. */
export function statusLine(row: StatusRow): string {
  const label = row.mark === 'running' ? `*${row.label}*` : row.label;
  const detail = row.detail
    ? ` · _${escapeMarkdown(truncate(row.detail.replace(/\s+/g, ' ').trim(), DETAIL_CHARACTERS, '…'))}_`
    : '';
  return `${STATUS_MARKS[row.mark]} ${label}${detail}`;
}

/** The status message: a headline, one line per stage, and a footer. */
export function statusMessage(view: StatusView): SlackMessage {
  return slackMessage(view.headline, [
    sectionBlock(`*${view.headline}*`),
    sectionBlock(view.rows.map(statusLine).join('\n')),
    contextBlock([view.footer]),
  ]);
}
