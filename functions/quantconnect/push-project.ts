import { randomBytes } from 'node:crypto';
import type { SourceFile } from '../agents/tasks.js';
import type { Diagnostic } from '../validator/diagnostic.js';
import { parseCompileLogs } from './compile-errors.js';
import {
  type BacktestSnapshot,
  type CompileResult,
  type CompileState,
  isBacktestDone,
  type ProjectRef,
  type QuantConnect,
} from './port.js';

const FIRST_WAIT_MS = 250;
const LONGEST_WAIT_MS = 10_000;

/**
 * How long a pipeline stage waits for a compile: well inside its function's timeout (lib/pipeline.ts), so a
 * compile still queued then is a TransientError the state machine retries.
 */
export const STAGE_COMPILE_TIMEOUT_MS = 60_000;

/** Waits that grow by half from a quarter second to ten seconds, as lean-cli polls. */
export function* pollWaits(): Generator<number, never> {
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(LONGEST_WAIT_MS, Math.ceil(wait * 1.5))) yield wait;
}

/** Creates a QuantConnect project and writes the files into it (its template main.py is replaced). */
export async function pushProject(
  quantConnect: QuantConnect,
  name: string,
  files: readonly SourceFile[],
): Promise<ProjectRef> {
  const project = await quantConnect.createProject(name);
  await quantConnect.writeFiles(project.projectId, files);
  return project;
}

export interface CompileWaitOptions {
  sleep: (milliseconds: number) => Promise<void>;
  now: () => number;
  /** When to stop reading a compile that is still queued (on `now`). */
  deadline: number;
}

/**
 * Starts a compile of the project and reads it until it leaves the queue; past the deadline it returns the
 * compile as last read, which may still be InQueue.
 */
export async function compileProject(
  quantConnect: QuantConnect,
  projectId: number,
  options: CompileWaitOptions,
): Promise<CompileResult> {
  let compile = await quantConnect.createCompile(projectId);
  const waits = pollWaits();
  while (compile.state === 'InQueue' && options.now() < options.deadline) {
    await options.sleep(waits.next().value);
    compile = await quantConnect.readCompile(projectId, compile.compileId);
  }
  return compile;
}

/** QuantConnect's build of a pushed project: its state, its log and the errors in it at file and line. */
export interface CloudCompile {
  projectId: number;
  projectUrl: string;
  compileId: string;
  state: CompileState;
  logs: string[];
  diagnostics: Diagnostic[];
}

/** Pushes the files to a new QuantConnect project and compiles it, waiting until `deadline` (on `now`). */
export async function compileInCloud(
  quantConnect: QuantConnect,
  files: readonly SourceFile[],
  options: CompileWaitOptions & {
    projectName: string;
    /** Told once the project holds the files, before the compile wait. */
    onPushed?: (project: ProjectRef) => void;
  },
): Promise<CloudCompile> {
  const project = await pushProject(quantConnect, options.projectName, files);
  options.onPushed?.(project);
  const compile = await compileProject(quantConnect, project.projectId, options);
  const names = new Set(files.map((file) => file.name));
  return {
    projectId: project.projectId,
    projectUrl: project.url,
    compileId: compile.compileId,
    state: compile.state,
    logs: compile.logs,
    diagnostics: compile.state === 'BuildError' ? parseCompileLogs(compile.logs, names) : [],
  };
}

/** A QuantConnect project name no earlier call used: names are unique per account. */
export function uniqueProjectName(label: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const safe = label.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'quantcoder';
  return `${safe}-${stamp}-${randomBytes(2).toString('hex')}`;
}

export interface BacktestWaitOptions {
  sleep: (milliseconds: number) => Promise<void>;
  now: () => number;
  /** When to stop reading a backtest that is still running (on `now`); the last sleep ends there. */
  deadline: number;
  /** Told each new status text of the running backtest ("In Queue...", "Running: 40%"). */
  onStatus?: (status: string) => void;
}

/** Reads a backtest until it is done or the deadline passes, and returns the snapshot last read. */
export async function waitForBacktest(
  quantConnect: QuantConnect,
  projectId: number,
  backtestId: string,
  options: BacktestWaitOptions,
): Promise<BacktestSnapshot> {
  const waits = pollWaits();
  let snapshot = await quantConnect.readBacktest(projectId, backtestId);
  let reported = '';
  while (!isBacktestDone(snapshot) && options.now() < options.deadline) {
    if (snapshot.status !== reported) {
      reported = snapshot.status;
      options.onStatus?.(reported);
    }
    await options.sleep(Math.min(waits.next().value, Math.max(0, options.deadline - options.now())));
    snapshot = await quantConnect.readBacktest(projectId, backtestId);
  }
  return snapshot;
}
