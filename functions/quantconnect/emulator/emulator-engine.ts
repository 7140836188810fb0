import type { SourceFile } from '../../agents/tasks.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import { PAPER_BROKERAGE_ID } from '../live-request.js';
import type { InitializeCheck } from '../port.js';
import { runEmulatedBacktest } from './backtest-simulation.js';
import { type BacktestStore, createBacktestStore, type EmulatedBacktest } from './backtest-store.js';
import { buildLogLine } from './build-log.js';
import { describeCrash, findCertainCrash } from './certain-crash.js';
import { type CompileStore, createCompileStore } from './compile-store.js';
import { createEmulatedNodes, type EmulatedNodes } from './emulated-nodes.js';
import { EmulatedRequestError } from './emulated-request-error.js';
import { newHex32 } from './emulator-ids.js';
import { completionPolicy } from './job-phase.js';
import { createLiveStore, type EmulatedDeployment, type LiveStore } from './live-store.js';
import { createProjectStore, type ProjectStore } from './project-store.js';

/** Reads a compile, backtest or live deployment takes to finish; one number sets all three. */
export type ReadsUntilDone = number | { compile?: number; backtest?: number; live?: number };

export interface EmulatorEngineOptions {
  /** Stands in for QuantConnect's compiler: its error diagnostics become BuildError log lines. */
  compileCheck: (files: SourceFile[]) => Diagnostic[];
  /** The emulator's clock: LEAN's default end date, created/modified times, and the seconds options. */
  now?: () => Date;
  /** Default 3: queued on the first read, running on the next, done on the third. */
  readsUntilDone?: ReadsUntilDone;
  /** When set, a compile is done this many seconds (on `now`) after it was created, whatever the reads. */
  compileSeconds?: number;
  /** When set, a backtest is done this many seconds (on `now`) after it was created, whatever the reads. */
  backtestSeconds?: number;
  /** Largest file accepted, in bytes (QuantConnect: 32 KB on the free tier up to 256 KB). */
  maxFileBytes?: number;
}

/** One emulated QuantConnect account: the stores both the in-process port and the HTTP server act on. */
export interface EmulatorEngine {
  now(): Date;
  readonly organizationId: string;
  readonly projects: ProjectStore;
  readonly compiles: CompileStore;
  readonly backtests: BacktestStore;
  readonly live: LiveStore;
  readonly nodes: EmulatedNodes;
  /** Starts a deterministic backtest of a successful compile; its outcome is decided now. */
  startBacktest(
    projectId: number,
    compileId: string,
    name: string,
    parameters: Readonly<Record<string, string>>,
  ): EmulatedBacktest;
  /** `ai/tools/backtest-init`: build errors, then a certain failure of `initialize`, with stack traces. */
  checkInitialization(files: readonly SourceFile[]): InitializeCheck;
  /** `ai/tools/syntax-check`: the compile check's findings as build log lines. */
  checkSyntax(files: readonly SourceFile[]): { ok: boolean; lines: string[] };
  /** Paper-trades a successful compile on one of the live nodes. */
  deploy(input: {
    projectId: number;
    compileId: string;
    nodeId: string;
    brokerage: string;
  }): EmulatedDeployment;
}

/** Creates an empty emulated account. */
export function createEmulatorEngine(options: EmulatorEngineOptions): EmulatorEngine {
  const now = options.now ?? (() => new Date());
  const reads = typeof options.readsUntilDone === 'object' ? options.readsUntilDone : undefined;
  const readsFor = (kind: 'compile' | 'backtest' | 'live'): number | undefined =>
    typeof options.readsUntilDone === 'number' ? options.readsUntilDone : reads?.[kind];
  const projects = createProjectStore({ now, maxFileBytes: options.maxFileBytes });
  const compiles = createCompileStore({
    compileCheck: options.compileCheck,
    policy: completionPolicy(readsFor('compile'), options.compileSeconds),
    now,
  });
  const backtests = createBacktestStore({
    policy: completionPolicy(readsFor('backtest'), options.backtestSeconds),
    now,
  });
  const live = createLiveStore({ policy: completionPolicy(readsFor('live')), now });
  const nodes = createEmulatedNodes();
  const buildErrors = (files: readonly SourceFile[]): string[] =>
    options
      .compileCheck(files.filter((file) => !file.name.endsWith('.ipynb')))
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) => buildLogLine('Build Error', diagnostic));
  const requireMain = (files: readonly SourceFile[]): void => {
    if (!files.some((file) => file.name === 'main.py')) {
      throw new EmulatedRequestError('The files must include main.py, the algorithm entry point.');
    }
  };

  return {
    now,
    // An organization id has the shape of a backtest id: 32 hex characters.
    organizationId: newHex32(),
    projects,
    compiles,
    backtests,
    live,
    nodes,

    startBacktest(projectId, compileId, name, parameters) {
      projects.get(projectId);
      if (name.trim() === '') throw new EmulatedRequestError('A backtest name is required.');
      const compile = compiles.requireSuccessful(projectId, compileId);
      const outcome = runEmulatedBacktest({ files: compile.files, parameters, now: now() });
      return backtests.create({ projectId, compileId, name, parameters: { ...parameters }, outcome });
    },

    checkInitialization(files) {
      requireMain(files);
      const errors = buildErrors(files);
      if (errors.length > 0) return { ok: false, messages: errors };
      const crash = findCertainCrash(files);
      return crash?.phase === 'initialize'
        ? { ok: false, messages: [describeCrash(crash).error] }
        : { ok: true, messages: [] };
    },

    checkSyntax(files) {
      const lines = options
        .compileCheck(files.filter((file) => !file.name.endsWith('.ipynb')))
        .map((diagnostic) =>
          buildLogLine(diagnostic.severity === 'error' ? 'Build Error' : 'Build Warning', diagnostic),
        );
      return { ok: !lines.some((line) => line.startsWith('Build Error')), lines };
    },

    deploy(input) {
      projects.get(input.projectId);
      if (input.brokerage !== PAPER_BROKERAGE_ID) {
        throw new EmulatedRequestError(
          `Brokerage '${input.brokerage}' is not emulated; deploy with brokerage {"id": "${PAPER_BROKERAGE_ID}"} to paper trade.`,
        );
      }
      const compile = compiles.requireSuccessful(input.projectId, input.compileId);
      if (!nodes.live.some((node) => node.id === input.nodeId)) {
        throw new EmulatedRequestError(
          `Live node ${input.nodeId} was not found; projects/nodes/read lists the live nodes.`,
        );
      }
      const crash = findCertainCrash(compile.files);
      return live.create({ ...input, crash: crash ? describeCrash(crash) : undefined });
    },
  };
}
