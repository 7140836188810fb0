import { brokerageLabel, chooseLiveNode, liveCreateBrokerage, liveUrl } from '../live-request.js';
import type { BacktestSnapshot, ChartPoint, InitializeCheck, LiveDeployment, QuantConnect } from '../port.js';
import type { QuantConnectClient } from './client.js';
import type { Backtest, ChartSeries, ChartValue } from './schemas.js';

export interface RestQuantConnectOptions {
  /** True only when the server is the emulator; every result is then labelled emulated. */
  emulated?: boolean;
  /** Where project and backtest pages live. Default https://www.quantconnect.com/. */
  webUrl?: string;
}

const DEFAULT_WEB_URL = 'https://www.quantconnect.com/';
const EQUITY_SERIES = 'Equity';
const SECONDS_PER_DAY = 86_400;
/** Backtest periods remembered for chart reads; a stage touches one or two backtests. */
const MAX_REMEMBERED_PERIODS = 32;

/** The `QuantConnect` port over the REST client. */
export function createRestQuantConnect(
  client: QuantConnectClient,
  options: RestQuantConnectOptions = {},
): QuantConnect {
  const emulated = options.emulated ?? false;
  const webUrl = options.webUrl ?? DEFAULT_WEB_URL;
  const periods = new Map<string, { start: number; end: number }>();
  const projectUrl = (projectId: number) => new URL(`project/${projectId}`, webUrl).href;

  const rememberPeriod = (backtest: Backtest) => {
    const period = backtestPeriod(backtest);
    if (!period) return;
    if (periods.size >= MAX_REMEMBERED_PERIODS) periods.clear();
    periods.set(backtest.backtestId, period);
  };

  return {
    emulated,

    async createProject(name) {
      const project = await client.createProject(name, 'Py');
      return { projectId: project.projectId, url: projectUrl(project.projectId) };
    },

    async writeFiles(projectId, files) {
      // One read tells which names exist (a new project already holds main.py) and which contents already match.
      const existing = new Map((await client.readFiles(projectId)).map((file) => [file.name, file.content]));
      for (const file of files) {
        if (!existing.has(file.name)) await client.createFile(projectId, file.name, file.content);
        else if (existing.get(file.name) !== file.content)
          await client.updateFile(projectId, file.name, file.content);
      }
    },

    async createCompile(projectId) {
      const compile = await client.createCompile(projectId);
      return { compileId: compile.compileId, state: compile.state, logs: compile.logs };
    },

    async readCompile(projectId, compileId) {
      const compile = await client.readCompile(projectId, compileId);
      return { compileId: compile.compileId, state: compile.state, logs: compile.logs };
    },

    async checkInitialization(files): Promise<InitializeCheck> {
      const answer = await client.checkBacktestInitialization(files);
      if (!/^error$/i.test(answer.state.trim())) return { ok: true, messages: [] };
      const messages =
        answer.payload.length > 0
          ? answer.payload
          : ['QuantConnect reported an initialization error without details.'];
      return { ok: false, messages };
    },

    async createBacktest(projectId, compileId, name, parameters) {
      const backtest = await client.createBacktest(projectId, compileId, name, parameters);
      return { backtestId: backtest.backtestId };
    },

    async readBacktest(projectId, backtestId) {
      const backtest = await client.readBacktest(projectId, backtestId);
      rememberPeriod(backtest);
      return toSnapshot(backtest, emulated);
    },

    async readChart(projectId, backtestId, chart) {
      if (!periods.has(backtestId)) rememberPeriod(await client.readBacktest(projectId, backtestId));
      const period = periods.get(backtestId) ?? { start: 0, end: Math.floor(Date.now() / 1000) };
      const answer = await client.readChart({
        projectId,
        backtestId,
        name: chart,
        ...period,
      });
      if (answer.status === 'loading') return { status: 'loading', progress: answer.progress };
      const series = answer.chart.series[EQUITY_SERIES] ?? Object.values(answer.chart.series)[0];
      return { status: 'ready', points: series ? seriesPoints(series) : [] };
    },

    backtestUrl(projectId, backtestId) {
      return `${projectUrl(projectId)}/${backtestId}`;
    },

    async deployLive(request): Promise<LiveDeployment> {
      const nodes = await client.readProjectNodes(request.projectId);
      const nodeId = chooseLiveNode(nodes.live, request.nodeId);
      const live = await client.createLive({
        projectId: request.projectId,
        compileId: request.compileId,
        nodeId,
        brokerage: liveCreateBrokerage(request.brokerage),
      });
      return {
        deployId: live.deployId,
        status: live.status,
        url: liveUrl(projectUrl(request.projectId)),
        brokerage: brokerageLabel(request.brokerage),
        nodeId,
        emulated,
      };
    },
  };
}

function toSnapshot(backtest: Backtest, emulated: boolean): BacktestSnapshot {
  return {
    backtestId: backtest.backtestId,
    name: backtest.name,
    status: backtest.status,
    completed: backtest.completed,
    progress: backtest.progress,
    error: backtest.error,
    stacktrace: backtest.stacktrace,
    statistics: backtest.statistics,
    emulated,
  };
}

/** A series' points: `[t, y]` gives y, a candle `[t, o, h, l, c]` its close, `{x, y}` its y; gaps are skipped. */
export function seriesPoints(series: ChartSeries): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const value of series.values) {
    const point = chartPoint(value);
    if (point) points.push(point);
  }
  return points;
}

function chartPoint(value: ChartValue): ChartPoint | undefined {
  if (Array.isArray(value)) {
    const time = value[0];
    const last = value.length >= 2 ? value[value.length - 1] : undefined;
    return typeof time === 'number' && typeof last === 'number' ? { time, value: last } : undefined;
  }
  const time = typeof value.x === 'number' ? value.x : Date.parse(value.x) / 1000;
  return Number.isFinite(time) && value.y !== null ? { time, value: value.y } : undefined;
}

/** The simulated period in unix seconds, widened to whole days so the last day's point is inside. */
function backtestPeriod(backtest: Backtest): { start: number; end: number } | undefined {
  const start = parseLeanDate(backtest.backtestStart);
  const end = parseLeanDate(backtest.backtestEnd);
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start: Math.floor(start / 1000) - SECONDS_PER_DAY, end: Math.ceil(end / 1000) + SECONDS_PER_DAY };
}

// LEAN writes "2023-01-01T00:00:00Z" or "2023-01-01 00:00:00"; a date without a zone is UTC.
function parseLeanDate(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const isoText = text.trim().replace(' ', 'T');
  const withZone =
    /(?:Z|[+-]\d{2}:?\d{2})$/i.test(isoText) || !isoText.includes('T') ? isoText : `${isoText}Z`;
  const milliseconds = Date.parse(withZone);
  return Number.isNaN(milliseconds) ? undefined : milliseconds;
}
