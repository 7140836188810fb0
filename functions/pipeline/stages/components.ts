import { writeAlpha } from '../../agents/alpha/index.js';
import { contractFor, type Plan } from '../../agents/plan.js';
import { writePortfolio } from '../../agents/portfolio/index.js';
import { writeRisk } from '../../agents/risk/index.js';
import type { FileOwner } from '../../agents/roles.js';
import { writeStrategy } from '../../agents/strategy/index.js';
import type { GeneratedFile } from '../../agents/tasks.js';
import { writeUniverse } from '../../agents/universe/index.js';
import type { Model } from '../../llm/model.js';
import type { Deps } from '../deps.js';
import { loadPlan, PipelineOrderError, storeProjectFile } from '../project-files.js';
import type { ProjectFile, RunState, UsageEntry } from '../run-state.js';
import type { BranchStage } from '../stage.js';

type Writer = (plan: Plan, model: Model) => Promise<{ output: GeneratedFile; usage: UsageEntry }>;

const WRITERS: Record<FileOwner, Writer> = {
  universe: writeUniverse,
  alpha: writeAlpha,
  portfolio: writePortfolio,
  risk: writeRisk,
  strategy: writeStrategy,
};

/** Has the owner's agent write its file from the plan's contract and stores it. */
async function writeComponent(
  owner: FileOwner,
  state: RunState,
  deps: Deps,
): Promise<{ file: ProjectFile; usage: UsageEntry }> {
  const plan = await loadPlan(state, deps);
  const contract = contractFor(plan, owner);
  if (!contract) throw new PipelineOrderError(`The plan of run ${state.runId} has no ${owner} file.`);
  const { output, usage } = await WRITERS[owner](plan, deps.models(owner));
  const file = await storeProjectFile(deps, state.runId, {
    name: contract.file,
    owner,
    className: output.className,
    content: output.code,
  });
  return { file, usage };
}

function branchStage(owner: FileOwner): BranchStage {
  return {
    kind: 'branch',
    async run(state, deps) {
      const { file, usage } = await writeComponent(owner, state, deps);
      return { files: [file], usage: [usage], timings: [] };
    },
    describe: (patch) => patch.files.map((file) => `${file.name}: ${file.className}`).join(', '),
  };
}

export const universeStage = branchStage('universe');
export const alphaStage = branchStage('alpha');
export const portfolioStage = branchStage('portfolio');
export const riskStage = branchStage('risk');
export const strategyStage = branchStage('strategy');
