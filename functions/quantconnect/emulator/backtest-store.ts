import type { BacktestSnapshot, ChartRead } from '../port.js';
import type { BacktestOutcome } from './backtest-simulation.js';
import { EmulatedRequestError } from './emulated-request-error.js';
import { newHex32 } from './emulator-ids.js';

interface EmulatedBacktest {
  backtestId: string;
  projectId: number;
  name: string;
  outcome: BacktestOutcome;
  reads: number;
  chartsRead: Set<string>;
}

export interface BacktestStore {
  create(projectId: number, name: string, outcome: BacktestOutcome): { backtestId: string };
  /** The backtest as QuantConnect would report it on this read: queued, running, then finished. */
  read(projectId: number, backtestId: string): BacktestSnapshot;
  /** `loading` on the first read of each chart, as QuantConnect answers while it renders, then the points. */
  readChart(projectId: number, backtestId: string, chart: string): ChartRead;
}

/** Creates the emulator's backtest bookkeeping; a backtest finishes on its `readsUntilDone`-th read. */
export function createBacktestStore(options: { readsUntilDone: number }): BacktestStore {
  const backtests = new Map<string, EmulatedBacktest>();
  const readsUntilDone = options.readsUntilDone;
  // Initialization runs as soon as a backtest leaves the queue, so its errors show on the second read.
  const readsUntilInitialized = Math.min(2, readsUntilDone);

  const find = (projectId: number, backtestId: string): EmulatedBacktest => {
    const backtest = backtests.get(backtestId);
    if (!backtest || backtest.projectId !== projectId) {
      throw new EmulatedRequestError(`Backtest ${backtestId} was not found in project ${projectId}.`);
    }
    return backtest;
  };

  return {
    create(projectId, name, outcome) {
      const backtestId = newHex32();
      backtests.set(backtestId, { backtestId, projectId, name, outcome, reads: 0, chartsRead: new Set() });
      return { backtestId };
    },

    read(projectId, backtestId) {
      const backtest = find(projectId, backtestId);
      backtest.reads += 1;
      const base = {
        backtestId,
        name: backtest.name,
        emulated: true,
        error: null,
        stacktrace: null,
        statistics: {},
      };
      const { outcome, reads } = backtest;
      if (outcome.kind === 'runtime-error' && reads >= readsUntilInitialized) {
        return { ...base, status: 'Runtime Error', completed: true, progress: 0, ...pick(outcome) };
      }
      if (outcome.kind === 'completed' && reads >= readsUntilDone) {
        return {
          ...base,
          status: 'Completed.',
          completed: true,
          progress: 1,
          statistics: { ...outcome.statistics },
        };
      }
      if (reads === 1) return { ...base, status: 'In Queue...', completed: false, progress: 0 };
      const progress = Math.round(((reads - 1) / (readsUntilDone - 1)) * 100) / 100;
      return { ...base, status: `Running: ${Math.round(progress * 100)}%`, completed: false, progress };
    },

    readChart(projectId, backtestId, chart) {
      const backtest = find(projectId, backtestId);
      const points = backtest.outcome.kind === 'completed' ? backtest.outcome.charts[chart] : [];
      if (!points)
        throw new EmulatedRequestError(`Chart '${chart}' was not found in backtest ${backtestId}.`);
      if (!backtest.chartsRead.has(chart)) {
        backtest.chartsRead.add(chart);
        return { status: 'loading', progress: 0 };
      }
      return { status: 'ready', points: points.map((point) => ({ ...point })) };
    },
  };
}

function pick(outcome: { error: string; stacktrace: string }): { error: string; stacktrace: string } {
  return { error: outcome.error, stacktrace: outcome.stacktrace };
}
