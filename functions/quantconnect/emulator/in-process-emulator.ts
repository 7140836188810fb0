import type { SourceFile } from '../../agents/tasks.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import { brokerageLabel, chooseLiveNode, liveCreateBrokerage, liveUrl } from '../live-request.js';
import type { QuantConnect } from '../port.js';
import { createEmulatorEngine } from './emulator-engine.js';
import { backtestUrl, projectUrl } from './emulator-ids.js';

export interface InProcessEmulatorOptions {
  /** Stands in for QuantConnect's compiler: its error diagnostics become BuildError log lines. */
  compileCheck: (files: SourceFile[]) => Diagnostic[];
  /** Clock for LEAN's default end date (yesterday). */
  now?: () => Date;
  /** Reads a compile or a backtest takes to finish; 1 finishes on the first read. Default 3. */
  readsUntilDone?: number;
}

/**
 * A QuantConnect that lives in memory: projects, compiles through `compileCheck`, deterministic simulated
 * backtests seeded by the project's files, and paper-trading deployments that trade nothing. Every result it
 * reports is marked `emulated`.
 */
export function createInProcessEmulator(options: InProcessEmulatorOptions): QuantConnect {
  const engine = createEmulatorEngine(options);
  const { projects, compiles, backtests } = engine;

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
      return engine.checkInitialization(files);
    },

    async readCompile(projectId, compileId) {
      projects.get(projectId);
      return compiles.read(projectId, compileId);
    },

    async createBacktest(projectId, compileId, name, parameters = {}) {
      const { backtestId } = engine.startBacktest(projectId, compileId, name, parameters);
      return { backtestId };
    },

    async readBacktest(projectId, backtestId) {
      projects.get(projectId);
      const { backtest, state } = backtests.read(projectId, backtestId);
      return {
        backtestId,
        name: backtest.name,
        status: state.status,
        completed: state.completed,
        progress: state.progress,
        error: state.error,
        stacktrace: state.stacktrace,
        statistics:
          state.finished && backtest.outcome.kind === 'completed' ? { ...backtest.outcome.statistics } : {},
        emulated: true,
      };
    },

    async readChart(projectId, backtestId, chart) {
      projects.get(projectId);
      return backtests.readChart(projectId, backtestId, chart);
    },

    backtestUrl,

    async deployLive(request) {
      projects.get(request.projectId);
      const nodeId = chooseLiveNode(engine.nodes.live, request.nodeId);
      const deployment = engine.deploy({
        projectId: request.projectId,
        compileId: request.compileId,
        nodeId,
        brokerage: liveCreateBrokerage(request.brokerage).id,
      });
      return {
        deployId: deployment.deployId,
        status: engine.live.peek(request.projectId, deployment.deployId).status,
        url: liveUrl(projectUrl(request.projectId)),
        brokerage: brokerageLabel(request.brokerage),
        nodeId,
        emulated: true,
      };
    },
  };
}
