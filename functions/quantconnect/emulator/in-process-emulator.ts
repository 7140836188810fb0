import type { SourceFile } from '../../agents/tasks.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import type { QuantConnect } from '../port.js';
import { runEmulatedBacktest } from './backtest-simulation.js';
import { createBacktestStore } from './backtest-store.js';
import { createCompileStore } from './compile-store.js';
import { EmulatedRequestError } from './emulated-request-error.js';
import { backtestUrl, projectUrl } from './emulator-ids.js';
import { describeInitializeRaise, findInitializeRaise } from './initialize-error.js';
import { createProjectStore } from './project-store.js';

export interface InProcessEmulatorOptions {
  /** Stands in for QuantConnect's compiler: its error diagnostics become BuildError log lines. */
  compileCheck: (files: SourceFile[]) => Diagnostic[];
  /** Clock for LEAN's default end date (yesterday). */
  now?: () => Date;
  /** Reads a compile or a backtest takes to finish; 1 finishes on the first read. Default 3. */
  readsUntilDone?: number;
}

/**
 * A QuantConnect that lives in memory: projects, compiles through `compileCheck`, and deterministic
 * simulated backtests seeded by the project's files. Every backtest it reports is marked `emulated`.
 */
export function createInProcessEmulator(options: InProcessEmulatorOptions): QuantConnect {
  const readsUntilDone = Math.max(1, Math.floor(options.readsUntilDone ?? 3));
  const now = options.now ?? (() => new Date());
  const projects = createProjectStore();
  const compiles = createCompileStore({ compileCheck: options.compileCheck, readsUntilDone });
  const backtests = createBacktestStore({ readsUntilDone });

  return {
    emulated: true,

    async createProject(name) {
      const project = projects.create(name);
      return { projectId: project.projectId, url: projectUrl(project.projectId) };
    },

    async writeFiles(projectId, files) {
      projects.write(projectId, files);
    },

    async createCompile(projectId) {
      return compiles.create(projectId, projects.snapshot(projectId));
    },

    async checkInitialization(files) {
      const main = files.find((file) => file.name === 'main.py');
      if (!main) throw new EmulatedRequestError('The initialization check needs a main.py file.');
      const raise = findInitializeRaise(main.content);
      return raise
        ? { ok: false, messages: [describeInitializeRaise(raise).error] }
        : { ok: true, messages: [] };
    },

    async readCompile(projectId, compileId) {
      projects.get(projectId);
      return compiles.read(projectId, compileId);
    },

    async createBacktest(projectId, compileId, name, parameters = {}) {
      projects.get(projectId);
      if (name.trim() === '') throw new EmulatedRequestError('A backtest name is required.');
      const compile = compiles.requireSuccessful(projectId, compileId);
      const outcome = runEmulatedBacktest({ files: compile.files, parameters, now: now() });
      return backtests.create(projectId, name, outcome);
    },

    async readBacktest(projectId, backtestId) {
      projects.get(projectId);
      return backtests.read(projectId, backtestId);
    },

    async readChart(projectId, backtestId, chart) {
      projects.get(projectId);
      return backtests.readChart(projectId, backtestId, chart);
    },

    backtestUrl,
  };
}
