import { randomBytes } from 'node:crypto';
import type { Limits, RunRequest, RunState } from './run-state.js';

/** A run id that sorts by time and is safe in paths, keys and execution names: 20261124-031500-a1b2c3. */
export function newRunId(now: Date, random: () => string = () => randomBytes(3).toString('hex')): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${random()}`;
}

/** The first state of a run. */
export function initialState(input: { runId: string; request: RunRequest; limits: Limits }): RunState {
  return {
    runId: input.runId,
    request: input.request,
    limits: input.limits,
    files: [],
    attempts: { refine: 0, validate: 0 },
    validationHistory: [],
    usage: [],
    timings: [],
  };
}
