import type { SourceFile } from '../../agents/tasks.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import type { CompileResult } from '../port.js';
import { type BuildOutcome, buildOutcome } from './build-log.js';
import { EmulatedRequestError } from './emulated-request-error.js';
import { newCompileId } from './emulator-ids.js';
import { type CompletionPolicy, jobPhase } from './job-phase.js';

/** A compile the emulator ran: the files it saw and how it ended. */
export interface EmulatedCompile {
  compileId: string;
  projectId: number;
  files: SourceFile[];
  outcome: BuildOutcome;
  created: Date;
  reads: number;
}

export interface CompileStore {
  create(projectId: number, files: SourceFile[]): CompileResult;
  /** Reports InQueue until the compile is done by its completion policy, then its outcome. */
  read(projectId: number, compileId: string): CompileResult;
  /** The compile a backtest may start from; an EmulatedRequestError when unknown or failed. */
  requireSuccessful(projectId: number, compileId: string): EmulatedCompile;
}

/** Creates the emulator's compile bookkeeping around an injected compile check. */
export function createCompileStore(options: {
  compileCheck: (files: SourceFile[]) => Diagnostic[];
  policy: CompletionPolicy;
  now: () => Date;
}): CompileStore {
  const compiles = new Map<string, EmulatedCompile>();

  const find = (projectId: number, compileId: string): EmulatedCompile => {
    const compile = compiles.get(compileId);
    if (!compile || compile.projectId !== projectId) {
      throw new EmulatedRequestError(`Compile ${compileId} was not found in project ${projectId}.`);
    }
    return compile;
  };

  return {
    create(projectId, files) {
      const compileId = newCompileId();
      // The check runs now, on the files as they are now, as QuantConnect builds a snapshot of the project.
      const outcome = buildOutcome(projectId, compileId, options.compileCheck(files));
      compiles.set(compileId, { compileId, projectId, files, outcome, created: options.now(), reads: 0 });
      return { compileId, state: 'InQueue', logs: [] };
    },

    read(projectId, compileId) {
      const compile = find(projectId, compileId);
      compile.reads += 1;
      const elapsedSeconds = (options.now().getTime() - compile.created.getTime()) / 1000;
      if (jobPhase(options.policy, compile.reads, elapsedSeconds).phase !== 'done') {
        return { compileId, state: 'InQueue', logs: [] };
      }
      return { compileId, state: compile.outcome.state, logs: [...compile.outcome.logs] };
    },

    requireSuccessful(projectId, compileId) {
      const compile = find(projectId, compileId);
      if (compile.outcome.state === 'BuildError') {
        throw new EmulatedRequestError(
          `Compile ${compileId} ended in BuildError; fix the build errors and compile again before starting a backtest.`,
        );
      }
      return compile;
    },
  };
}
