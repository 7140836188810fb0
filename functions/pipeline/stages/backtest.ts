import { runtimeDiagnostic } from '../../quantconnect/compile-errors.js';
import { type BacktestSnapshot, type ChartPoint, isBacktestDone } from '../../quantconnect/port.js';
import { parseStatistics, totalOrders } from '../../quantconnect/statistics.js';
import { putJson } from '../../shared/artifact-store.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import type { Deps } from '../deps.js';
import { PipelineOrderError, runKeys } from '../project-files.js';
import { filesToRepair } from '../review-report.js';
import type { RunState } from '../run-state.js';
import type { Stage } from '../stage.js';

const MAX_CHART_READS = 10;

function requireCompiled(state: RunState) {
  if (!state.quantConnect?.compileId || !state.plan) {
    throw new PipelineOrderError(`Run ${state.runId} has no compiled QuantConnect project.`);
  }
  return {
    ...state.quantConnect,
    compileId: state.quantConnect.compileId,
    projectName: state.plan.projectName,
  };
}

function requireBacktest(state: RunState) {
  const project = requireCompiled(state);
  if (!state.backtest) throw new PipelineOrderError(`Run ${state.runId} has no backtest.`);
  return { project, backtest: state.backtest };
}

/** Starts the backtest of the compiled project; the Wait/Poll loop takes over from here. */
export const startBacktestStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const project = requireCompiled(state);
    const name = `${project.projectName} attempt ${state.attempts.refine + 1}`;
    const { backtestId } = await deps.quantConnect.createBacktest(project.projectId, project.compileId, name);
    return {
      backtest: {
        backtestId,
        name,
        status: 'In Queue...',
        progress: 0,
        done: false,
        polls: 0,
        waitSeconds: state.limits.initialPollSeconds,
      },
    };
  },
  describe: (state) => (state.quantConnect?.emulated ? 'emulated QuantConnect' : state.backtest?.backtestId),
};

/** The wait before the next backtest poll: each grows by half, up to the limit. */
export function nextPollWait(waitSeconds: number, limits: RunState['limits']): number {
  return Math.min(limits.maxPollSeconds, Math.ceil(waitSeconds * 1.5));
}

/** Reads the backtest once; the Wait state before the next read takes longer each time. */
export const pollBacktestStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const { project, backtest } = requireBacktest(state);
    const snapshot = await deps.quantConnect.readBacktest(project.projectId, backtest.backtestId);
    return {
      backtest: {
        ...backtest,
        status: snapshot.status,
        progress: snapshot.progress,
        done: isBacktestDone(snapshot),
        polls: backtest.polls + 1,
        waitSeconds: nextPollWait(backtest.waitSeconds, state.limits),
        ...(snapshot.error ? { error: snapshot.error } : {}),
      },
    };
  },
  describe: (state) => {
    const backtest = state.backtest;
    if (!backtest) return undefined;
    const percent = `${Math.round(backtest.progress * 100)}%`;
    const status = backtest.status.includes(percent) ? backtest.status : `${backtest.status} ${percent}`;
    return `poll ${backtest.polls} of at most ${state.limits.maxPolls}: ${status}`;
  },
};

async function readEquity(
  deps: Deps,
  projectId: number,
  backtestId: string,
): Promise<ChartPoint[] | undefined> {
  for (let read = 0; read < MAX_CHART_READS; read++) {
    const chart = await deps.quantConnect.readChart(projectId, backtestId, 'Strategy Equity');
    if (chart.status === 'ready') return chart.points;
    await deps.sleep(Math.min(500 * 2 ** read, 5000));
  }
  deps.logger.warn('equity chart still loading; the report goes without it', { backtestId });
  return undefined;
}

function review(
  snapshot: BacktestSnapshot,
  orders: number,
  files: ReadonlySet<string>,
): Diagnostic | undefined {
  if (snapshot.error !== null || snapshot.stacktrace !== null) {
    return runtimeDiagnostic(snapshot, files);
  }
  if (orders > 0) return undefined;
  return {
    file: files.has('alpha.py') ? 'alpha.py' : 'main.py',
    line: 0,
    column: 0,
    severity: 'error',
    rule: 'no-trades',
    message:
      'The backtest placed no trades: the alpha never emitted an insight that led to an order. Check indicator warm-up, is_ready checks, the entry conditions and that update() returns the insights.',
    source: 'backtest',
  };
}

/** Judges the finished backtest: a runtime error or zero trades goes back to Refine while attempts last. */
export const checkResultStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const { project, backtest } = requireBacktest(state);
    const snapshot = await deps.quantConnect.readBacktest(project.projectId, backtest.backtestId);
    const statistics = parseStatistics(snapshot.statistics);
    const orders = totalOrders(statistics);
    const files = new Set(state.files.map((file) => file.name));
    const problem = review(snapshot, orders, files);
    if (problem) {
      const attempt = state.attempts.refine + 1;
      const report = await putJson(deps.store, runKeys.backtestReview(state.runId, attempt), {
        attempt,
        phase: 'backtest',
        diagnostics: [problem],
      });
      const verdict = problem.rule === 'no-trades' ? 'no_trades' : 'runtime_error';
      return {
        result: { verdict, statistics, totalOrders: orders, message: problem.message },
        repair: { reason: verdict, report, files: filesToRepair([problem], [...files]) },
      };
    }
    const points = await readEquity(deps, project.projectId, backtest.backtestId);
    const equity = points ? await putJson(deps.store, runKeys.equity(state.runId), points) : undefined;
    return {
      result: {
        verdict: 'ok',
        statistics,
        totalOrders: orders,
        ...(equity ? { equity } : {}),
        message: snapshot.emulated ? 'Backtest completed (emulated).' : 'Backtest completed.',
      },
    };
  },
  describe: (state) => state.result && `${state.result.verdict}: ${state.result.totalOrders} orders`,
};
