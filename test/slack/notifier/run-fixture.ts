import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { runKeys } from '../../../functions/pipeline/project-files.js';
import { RunState, type RunStateInput } from '../../../functions/pipeline/run-state.js';
import { type ArtifactRef, type ArtifactStore, putJson } from '../../../functions/shared/artifact-store.js';
import { createDiskArtifactStore } from '../../../functions/shared/disk-artifact-store.js';
import type { Logger } from '../../../functions/shared/logger.js';
import type { Notifier, ProgressEvent } from '../../../functions/shared/notifier.js';
import { renderEquityChart } from '../../../functions/slack/chart/equity-chart.js';
import {
  createSlackNotifier,
  type SlackNotifierOptions,
} from '../../../functions/slack/notifier/slack-notifier.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fake-slack-api.js';

export const RUN_ID = '20261124-031500-a1b2c3';
export const REQUESTED_AT = '2026-11-24T03:15:00.000Z';
export const PRESIGNED_ZIP = `https://quantcoder-artifacts.s3.eu-west-1.amazonaws.com/${RUN_ID}/sector_momentum.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261124T032100Z&X-Amz-Expires=604800&X-Amz-Signature=${'b'.repeat(64)}&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLE`;

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown> | undefined;
}

/** A logger that keeps what it is told, for tests that check a Slack error was logged and not thrown. */
export function recordingLogger(entries: LogEntry[] = []): Logger & { entries: LogEntry[] } {
  const at =
    (level: LogEntry['level']) =>
    (message: string, fields?: Record<string, unknown>): void => {
      entries.push({ level, message, fields });
    };
  const logger = {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

export interface NotifierFixture {
  slack: FakeSlackApi;
  store: ArtifactStore;
  logger: ReturnType<typeof recordingLogger>;
  /** Every wait the notifier asked for, in milliseconds; the waits themselves are instant. */
  sleeps: number[];
  /** The clock the notifier reads; tests move it. */
  clock: { now: Date };
  notifier: Notifier;
  close(): Promise<void>;
}

/** The notifier over the real WebClient, the fake Slack Web API on loopback and a disk artifact store. */
export async function startNotifierFixture(
  options: Partial<Pick<SlackNotifierOptions, 'deployers' | 'maxRateLimitWaitSeconds' | 'renderChart'>> & {
    /** Wraps the store the notifier sees, to hold up one call (a race, made to happen). */
    wrapStore?: (store: ArtifactStore) => ArtifactStore;
    /** No renderer at all, as in every stage but the report ones. @default the real vega and resvg one */
    withoutChart?: boolean;
  } = {},
): Promise<NotifierFixture> {
  const slack = await startFakeSlackApi({ token: 'xoxb-test' });
  const folder = mkdtempSync(join(tmpdir(), 'quantcoder-slack-notifier-'));
  const store = createDiskArtifactStore(folder);
  const logger = recordingLogger();
  const sleeps: number[] = [];
  const clock = { now: new Date('2026-11-24T03:15:05.000Z') };
  const client = new WebClient('xoxb-test', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const notifier = createSlackNotifier({
    client,
    store: options.wrapStore ? options.wrapStore(store) : store,
    logger,
    deployers: options.deployers ?? new Set(),
    now: () => clock.now,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    backtestUrl: (projectId, backtestId) => `https://www.quantconnect.com/project/${projectId}/${backtestId}`,
    ...(options.maxRateLimitWaitSeconds !== undefined
      ? { maxRateLimitWaitSeconds: options.maxRateLimitWaitSeconds }
      : {}),
    ...(options.withoutChart ? {} : { renderChart: options.renderChart ?? renderEquityChart }),
  });
  return {
    slack,
    store,
    logger,
    sleeps,
    clock,
    notifier,
    close: async () => {
      await slack.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The first state of a run asked for in Slack channel C1 by U1. */
export function slackRunState(overrides: Partial<RunStateInput> = {}): RunState {
  return RunState.parse({
    runId: RUN_ID,
    request: {
      idea: 'Rotate monthly into the sector ETF with the strongest 6-month momentum.',
      source: 'slack',
      requestedAt: REQUESTED_AT,
      slack: { channel: 'C1', userId: 'U1' },
    },
    limits: { maxRefineAttempts: 2, maxPolls: 50, initialPollSeconds: 5, maxPollSeconds: 60 },
    attempts: { refine: 0, validate: 0 },
    ...overrides,
  });
}

/** The state after `stage` finished, as the stage runner leaves it: a timing appended. */
export function finished(state: RunState, stage: string, patch: Partial<RunState> = {}): RunState {
  return {
    ...state,
    ...patch,
    timings: [...state.timings, { stage, startedAt: REQUESTED_AT, durationMs: 1000 }],
  };
}

export const started = (stage: string): ProgressEvent => ({ type: 'stage', stage, status: 'started' });
export const succeeded = (stage: string, detail?: string): ProgressEvent => ({
  type: 'stage',
  stage,
  status: 'succeeded',
  ...(detail ? { detail } : {}),
});

/** Stored artifacts the states point to: a plan, a file, and the equity series of a finished backtest. */
export async function storeRunArtifacts(
  store: ArtifactStore,
): Promise<{ plan: ArtifactRef; file: ArtifactRef; equity: ArtifactRef }> {
  const day = 86_400;
  const start = Date.UTC(2021, 0, 1) / 1000;
  const points = Array.from({ length: 400 }, (_, index) => ({
    time: start + index * day,
    value: 100_000 + index * 60 + Math.sin(index / 9) * 900,
  }));
  return {
    plan: await putJson(store, runKeys.plan(RUN_ID), { title: 'Sector momentum rotation' }),
    file: await store.put(runKeys.projectFile(RUN_ID, 'main.py'), 'class Main: pass\n'),
    equity: await putJson(store, runKeys.equity(RUN_ID), points),
  };
}

export const STATISTICS = {
  'Net Profit': 24.1,
  'Compounding Annual Return': 11.2,
  'Sharpe Ratio': 0.93,
  'Sortino Ratio': 1.31,
  Drawdown: 9.8,
  'Win Rate': 57,
  'Total Orders': 42,
  'Total Fees': 61.5,
};
