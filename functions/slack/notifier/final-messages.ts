import { z } from 'zod';
import { buildLedger } from '../../llm/ledger/index.js';
import { runKeys } from '../../pipeline/project-files.js';
import type { RunState, SlackThread } from '../../pipeline/run-state.js';
import type { ChartPoint } from '../../quantconnect/port.js';
import { getJson } from '../../shared/artifact-store.js';
import type { Logger } from '../../shared/logger.js';
import type { ProgressEvent } from '../../shared/notifier.js';
import { sectionBlock, slackMessage } from '../blocks/block-builders.js';
import type { SlackMessage } from '../blocks/block-kit.js';
import { deploymentMessage } from '../blocks/deployment-message.js';
import { failureMessage } from '../blocks/failure-message.js';
import type { FileLink, RunCost } from '../blocks/run-facts.js';
import { escapeMarkdown } from '../blocks/slack-text.js';
import { summaryMessage } from '../blocks/summary-message.js';
import type { EquityChartOptions } from '../chart/equity-chart.js';
import { linkExpiry } from './link-expiry.js';
import { callSlack } from './slack-calls.js';
import { slackStageLabel } from './stage-labels.js';
import { postInThread, type ThreadContext } from './thread-opener.js';

/** Draws the equity PNG (vega and resvg); only the report functions, which carry them, have one. */
export type RenderChart = (points: readonly ChartPoint[], options: EquityChartOptions) => Promise<Buffer>;

export interface FinalContext extends ThreadContext {
  logger: Logger;
  now: () => Date;
  deployers: ReadonlySet<string>;
  backtestUrl?: (projectId: number, backtestId: string) => string;
  /** Without it the run's equity chart is not drawn. */
  renderChart?: RenderChart;
}

const EquitySeries = z.array(z.object({ time: z.number(), value: z.number() }));

function costOf(state: RunState): RunCost {
  const totals = buildLedger(state.usage, state.limits.budget).totals;
  return { usd: totals.costUsd ?? 0, unpricedCalls: totals.unpricedCalls ?? 0 };
}

function durationOf(state: RunState, now: Date): number {
  const started = Date.parse(state.request.requestedAt);
  return Number.isNaN(started) ? 0 : Math.max(0, now.getTime() - started);
}

function zipOf(state: RunState): FileLink | undefined {
  if (!state.package) return undefined;
  const expiry = linkExpiry(state.package.link);
  return { link: state.package.link, fileName: state.package.fileName, ...(expiry ?? {}) };
}

function backtestLink(context: FinalContext, state: RunState): string | undefined {
  const quantConnect = state.quantConnect;
  if (!quantConnect) return undefined;
  if (state.backtest && context.backtestUrl) {
    return context.backtestUrl(quantConnect.projectId, state.backtest.backtestId);
  }
  return quantConnect.projectUrl;
}

function resultsMessage(context: FinalContext, state: RunState, thread: SlackThread, summary: string) {
  const facts = { cost: costOf(state), durationMs: durationOf(state, context.now()), runId: state.runId };
  const title = state.plan?.title ?? 'Your strategy';
  if (state.request.followUp?.kind === 'deploy') {
    const deployment = state.deployment;
    if (!deployment)
      return slackMessage(summary, [sectionBlock(`:white_check_mark: ${escapeMarkdown(summary)}`)]);
    return deploymentMessage({ ...deployment, title, ...facts });
  }
  const userId = state.request.slack?.userId;
  const zip = zipOf(state);
  const backtestUrl = backtestLink(context, state);
  return summaryMessage({
    title,
    projectName: state.plan?.projectName ?? `quantcoder-${state.runId}`,
    statistics: state.result?.statistics ?? {},
    ...(state.result ? { totalOrders: state.result.totalOrders } : {}),
    ...(backtestUrl ? { backtestUrl } : {}),
    ...(zip ? { zip } : {}),
    emulated: state.quantConnect?.emulated ?? false,
    ...facts,
    buttons: {
      target: { runId: state.runId, channel: thread.channel, threadTs: thread.ts },
      canDeploy: userId !== undefined && context.deployers.has(userId),
    },
  });
}

function failedMessage(
  context: FinalContext,
  state: RunState,
  event: Extract<ProgressEvent, { type: 'finished' }>,
) {
  const failure = event.failure ?? { stage: 'unknown', reason: 'unknown', message: event.summary };
  const validation = state.validation && !state.validation.ok ? state.validation : undefined;
  const errors = (validation?.diagnostics ?? [])
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => ({ file: diagnostic.file, line: diagnostic.line, message: diagnostic.message }));
  const zip = zipOf(state);
  return failureMessage({
    stage: slackStageLabel(failure.stage),
    message: failure.message,
    errors,
    errorCount: validation?.errorCount ?? errors.length,
    files: zip ?? { location: context.store.locate(runKeys.report(state.runId)) },
    cost: costOf(state),
    durationMs: durationOf(state, context.now()),
    runId: state.runId,
  });
}

function chartSubtitle(state: RunState, points: readonly ChartPoint[]): string {
  const day = (seconds: number | undefined) =>
    seconds === undefined ? '' : new Date(seconds * 1000).toISOString().slice(0, 10);
  const period = `${day(points[0]?.time)} to ${day(points[points.length - 1]?.time)}`;
  return `Strategy equity, ${period}${state.quantConnect?.emulated ? ' · emulated backtest' : ''}`;
}

/** Draws the run's equity curve and uploads it into the thread; a missing series or a failed render is logged. */
async function uploadEquityChart(context: FinalContext, state: RunState, thread: SlackThread): Promise<void> {
  const equity = state.result?.equity;
  const renderChart = context.renderChart;
  if (!equity || !renderChart) return;
  let png: Buffer;
  let points: ChartPoint[];
  try {
    points = await getJson(context.store, equity, EquitySeries);
    png = await renderChart(points, {
      title: state.plan?.title ?? 'Equity curve',
      subtitle: chartSubtitle(state, points),
    });
  } catch (error) {
    context.logger.warn('equity chart not drawn; the summary goes without it', {
      error: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  const last = points[points.length - 1]?.value;
  await callSlack(
    context.policy,
    'files.uploadV2',
    () =>
      context.client.filesUploadV2({
        channel_id: thread.channel,
        thread_ts: thread.ts,
        file: png,
        filename: `${state.plan?.projectName ?? state.runId}-equity.png`,
        title: `Equity curve: ${state.plan?.title ?? state.runId}`,
        alt_text: `Equity curve of the backtest${last === undefined ? '' : `, ending at $${Math.round(last).toLocaleString('en-US')}`}.`,
      }),
    { matters: true },
  );
}

/**
 * The run's last word in its thread: the summary with statistics, links and buttons, then the equity chart
 * (or the deployment, for a deploy run); for a failed run, what failed, the last errors and where the files are.
 */
export async function postFinalMessages(
  context: FinalContext,
  state: RunState,
  thread: SlackThread,
  event: Extract<ProgressEvent, { type: 'finished' }>,
): Promise<void> {
  const message: SlackMessage =
    event.status === 'succeeded'
      ? resultsMessage(context, state, thread, event.summary)
      : failedMessage(context, state, event);
  const posted = await postInThread(context, thread, message);
  if (posted && event.status === 'succeeded' && state.request.followUp?.kind !== 'deploy') {
    await uploadEquityChart(context, state, thread);
  }
}
