import { Plan } from '../agents/plan.js';
import { FILE_OF_OWNER, FileOwner, PROJECT_FILE_NAME } from '../agents/roles.js';
import type { SourceFile } from '../agents/tasks.js';
import { type ArtifactRef, getJson, getText, readRef } from '../shared/artifact-store.js';
import { ModelOutputError, QuantCoderError } from '../shared/errors.js';
import type { Deps } from './deps.js';
import type { ProjectFile, RunState } from './run-state.js';

/** A stage ran before the stage it depends on: the state machine's order is broken. */
export class PipelineOrderError extends QuantCoderError {
  override readonly name = 'PipelineOrderError';
}

/** Artifact keys of a run; every stage uses these so the layout lives in one place. */
export const runKeys = {
  plan: (runId: string) => `${runId}/plan.json`,
  projectFile: (runId: string, name: string) => `${runId}/project/${name}`,
  previousVersion: (runId: string, attempt: number, name: string) =>
    `${runId}/history/attempt-${attempt}/${name}`,
  validation: (runId: string, attempt: number) => `${runId}/validation/attempt-${attempt}.json`,
  backtestReview: (runId: string, attempt: number) => `${runId}/backtest/review-${attempt}.json`,
  equity: (runId: string) => `${runId}/backtest/equity.json`,
  manifest: (runId: string) => `${runId}/manifest.json`,
  zip: (runId: string, projectName: string) => `${runId}/${projectName}.zip`,
  report: (runId: string) => `${runId}/report.json`,
};

/** The run's plan, read from the artifact store. */
export async function loadPlan(state: RunState, deps: Pick<Deps, 'store'>): Promise<Plan> {
  if (!state.plan) throw new PipelineOrderError(`Run ${state.runId} has no plan yet.`);
  return getJson(deps.store, state.plan.ref, Plan);
}

/** Every project file's current contents. */
export async function loadSources(state: RunState, deps: Pick<Deps, 'store'>): Promise<SourceFile[]> {
  return Promise.all(
    state.files.map(async (file) => ({ name: file.name, content: await getText(deps.store, file.ref) })),
  );
}

/** Checks a file name a model produced before it touches a path or a zip. */
export function assertProjectFileName(name: string): void {
  if (!PROJECT_FILE_NAME.test(name)) {
    throw new ModelOutputError(
      `The model named a file "${name}"; project files must be lower-case Python modules (like alpha.py) or README.md.`,
    );
  }
}

/** Stores a project file and returns its state entry. */
export async function storeProjectFile(
  deps: Pick<Deps, 'store'>,
  runId: string,
  file: Omit<ProjectFile, 'ref'> & { content: string },
): Promise<ProjectFile> {
  assertProjectFileName(file.name);
  const ref: ArtifactRef = await deps.store.put(runKeys.projectFile(runId, file.name), file.content, {
    contentType: file.name.endsWith('.py') ? 'text/x-python' : 'text/markdown',
  });
  const { content: _content, ...entry } = file;
  return { ...entry, ref };
}

const OWNER_OF_FILE = new Map<string, FileOwner>(
  FileOwner.options.map((owner) => [FILE_OF_OWNER[owner], owner] as const),
);

/**
 * Project files in the store that the state does not know: what the branches of a failed Parallel
 * state wrote before it failed. A failure report lists and zips them too, so nothing is lost.
 */
export async function unrecordedProjectFiles(
  state: RunState,
  deps: Pick<Deps, 'store'>,
): Promise<ProjectFile[]> {
  const folder = runKeys.projectFile(state.runId, '').replace(/\/$/, '');
  const known = new Set(state.files.map((file) => file.name));
  const found: ProjectFile[] = [];
  for (const key of await deps.store.list(folder)) {
    const name = key.slice(folder.length + 1);
    const owner = name === 'README.md' ? 'integration' : OWNER_OF_FILE.get(name);
    if (known.has(name) || !owner) continue;
    // Only a file the state will hold is read, to hash it into its reference.
    const ref = await readRef(deps.store, key);
    if (ref) found.push({ name, owner, ref });
  }
  return found;
}
