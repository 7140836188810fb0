import { contextBlock, headerBlock, sectionBlock, slackMessage } from './block-builders.js';
import type { SlackBlock, SlackMessage } from './block-kit.js';
import { type FileLink, fileLinkText, type RunCost, runFactsText } from './run-facts.js';
import { escapeMarkdown, truncate } from './slack-text.js';

/** How many of the last errors the failure message lists; the report has them all. */
export const FAILURE_ERRORS_SHOWN = 5;

export interface FailureError {
  file: string;
  line: number;
  message: string;
}

export interface FailureInput {
  /** The stage that failed, as a person reads it. */
  stage: string;
  message: string;
  /** The last validation's errors (the first few are shown) and how many there were in all. */
  errors: FailureError[];
  errorCount: number;
  /** The zip of what the run produced, or where its files are when there is none. */
  files?: FileLink | { location: string };
  cost: RunCost;
  durationMs: number;
  runId: string;
}

function errorLine(error: FailureError): string {
  const where = error.line > 0 ? `${error.file}:${error.line}` : error.file;
  return `• \`${where.replaceAll('`', "'")}\` ${escapeMarkdown(truncate(error.message.replace(/\s+/g, ' '), 300, '…'))}`;
}

function filesText(files: FailureInput['files']): string | undefined {
  if (!files) return undefined;
  if ('location' in files) return `The files it produced are in \`${files.location.replaceAll('`', "'")}\`.`;
  return `The files it produced: ${fileLinkText(files)}`;
}

/** A failed run: what failed and why, the last errors, where the files are, and what it cost. */
export function failureMessage(input: FailureInput): SlackMessage {
  const shown = input.errors.slice(0, FAILURE_ERRORS_SHOWN);
  const more = Math.max(input.errorCount, input.errors.length) - shown.length;
  const blocks: SlackBlock[] = [
    headerBlock(':x: The run failed'),
    sectionBlock(`*${escapeMarkdown(input.stage)} failed*: ${escapeMarkdown(input.message)}`),
  ];
  if (shown.length > 0) {
    const tail = more > 0 ? `\n_and ${more} more in the report_` : '';
    blocks.push(sectionBlock(`*Last errors*\n${shown.map(errorLine).join('\n')}${tail}`));
  }
  const files = filesText(input.files);
  if (files) blocks.push(sectionBlock(files));
  blocks.push(contextBlock([runFactsText(input)]));
  return slackMessage(`The run failed at ${input.stage}: ${input.message}`, blocks);
}
