import { repairIntegration } from '../../agents/integration/index.js';
import type { FileContract } from '../../agents/plan.js';
import { putJson } from '../../shared/artifact-store.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import { validateProject } from '../../validator/index.js';
import { loadPlan, loadSources, runKeys, storeProjectFile } from '../project-files.js';
import { renderProjectReadme } from '../project-readme.js';
import type { ProjectFile, UsageEntry } from '../run-state.js';
import type { Stage } from '../stage.js';

/** The validator rules that are about files agreeing with each other, which is Integrate's job. */
export const CROSS_FILE_RULES: ReadonlySet<string> = new Set([
  'entry-file',
  'algorithm-class',
  'import-unresolved',
  'contract-class',
  'circular-import',
]);

function crossFileProblems(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error' && CROSS_FILE_RULES.has(diagnostic.rule),
  );
}

/**
 * Checks deterministically that the files agree (imports resolve, classes match the contract);
 * only when they do not is the integration model asked to repair them. Writes README.md and the manifest.
 */
export const integrateStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const plan = await loadPlan(state, deps);
    const contract: FileContract[] = plan.contract.files;
    const sources = await loadSources(state, deps);
    const problems = crossFileProblems(validateProject(sources, { contract }));
    const repaired: ProjectFile[] = [];
    const usage: UsageEntry[] = [];
    if (problems.length > 0) {
      deps.logger.info('repairing cross-file problems', { count: problems.length });
      const answer = await repairIntegration(plan, sources, problems, deps.models('integration'));
      usage.push(answer.usage);
      for (const file of answer.output.files) {
        const owner = contract.find((entry) => entry.file === file.file);
        if (!owner) continue;
        repaired.push(
          await storeProjectFile(deps, state.runId, {
            name: file.file,
            owner: owner.owner,
            className: owner.className,
            content: file.code,
          }),
        );
      }
    }
    const readme = await storeProjectFile(deps, state.runId, {
      name: 'README.md',
      owner: 'integration',
      content: renderProjectReadme(plan, state.request.idea),
    });
    const files = [...repaired, readme];
    await putJson(deps.store, runKeys.manifest(state.runId), {
      projectName: plan.projectName,
      files: plan.contract.files.map((entry) => ({
        file: entry.file,
        owner: entry.owner,
        className: entry.className,
        baseClass: entry.baseClass,
      })),
      crossFileProblems: problems,
    });
    return { files, usage };
  },
  describe: (state) =>
    `${state.files.filter((file) => file.name.endsWith('.py')).length} Python files checked, README.md written`,
};
