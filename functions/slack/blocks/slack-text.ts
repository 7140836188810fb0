/** What a shortened text ends with, so a reader sees that something was cut. */
export const TRUNCATION_MARKER = '… (truncated)';

/**
 * `text` cut to at most `limit` UTF-16 units (Slack counts no fewer), ending in the truncation marker when cut.
 * A surrogate pair is never split.
 */
export function truncate(text: string, limit: number, marker: string = TRUNCATION_MARKER): string {
  if (text.length <= limit) return text;
  if (limit <= marker.length) return marker.slice(0, Math.max(0, limit));
  let end = limit - marker.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${marker}`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters in text from users and models. */
export function escapeMarkdown(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A mrkdwn link, or the label alone when the URL is not a web link (a file path, for a local run). */
export function markdownLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return `${escapeMarkdown(label)}: \`${url.replaceAll('`', "'")}\``;
  return `<${url.replaceAll('|', '%7C').replaceAll('>', '%3E')}|${escapeMarkdown(label).replaceAll('|', '/')}>`;
}

/** A date Slack shows in the reader's own time zone, with `fallback` for clients that cannot. */
export function slackDate(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}

/** A duration as a person reads it: "45s", "6m 12s", "1h 03m". */
export function formatDuration(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.round(milliseconds / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${seconds}s`;
}

/** Dollars for a cost line: "$0.42", or "under $0.01" for a priced but tiny amount. */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.01) return 'under $0.01';
  return `$${amount.toFixed(2)}`;
}
