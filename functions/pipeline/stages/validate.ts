import type { SourceFile } from '../../agents/tasks.js';
import { parseCompileLogs, parseRuntimeError } from '../../quantconnect/compile-errors.js';
import type { CompileResult } from '../../quantconnect/port.js';
import { compileProject, STAGE_COMPILE_TIMEOUT_MS } from '../../quantconnect/push-project.js';
import { putJson } from '../../shared/artifact-store.js';
import { TransientError } from '../../shared/errors.js';
import { type Diagnostic, hasErrors } from '../../validator/diagnostic.js';
import { validateProject } from '../../validator/index.js';
import type { Deps } from '../deps.js';
import { loadPlan, loadSources, runKeys } from '../project-files.js';
import { filesToRepair } from '../review-report.js';
import { MAX_DIAGNOSTICS_IN_STATE, type RunState } from '../run-state.js';
import type { Stage } from '../stage.js';

/** A compile still queued this long after it started is retried by Step Functions, inside the Lambda timeout. */
async function compileWithinDeadline(deps: Deps, projectId: number): Promise<CompileResult> {
  const now = () => deps.now().getTime();
  const compile = await compileProject(deps.quantConnect, projectId, {
    sleep: deps.sleep,
    now,
    deadline: now() + STAGE_COMPILE_TIMEOUT_MS,
  });
  if (compile.state === 'InQueue') {
    throw new TransientError(
      `QuantConnect compile ${compile.compileId} was still queued after ${STAGE_COMPILE_TIMEOUT_MS / 1000} seconds.`,
    );
  }
  return compile;
}

async function ensureProject(state: RunState, deps: Deps, projectName: string) {
  if (state.quantConnect) return state.quantConnect;
  const project = await deps.quantConnect.createProject(`${projectName}-${state.runId.slice(-8)}`);
  return { projectId: project.projectId, projectUrl: project.url, emulated: deps.quantConnect.emulated };
}

async function compileOnQuantConnect(
  state: RunState,
  deps: Deps,
  sources: SourceFile[],
  projectName: string,
) {
  const project = await ensureProject(state, deps, projectName);
  await deps.quantConnect.writeFiles(project.projectId, sources);
  const compile = await compileWithinDeadline(deps, project.projectId);
  const names = new Set(sources.map((source) => source.name));
  const diagnostics: Diagnostic[] =
    compile.state === 'BuildError' ? parseCompileLogs(compile.logs, names) : [];
  return { project: { ...project, compileId: compile.compileId }, diagnostics };
}

/**
 * QuantConnect's quick initialization check: `initialize` runs for a few seconds without a backtest,
 * so an exception there costs seconds instead of a queued backtest.
 */
async function checkInitialization(deps: Deps, sources: SourceFile[]): Promise<Diagnostic[]> {
  const check = await deps.quantConnect.checkInitialization(sources);
  if (check.ok) return [];
  const names = new Set(sources.map((source) => source.name));
  return check.messages.map((message) => {
    const [first = message, ...trace] = message.split('\n');
    return parseRuntimeError(first, trace.join('\n'), names, 'initialize');
  });
}

type Phase = 'static' | 'compile' | 'initialize';

/**
 * The validation ladder: static checks first (milliseconds, no quota), then QuantConnect's compile, then
 * its quick initialization check. Each rung runs only when the one before found no error; errors become
 * a repair request routed to the files they name.
 */
export const validateStage: Stage = {
  kind: 'step',
  async run(state, deps) {
    const attempt = state.attempts.validate + 1;
    const plan = await loadPlan(state, deps);
    const sources = await loadSources(state, deps);
    let diagnostics = validateProject(sources, { contract: plan.contract.files });
    let phase: Phase = 'static';
    let quantConnect = state.quantConnect;
    if (!hasErrors(diagnostics)) {
      phase = 'compile';
      const compiled = await compileOnQuantConnect(state, deps, sources, plan.projectName);
      quantConnect = compiled.project;
      diagnostics = [...diagnostics, ...compiled.diagnostics];
    }
    if (!hasErrors(diagnostics)) {
      phase = 'initialize';
      diagnostics = [...diagnostics, ...(await checkInitialization(deps, sources))];
    }
    const report = await putJson(deps.store, runKeys.validation(state.runId, attempt), {
      attempt,
      phase,
      diagnostics,
    });
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const ok = errors.length === 0;
    return {
      attempts: { ...state.attempts, validate: attempt },
      quantConnect,
      validation: {
        attempt,
        ok,
        phase,
        errorCount: errors.length,
        warningCount: diagnostics.length - errors.length,
        diagnostics: [
          ...errors,
          ...diagnostics.filter((diagnostic) => diagnostic.severity === 'warning'),
        ].slice(0, MAX_DIAGNOSTICS_IN_STATE),
        report,
      },
      validationHistory: [
        ...state.validationHistory,
        {
          attempt,
          ok,
          phase,
          errorCount: errors.length,
          warningCount: diagnostics.length - errors.length,
          report,
        },
      ],
      repair: ok
        ? undefined
        : {
            reason: 'validation',
            report,
            files: filesToRepair(
              errors,
              sources.map((source) => source.name),
            ),
          },
    };
  },
  describe(state) {
    const validation = state.validation;
    if (!validation) return undefined;
    const of = `attempt ${validation.attempt} of ${state.limits.maxRefineAttempts + 1}`;
    if (validation.ok)
      return `${of}: ${validation.phase === 'static' ? 'passes' : 'compiles and initializes'}, ${validation.warningCount} warnings`;
    return `${of}: ${validation.errorCount} errors (${validation.phase})`;
  },
};
