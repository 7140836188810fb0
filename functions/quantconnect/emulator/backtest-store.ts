import type { ChartRead } from '../port.js';
import type { BacktestOutcome } from './backtest-simulation.js';
import { EmulatedRequestError } from './emulated-request-error.js';
import { newHex32 } from './emulator-ids.js';
import { type CompletionPolicy, jobPhase } from './job-phase.js';

/** A backtest the emulator runs, with the outcome it will reach. */
export interface EmulatedBacktest {
  backtestId: string;
  projectId: number;
  compileId: string;
  name: string;
  created: Date;
  parameters: Record<string, string>;
  outcome: BacktestOutcome;
  reads: number;
  chartsRead: Set<string>;
}

/** What one read of a backtest shows, in QuantConnect's terms. */
export interface BacktestState {
  /** "In Queue...", "Running: 40%", "Completed." or "Runtime Error". */
  status: string;
  completed: boolean;
  progress: number;
  error: string | null;
  stacktrace: string | null;
  hasInitializeError: boolean;
  /** True once the backtest ran to its end and its final statistics are out. */
  finished: boolean;
}

export interface BacktestView {
  backtest: EmulatedBacktest;
  state: BacktestState;
}

export interface BacktestStore {
  create(input: {
    projectId: number;
    compileId: string;
    name: string;
    parameters: Record<string, string>;
    outcome: BacktestOutcome;
  }): EmulatedBacktest;
  /** Counts a read and returns the backtest as QuantConnect would report it on this read. */
  read(projectId: number, backtestId: string): BacktestView;
  /** The backtest as of its latest read, without counting a read (for lists, charts and orders). */
  peek(projectId: number, backtestId: string): BacktestView;
  list(projectId: number): BacktestView[];
  delete(projectId: number, backtestId: string): void;
  /** `loading` on the first read of each chart, as QuantConnect answers while it renders, then the points. */
  readChart(projectId: number, backtestId: string, chart: string): ChartRead;
}

/** Creates the emulator's backtest bookkeeping; a backtest finishes as its completion policy says. */
export function createBacktestStore(options: { policy: CompletionPolicy; now: () => Date }): BacktestStore {
  const backtests = new Map<string, EmulatedBacktest>();

  const find = (projectId: number, backtestId: string): EmulatedBacktest => {
    const backtest = backtests.get(backtestId);
    if (!backtest || backtest.projectId !== projectId) {
      throw new EmulatedRequestError(`Backtest ${backtestId} was not found in project ${projectId}.`);
    }
    return backtest;
  };
  const view = (backtest: EmulatedBacktest): BacktestView => ({
    backtest,
    state: backtestState(backtest, options.policy, options.now()),
  });

  return {
    create(input) {
      const backtest = {
        ...input,
        backtestId: newHex32(),
        created: options.now(),
        reads: 0,
        chartsRead: new Set<string>(),
      };
      backtests.set(backtest.backtestId, backtest);
      return backtest;
    },

    read(projectId, backtestId) {
      const backtest = find(projectId, backtestId);
      backtest.reads += 1;
      return view(backtest);
    },

    peek: (projectId, backtestId) => view(find(projectId, backtestId)),

    list(projectId) {
      return [...backtests.values()].filter((backtest) => backtest.projectId === projectId).map(view);
    },

    delete(projectId, backtestId) {
      backtests.delete(find(projectId, backtestId).backtestId);
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

function backtestState(backtest: EmulatedBacktest, policy: CompletionPolicy, now: Date): BacktestState {
  const elapsedSeconds = (now.getTime() - backtest.created.getTime()) / 1000;
  const phase = jobPhase(policy, backtest.reads, elapsedSeconds);
  const base = { error: null, stacktrace: null, hasInitializeError: false, finished: false };
  if (phase.phase === 'queued') return { ...base, status: 'In Queue...', completed: false, progress: 0 };
  const { outcome } = backtest;
  // Initialization runs as soon as a backtest leaves the queue, so a crash shows on the first read after it.
  if (outcome.kind === 'runtime-error') {
    return {
      ...base,
      status: 'Runtime Error',
      completed: true,
      progress: 0,
      error: outcome.error,
      stacktrace: outcome.stacktrace,
      hasInitializeError: outcome.phase === 'initialize',
    };
  }
  if (phase.phase === 'done')
    return { ...base, status: 'Completed.', completed: true, progress: 1, finished: true };
  return {
    ...base,
    status: `Running: ${Math.round(phase.progress * 100)}%`,
    completed: false,
    progress: phase.progress,
  };
}
