import { z } from 'zod';
import type { RunReport } from '../../pipeline/run-report.js';
import { Statistics } from '../../pipeline/run-state.js';
import { countText, DiagnosticOutput, diagnosticLines, toDiagnosticOutput } from '../diagnostic-output.js';

/** What `generate_strategy` returns. */
export const GenerateStrategyOutput = z.object({
  status: z
    .enum(['succeeded', 'running'])
    .describe('running: the deployed run outlasted waitSeconds; its report will be at location.report'),
  runId: z.string(),
  mode: z.enum(['local', 'deployed']).describe('Run on this machine, or by the deployed state machine'),
  executionArn: z.string().optional(),
  title: z.string().optional(),
  summary: z.string().optional(),
  files: z
    .array(z.object({ name: z.string(), owner: z.string(), content: z.string() }))
    .describe('The project, main.py among them'),
  location: z
    .object({
      project: z.string().describe('Where the project files are'),
      report: z.string().describe('report.json: plan, timings, every validation attempt, statistics, cost'),
      zip: z.string().optional(),
      zipLink: z.string().optional(),
    })
    .describe('Where the run wrote its files'),
  validation: z
    .object({
      ok: z.boolean(),
      attempts: z.number().int(),
      phase: z.string().describe('The last check: static, compile or initialize'),
      errorCount: z.number().int(),
      warningCount: z.number().int(),
      diagnostics: z.array(DiagnosticOutput),
    })
    .optional()
    .describe('The last validation attempt'),
  backtest: z
    .object({
      emulated: z.boolean().describe('True when the local emulator ran it: not market results'),
      projectId: z.number().int(),
      projectUrl: z.string(),
      backtestId: z.string().optional(),
      backtestUrl: z.string().optional(),
      status: z.string().optional(),
      verdict: z.string().optional(),
      totalOrders: z.number().optional(),
      statistics: Statistics.optional(),
    })
    .optional(),
  cost: z
    .object({
      usd: z.number().optional().describe('Dollars of the priced model calls'),
      inputTokens: z.number(),
      outputTokens: z.number(),
      cachedInputTokens: z.number(),
      calls: z.number(),
      unpricedCalls: z.number().optional(),
    })
    .optional(),
  durationMs: z.number().optional(),
});
export type GenerateStrategyOutput = z.infer<typeof GenerateStrategyOutput>;

/** A finished run's file, its content read back from where the run wrote it. */
export interface GeneratedFile {
  name: string;
  owner: string;
  content: string;
}

/** The output for a finished, successful run. */
export function succeededOutput(
  report: RunReport,
  files: GeneratedFile[],
  run: { mode: 'local' | 'deployed'; executionArn?: string },
): GenerateStrategyOutput {
  const last = report.validation.at(-1);
  const totals = report.usage.totals;
  return {
    status: 'succeeded',
    runId: report.runId,
    mode: run.mode,
    ...(run.executionArn ? { executionArn: run.executionArn } : {}),
    ...(report.plan ? { title: report.plan.title, summary: report.plan.summary } : {}),
    files,
    location: report.locations,
    ...(last
      ? {
          validation: {
            ok: last.ok,
            attempts: report.validation.length,
            phase: last.phase,
            errorCount: last.errorCount,
            warningCount: last.warningCount,
            diagnostics: last.diagnostics.map(toDiagnosticOutput),
          },
        }
      : {}),
    ...(report.backtest
      ? {
          backtest: {
            emulated: report.backtest.emulated,
            projectId: report.backtest.projectId,
            projectUrl: report.backtest.projectUrl,
            backtestId: report.backtest.backtestId,
            backtestUrl: report.backtest.backtestUrl,
            status: report.backtest.status,
            verdict: report.backtest.verdict,
            totalOrders: report.backtest.totalOrders,
            statistics: report.backtest.statistics,
          },
        }
      : {}),
    cost: {
      usd: totals.costUsd,
      inputTokens: totals.inputTokens,
      outputTokens: totals.outputTokens,
      cachedInputTokens: totals.cachedInputTokens,
      calls: totals.calls,
      unpricedCalls: totals.unpricedCalls,
    },
    durationMs: report.durationMs,
  };
}

/** What an assistant reads about a successful run. */
export function succeededText(output: GenerateStrategyOutput, report: RunReport): string {
  const lines = [
    `Generated ${output.title ?? report.runId}: ${output.files.map((file) => file.name).join(', ')}.`,
  ];
  if (output.summary) lines.push(output.summary);
  const last = report.validation.at(-1);
  if (last) {
    lines.push(
      `Validation (${last.phase}, attempt ${report.validation.length}): ${last.ok ? 'passed' : 'failed'}, ${countText(last.diagnostics)}.`,
    );
  }
  const backtest = output.backtest;
  if (backtest) {
    const label = backtest.emulated ? ' (emulated: not market results)' : '';
    lines.push(
      `Backtest ${backtest.status ?? 'not run'}${label}: ${backtest.backtestUrl ?? backtest.projectUrl}`,
    );
    const statistics = Object.entries(backtest.statistics ?? {});
    if (statistics.length > 0) lines.push('Statistics (percentages and dollars as plain numbers):');
    for (const [key, value] of statistics) lines.push(`  ${key}: ${value}`);
  }
  if (output.cost) {
    const usd = output.cost.usd === undefined ? '' : `, $${output.cost.usd}`;
    lines.push(
      `Models: ${output.cost.calls} calls, ${output.cost.inputTokens} tokens in, ${output.cost.outputTokens} out${usd}.`,
    );
  }
  lines.push(
    `Files: ${output.location.project}${output.location.zip ? ` (zip: ${output.location.zip})` : ''}.`,
  );
  // Some clients hand the model only the text: the code goes there too, not only in files[].content.
  for (const file of output.files) {
    const fence = file.name.endsWith('.py') ? '```python' : '```markdown';
    lines.push('', `${file.name}:`, fence, file.content.trimEnd(), '```');
  }
  return lines.join('\n');
}

/** What an assistant reads about a failed run: what failed, the last errors, and where the files are. */
export function failedText(report: RunReport): string {
  const failure = report.failure;
  const lines = [
    `The run ${report.runId} failed${failure ? ` at ${failure.stage}: ${failure.message}` : '.'}`,
  ];
  const last = report.validation.at(-1);
  if (last && !last.ok) lines.push(`Last validation (${last.phase}):`, diagnosticLines(last.diagnostics, 15));
  lines.push(
    `Nothing was lost: its files are in ${report.locations.project}, its report in ${report.locations.report}.`,
  );
  return lines.join('\n');
}
