import type { SourceFile } from '../agents/tasks.js';
import type { Diagnostic } from '../validator/diagnostic.js';
import { parseCompileLogs, parseRuntimeError } from './compile-errors.js';
import { isBacktestDone, type QuantConnect } from './port.js';
import { compileProject, pollWaits, pushProject } from './push-project.js';
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
  const { quantConnect } = options;
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const progress = options.onProgress ?? (() => {});
  const names = new Set(options.files.map((file) => file.name));

  const project = await pushProject(quantConnect, options.projectName, options.files);
  progress(`project ${project.projectId} created: ${project.url}`);
  const compile = await compileProject(quantConnect, project.projectId, {
    sleep: options.sleep,
    now,
    deadline,
  });
  const base = {
    projectId: project.projectId,
    compileId: compile.compileId,
    url: project.url,
    emulated: quantConnect.emulated,
    statistics: {},
    rawStatistics: {},
  };
  if (compile.state === 'InQueue') {
    return { ...base, backtestId: null, status: 'TimedOut', diagnostics: [], detail: 'compile still queued' };
  }
  if (compile.state === 'BuildError') {
    const diagnostics = parseCompileLogs(compile.logs, names);
    return { ...base, backtestId: null, status: 'BuildError', diagnostics, detail: 'BuildError' };
  }
  progress(`compiled (${compile.compileId})`);

  const { backtestId } = await quantConnect.createBacktest(
    project.projectId,
    compile.compileId,
    options.backtestName,
  );
  const url = quantConnect.backtestUrl(project.projectId, backtestId);
  progress(`backtest ${backtestId} started: ${url}`);
  let snapshot = await quantConnect.readBacktest(project.projectId, backtestId);
  const backtestWaits = pollWaits();
  let reported = '';
  while (!isBacktestDone(snapshot) && now() < deadline) {
    if (snapshot.status !== reported) {
      reported = snapshot.status;
      progress(reported);
    }
    await options.sleep(backtestWaits.next().value);
    snapshot = await quantConnect.readBacktest(project.projectId, backtestId);
  }
  const result = { ...base, backtestId, url, detail: snapshot.status };
  if (snapshot.error !== null || snapshot.stacktrace !== null) {
    const diagnostic = parseRuntimeError(snapshot.error ?? 'Runtime Error', snapshot.stacktrace, names);
    return { ...result, status: 'RuntimeError', diagnostics: [diagnostic] };
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
