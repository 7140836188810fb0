import { contractFor, type Plan } from '../../agents/plan.js';
import { refineFile } from '../../agents/refine/index.js';
import { FileOwner } from '../../agents/roles.js';
import type { SourceFile } from '../../agents/tasks.js';
import { getJson } from '../../shared/artifact-store.js';
import type { Deps } from '../deps.js';
import { loadPlan, loadSources, PipelineOrderError, runKeys, storeProjectFile } from '../project-files.js';
import { ReviewReport } from '../review-report.js';
import type { ProjectFile, RunState, UsageEntry } from '../run-state.js';
import type { Stage } from '../stage.js';

async function refineOne(
  state: RunState,
  deps: Deps,
  context: { plan: Plan; sources: SourceFile[]; report: ReviewReport; attempt: number },
  name: string,
): Promise<{ file: ProjectFile; usage: UsageEntry } | undefined> {
  const entry = state.files.find((file) => file.name === name);
  const source = context.sources.find((file) => file.name === name);
  const owner = FileOwner.safeParse(entry?.owner);
  if (!entry || !source || !owner.success) return undefined;
  const contract = contractFor(context.plan, owner.data);
  if (!contract) throw new PipelineOrderError(`The plan has no contract for ${name}.`);
  // Keep the version being replaced: nothing a run produced is lost.
  await deps.store.put(runKeys.previousVersion(state.runId, context.attempt, name), source.content);
  const { output, usage } = await refineFile(
    {
      plan: context.plan,
      owner: owner.data,
      contract,
      file: source,
      diagnostics: context.report.diagnostics.filter((diagnostic) => diagnostic.file === name),
      otherFiles: context.sources.filter((file) => file.name !== name && file.name.endsWith('.py')),
    },
    deps.models('refine'),
  );
  const file = await storeProjectFile(deps, state.runId, {
    name,
    owner: owner.data,
    className: output.className,
    content: output.code,
  });
  return { file, usage };
}

/** Rewrites only the files the last review found errors in, each with its own diagnostics. */
export const refineStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    if (!state.repair)
      throw new PipelineOrderError(`Run ${state.runId} reached Refine with nothing to repair.`);
    const attempt = state.attempts.refine + 1;
    const [plan, sources, report] = await Promise.all([
      loadPlan(state, deps),
      loadSources(state, deps),
      getJson(deps.store, state.repair.report, ReviewReport),
    ]);
    const results = await Promise.all(
      state.repair.files.map((name) => refineOne(state, deps, { plan, sources, report, attempt }, name)),
    );
    const done = results.filter((result) => result !== undefined);
    return {
      attempts: { ...state.attempts, refine: attempt },
      files: done.map((result) => result.file),
      usage: done.map((result) => result.usage),
      validation: undefined,
      repair: undefined,
      backtest: undefined,
      result: undefined,
    };
  },
  describe: (state) => `attempt ${state.attempts.refine} of ${state.limits.maxRefineAttempts}`,
};
