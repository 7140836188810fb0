import {
  BranchPatch,
  type ProjectFile,
  type RunState,
  type StageTiming,
  type UsageEntry,
} from './run-state.js';

/** What a stage changes: replaced fields, plus usage and timings to append and files to upsert by name. */
export type StatePatch = Partial<Omit<RunState, 'usage' | 'timings' | 'files'>> & {
  usage?: UsageEntry[];
  timings?: StageTiming[];
  files?: ProjectFile[];
};

/** Upserts files by name, keeping the existing order and appending new names. */
export function mergeFiles(current: readonly ProjectFile[], updates: readonly ProjectFile[]): ProjectFile[] {
  const merged = [...current];
  for (const update of updates) {
    const index = merged.findIndex((file) => file.name === update.name);
    if (index === -1) merged.push(update);
    else merged[index] = update;
  }
  return merged;
}

/** Applies a stage's patch to the state. Fields set to undefined in the patch are removed. */
export function applyPatch(state: RunState, patch: StatePatch): RunState {
  const { usage, timings, files, ...replaced } = patch;
  const next: RunState = {
    ...state,
    ...replaced,
    files: files ? mergeFiles(state.files, files) : state.files,
    usage: usage ? [...state.usage, ...usage] : state.usage,
    timings: timings ? [...state.timings, ...timings] : state.timings,
  };
  for (const [key, value] of Object.entries(replaced)) {
    if (value === undefined) delete next[key as keyof RunState];
  }
  return next;
}

/** Folds the patches a Parallel state left in `branches` into the state. */
export function foldBranches(state: RunState): RunState {
  if (!state.branches) return state;
  let folded: RunState = { ...state };
  delete folded.branches;
  for (const branch of state.branches) {
    folded = applyPatch(folded, BranchPatch.parse(branch));
  }
  return folded;
}
