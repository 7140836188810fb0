import { contextBlock, fieldsBlock, headerBlock, sectionBlock, slackMessage } from './block-builders.js';
import type { SlackBlock, SlackMessage } from './block-kit.js';
import { type RunCost, runFactsText } from './run-facts.js';
import { escapeMarkdown, markdownLink } from './slack-text.js';

export interface DeploymentInput {
  title: string;
  deployId: string;
  status: string;
  url: string;
  brokerage: string;
  emulated: boolean;
  cost: RunCost;
  durationMs: number;
  runId: string;
}

/** A follow-up deploy run's result: the live deployment, its status, and the link to follow it on QuantConnect. */
export function deploymentMessage(input: DeploymentInput): SlackMessage {
  const brokerage = input.brokerage === 'paper' ? 'Paper trading' : input.brokerage;
  const blocks: SlackBlock[] = [
    headerBlock(`:rocket: Deployed: ${input.title}`),
    ...(input.emulated
      ? [contextBlock([':warning: *Emulated*: QuantConnect was not called, nothing trades.'])]
      : []),
    fieldsBlock([
      `*Status*\n${escapeMarkdown(input.status)}`,
      `*Brokerage*\n${escapeMarkdown(brokerage)}`,
      `*Deployment*\n\`${escapeMarkdown(input.deployId)}\``,
    ]),
    sectionBlock(markdownLink(input.url, 'Follow it live on QuantConnect')),
    contextBlock([runFactsText(input)]),
  ];
  return slackMessage(`${input.title} is deployed to ${brokerage.toLowerCase()}: ${input.status}.`, blocks);
}
