import { formatDuration, formatUsd, markdownLink, slackDate } from './slack-text.js';

/** What the run cost in model calls: dollars of priced calls, and how many calls had no price on file. */
export interface RunCost {
  usd: number;
  unpricedCalls: number;
}

/** A downloadable file: the link, its name, and when the link stops working (presigned links expire). */
export interface FileLink {
  link: string;
  fileName: string;
  expiresAt?: Date;
  /** The link may stop working sooner (signed with temporary credentials). */
  atTheLatest?: boolean;
}

/** "cost $0.42 in model calls" (and the calls with no price, which the dollars leave out). */
export function costText(cost: RunCost): string {
  const unpriced = cost.unpricedCalls > 0 ? ` plus ${cost.unpricedCalls} calls with no price on file` : '';
  return `model calls cost ${formatUsd(cost.usd)}${unpriced}`;
}

/** The footer of a final message: cost, duration and run id. */
export function runFactsText(input: { cost: RunCost; durationMs: number; runId: string }): string {
  return `${costText(input.cost)} · took ${formatDuration(input.durationMs)} · run \`${input.runId}\``;
}

/** A download line: the link, and when it expires. */
export function fileLinkText(file: FileLink): string {
  const latest = file.atTheLatest ? ' at the latest' : '';
  const expiry = file.expiresAt ? ` (link expires ${slackDate(file.expiresAt)}${latest})` : '';
  return `${markdownLink(file.link, `Download ${file.fileName}`)}${expiry}`;
}
