import { DEFAULT_LIMITS } from '../../functions/pipeline/defaults.js';
import type { ProjectFile, RunState } from '../../functions/pipeline/run-state.js';
import { sha256Hex } from '../../functions/shared/artifact-store.js';

/** A reference to `content` stored under `key`, as a store would return it. */
export function refTo(key: string, content: string) {
  return { key, sha256: sha256Hex(content), bytes: Buffer.byteLength(content) };
}

/** A project file entry for tests. */
export function projectFile(name: string, owner: ProjectFile['owner'], content = `# ${name}\n`): ProjectFile {
  return { name, owner, className: `${owner}Class`, ref: refTo(`run-1/project/${name}`, content) };
}

/** The state at the start of a run. */
export function freshState(overrides: Partial<RunState> = {}): RunState {
  return {
    runId: 'run-1',
    request: { idea: 'RSI on SPY', source: 'cli', requestedAt: '2026-01-02T03:04:05.000Z' },
    limits: DEFAULT_LIMITS,
    files: [],
    attempts: { refine: 0, validate: 0 },
    validationHistory: [],
    usage: [],
    timings: [],
    ...overrides,
  };
}
