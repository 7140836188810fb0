import type { SourceFile } from '../agents/tasks.js';
import type { Diagnostic } from '../validator/diagnostic.js';
import { runtimeDiagnostic } from './compile-errors.js';
import { isBacktestDone, type QuantConnect } from './port.js';
import { compileInCloud, waitForBacktest } from './push-project.js';
import { parseStatistics } from './statistics.js';

/** How a pushed project's backtest ended. */
export type BacktestRunStatus = 'Completed' | 'BuildError' | 'RuntimeError' | 'TimedOut';

/** What `quantcoder backtest` reports; `statistics` keyed by QuantConnect's names, numbers parsed. */
export interface BacktestRunResult {
  projectId: number;
  compileId: string;
  backtestId: string | null;
  status: BacktestRunStatus;
  statistics: Record<string, number | string>;
  /** The same statistics as QuantConnect wrote them ("12.500%", "$3.44"), for people. */
  rawStatistics: Record<string, string>;
  url: string;
  emulated: boolean;
  /** Build or runtime errors at their file and line. */
  diagnostics: Diagnostic[];
  /** QuantConnect's own status text of the backtest when it was last read. */
  detail: string;
}

export interface BacktestRunOptions {
  quantConnect: QuantConnect;
  files: readonly SourceFile[];
  projectName: string;
  backtestName: string;
  sleep: (milliseconds: number) => Promise<void>;
  now?: () => number;
  /** Give up waiting (compile and backtest together) after this long; the backtest may still finish on QuantConnect. */
  timeoutMs: number;
  onProgress?: (line: string) => void;
}

/** Pushes the files to a new QuantConnect project, compiles it, runs a backtest and waits for its statistics. */
export async function runBacktest(options: BacktestRunOptions): Promise<BacktestRunResult> {
  const { quantConnect, sleep } = options;
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const progress = options.onProgress ?? (() => {});

  const compile = await compileInCloud(quantConnect, options.files, {
    projectName: options.projectName,
    sleep,
    now,
    deadline,
    onPushed: (project) => progress(`project ${project.projectId} created: ${project.url}`),
  });
  const base = {
    projectId: compile.projectId,
    compileId: compile.compileId,
    url: compile.projectUrl,
    emulated: quantConnect.emulated,
    statistics: {},
    rawStatistics: {},
  };
  if (compile.state === 'InQueue') {
    return { ...base, backtestId: null, status: 'TimedOut', diagnostics: [], detail: 'compile still queued' };
  }
  if (compile.state === 'BuildError') {
    return {
      ...base,
      backtestId: null,
      status: 'BuildError',
      diagnostics: compile.diagnostics,
      detail: 'BuildError',
    };
  }
  progress(`compiled (${compile.compileId})`);

  const { backtestId } = await quantConnect.createBacktest(
    compile.projectId,
    compile.compileId,
    options.backtestName,
  );
  const url = quantConnect.backtestUrl(compile.projectId, backtestId);
  progress(`backtest ${backtestId} started: ${url}`);
  const snapshot = await waitForBacktest(quantConnect, compile.projectId, backtestId, {
    sleep,
    now,
    deadline,
    onStatus: progress,
  });
  const result = { ...base, backtestId, url, detail: snapshot.status };
  if (snapshot.error !== null || snapshot.stacktrace !== null) {
    const names = new Set(options.files.map((file) => file.name));
    return { ...result, status: 'RuntimeError', diagnostics: [runtimeDiagnostic(snapshot, names)] };
  }
  if (!isBacktestDone(snapshot)) return { ...result, status: 'TimedOut', diagnostics: [] };
  return {
    ...result,
    status: 'Completed',
    statistics: parseStatistics(snapshot.statistics),
    rawStatistics: snapshot.statistics,
    diagnostics: [],
  };
}
