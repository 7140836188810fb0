import { z } from 'zod';
import { Plan } from '../agents/plan.js';
import { buildLedger, UsageLedger } from '../llm/ledger/ledger.js';
import { getJson } from '../shared/artifact-store.js';
import type { Deps } from './deps.js';
import { ReviewReport } from './review-report.js';
import { type Failure, RunState, StageTiming, Statistics } from './run-state.js';

/** report.json: everything a person or a program needs to know about a run, in one file. */
export const RunReport = z.object({
  runId: z.string(),
  status: z.enum(['succeeded', 'failed']),
  failure: z.object({ stage: z.string(), reason: z.string(), message: z.string() }).optional(),
  request: z.object({ idea: z.string(), source: z.string(), requestedAt: z.string() }),
  plan: Plan.optional(),
  files: z.array(
    z.object({
      name: z.string(),
      owner: z.string(),
      className: z.string().optional(),
      sha256: z.string(),
      bytes: z.number(),
    }),
  ),
  locations: z.object({
    project: z.string(),
    zip: z.string().optional(),
    zipLink: z.string().optional(),
    report: z.string(),
  }),
  timings: z.array(StageTiming),
  durationMs: z.number(),
  validation: z.array(
    z.object({
      attempt: z.number(),
      phase: z.string(),
      ok: z.boolean(),
      errorCount: z.number(),
      warningCount: z.number(),
      diagnostics: ReviewReport.shape.diagnostics,
    }),
  ),
  backtest: z
    .object({
      emulated: z.boolean(),
      projectId: z.number(),
      projectUrl: z.string(),
      backtestId: z.string().optional(),
      backtestUrl: z.string().optional(),
      status: z.string().optional(),
      verdict: z.string().optional(),
      totalOrders: z.number().optional(),
      statistics: Statistics.optional(),
      equity: z.string().optional(),
    })
    .optional(),
  /** A follow-up deploy run's deployment on QuantConnect. */
  deployment: RunState.shape.deployment,
  /** Tokens and dollars per agent role and vendor model, with totals and the price table's date. */
  usage: UsageLedger,
});
export type RunReport = z.infer<typeof RunReport>;

/** Builds the report from the state and the artifacts it points to. */
export async function buildRunReport(
  state: RunState,
  deps: Pick<Deps, 'store' | 'quantConnect' | 'now'>,
  outcome: { status: 'succeeded' | 'failed'; failure?: Failure; reportKey: string; projectKey: string },
): Promise<RunReport> {
  const plan = state.plan ? await getJson(deps.store, state.plan.ref, Plan) : undefined;
  const validation = await Promise.all(
    state.validationHistory.map(async (entry) => ({
      attempt: entry.attempt,
      phase: entry.phase,
      ok: entry.ok,
      errorCount: entry.errorCount,
      warningCount: entry.warningCount,
      diagnostics: (await getJson(deps.store, entry.report, ReviewReport)).diagnostics,
    })),
  );
  const startedAt = Date.parse(state.request.requestedAt);
  const quantConnect = state.quantConnect;
  return {
    runId: state.runId,
    status: outcome.status,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
    request: {
      idea: state.request.idea,
      source: state.request.source,
      requestedAt: state.request.requestedAt,
    },
    ...(plan ? { plan } : {}),
    files: state.files.map((file) => ({
      name: file.name,
      owner: file.owner,
      ...(file.className ? { className: file.className } : {}),
      sha256: file.ref.sha256,
      bytes: file.ref.bytes,
    })),
    locations: {
      project: deps.store.locate(outcome.projectKey),
      ...(state.package
        ? { zip: deps.store.locate(state.package.zip.key), zipLink: state.package.link }
        : {}),
      report: deps.store.locate(outcome.reportKey),
    },
    timings: state.timings,
    durationMs: Number.isFinite(startedAt) ? Math.max(0, deps.now().getTime() - startedAt) : 0,
    validation,
    ...(quantConnect
      ? {
          backtest: {
            emulated: quantConnect.emulated,
            projectId: quantConnect.projectId,
            projectUrl: quantConnect.projectUrl,
            ...(state.backtest
              ? {
                  backtestId: state.backtest.backtestId,
                  backtestUrl: deps.quantConnect.backtestUrl(
                    quantConnect.projectId,
                    state.backtest.backtestId,
                  ),
                  status: state.backtest.status,
                }
              : {}),
            ...(state.result
              ? {
                  verdict: state.result.verdict,
                  totalOrders: state.result.totalOrders,
                  statistics: state.result.statistics,
                  ...(state.result.equity ? { equity: deps.store.locate(state.result.equity.key) } : {}),
                }
              : {}),
          },
        }
      : {}),
    ...(state.deployment ? { deployment: state.deployment } : {}),
    usage: buildLedger(state.usage, state.limits.budget),
  };
}
