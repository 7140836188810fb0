import type { Statistics } from '../../pipeline/run-state.js';
import type { RunButtonValue } from '../interactions.js';
import { contextBlock, fieldsBlock, headerBlock, sectionBlock, slackMessage } from './block-builders.js';
import type { SlackBlock, SlackMessage } from './block-kit.js';
import { runButtons } from './run-buttons.js';
import { type FileLink, fileLinkText, type RunCost, runFactsText } from './run-facts.js';
import { escapeMarkdown, markdownLink } from './slack-text.js';
import { formatStatistic, statisticsFields } from './statistics-fields.js';

export interface SummaryInput {
  title: string;
  projectName: string;
  statistics: Statistics;
  totalOrders?: number;
  backtestUrl?: string;
  zip?: FileLink;
  emulated: boolean;
  cost: RunCost;
  durationMs: number;
  runId: string;
  /** The buttons' target; no buttons without one. */
  buttons?: { target: RunButtonValue; canDeploy: boolean };
}

/** The notification text: the headline numbers, for clients that show no blocks. */
function fallbackText(input: SummaryInput): string {
  const net = formatStatistic(input.statistics['Net Profit'], 'percent');
  const sharpe = formatStatistic(input.statistics['Sharpe Ratio'], 'ratio');
  const label = input.emulated ? ' (emulated)' : '';
  return `Backtest of ${input.title} finished${label}: net profit ${net}, Sharpe ${sharpe}.`;
}

/**
 * The results of a successful run: the eight statistics, links to the QuantConnect backtest and the zip,
 * cost and duration, and the buttons that start a follow-up or sign a fresh link to the zip.
 */
export function summaryMessage(input: SummaryInput): SlackMessage {
  const links = [
    input.backtestUrl ? markdownLink(input.backtestUrl, 'Open the backtest on QuantConnect') : undefined,
    input.zip ? fileLinkText(input.zip) : undefined,
  ].filter((link) => link !== undefined);
  const blocks: SlackBlock[] = [
    headerBlock(`:chart_with_upwards_trend: ${input.title}`),
    ...(input.emulated
      ? [
          contextBlock([
            ':warning: *Emulated results*: QuantConnect was not called, so these numbers come from QuantCoder’s emulator, not a real backtest.',
          ]),
        ]
      : []),
    fieldsBlock(statisticsFields(input.statistics, input.totalOrders)),
    ...(links.length > 0 ? [sectionBlock(links.join('\n'))] : []),
    contextBlock([`\`${escapeMarkdown(input.projectName)}\` · ${runFactsText(input)}`]),
  ];
  if (input.buttons) {
    // A local run's zip is a file path that never expires: only a presigned link needs a fresh one.
    const freshZipLink = input.zip?.expiresAt !== undefined;
    blocks.push(runButtons({ ...input.buttons, projectName: input.projectName, freshZipLink }));
  }
  return slackMessage(fallbackText(input), blocks);
}
