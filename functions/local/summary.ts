import pc from 'picocolors';
import { describeBudget } from '../llm/ledger/budget.js';
import { formatUsd } from '../llm/ledger/cost.js';
import type { RunReport } from '../pipeline/run-report.js';
import { stageLabel } from './task-list.js';

const KEY_STATISTICS = [
  'Net Profit',
  'Compounding Annual Return',
  'Sharpe Ratio',
  'Sortino Ratio',
  'Drawdown',
  'Win Rate',
  'Total Orders',
  'Total Fees',
] as const;

const PERCENT_STATISTICS = new Set(['Net Profit', 'Compounding Annual Return', 'Drawdown', 'Win Rate']);

function formatStatistic(name: string, value: number | string | undefined): string {
  if (value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (PERCENT_STATISTICS.has(name)) return `${value}%`;
  if (name === 'Total Fees') return `$${value}`;
  return String(value);
}

function stageTimes(report: RunReport): string[] {
  const totals = new Map<string, { ms: number; count: number }>();
  for (const timing of report.timings) {
    const current = totals.get(timing.stage) ?? { ms: 0, count: 0 };
    totals.set(timing.stage, { ms: current.ms + timing.durationMs, count: current.count + 1 });
  }
  return [...totals].map(([stage, total]) => {
    const name = stageLabel(stage);
    const times = total.count > 1 ? ` ×${total.count}` : '';
    return `  ${name.padEnd(20)} ${(total.ms / 1000).toFixed(2).padStart(7)}s${times}`;
  });
}

/** The offline model calls no vendor: its token counts are what the prompts would cost, estimated. */
function estimated(report: RunReport): string {
  const entries = report.usage.entries;
  return entries.length > 0 && entries.every((entry) => entry.provider === 'offline')
    ? ' (estimated: the offline model calls no vendor)'
    : '';
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

function formatCalls(calls: number): string {
  return calls === 1 ? '1 call' : `${calls} calls`;
}

/** The run's total in dollars, saying what it leaves out and which prices it uses. */
function totalDollars(usage: RunReport['usage']): string {
  const { costUsd, unpricedCalls } = usage.totals;
  if (costUsd === undefined) return '';
  const unpriced = unpricedCalls ? ` plus ${formatCalls(unpricedCalls)} of unknown price` : '';
  const prices = usage.pricesAsOf ? ` at the prices of ${usage.pricesAsOf}` : '';
  return `, ${formatUsd(costUsd)}${unpriced}${prices}`;
}

/** One line per agent role and vendor model, then the total in tokens and dollars, and the budget if any. */
function modelLines(report: RunReport): string[] {
  const { entries, totals, budget } = report.usage;
  const lines = entries.map((entry) => {
    const model = `${entry.provider}:${entry.model}`;
    const cached = entry.cachedInputTokens > 0 ? ` (${formatCount(entry.cachedInputTokens)} cached)` : '';
    const cost = typeof entry.costUsd === 'number' ? formatUsd(entry.costUsd) : 'cost unknown';
    const input = `${formatCount(entry.inputTokens).padStart(8)} in${cached}`;
    const output = `${formatCount(entry.outputTokens).padStart(7)} out`;
    return `  ${entry.role.padEnd(12)} ${model.padEnd(36)} ${formatCalls(entry.calls).padStart(8)}  ${input}  ${output}  ${cost}`;
  });
  const cached = totals.cachedInputTokens > 0 ? ` (${formatCount(totals.cachedInputTokens)} cached)` : '';
  lines.push(
    `  ${formatCalls(totals.calls)}, ${formatCount(totals.inputTokens)} input tokens${cached}, ${formatCount(totals.outputTokens)} output tokens${totalDollars(report.usage)}${estimated(report)}`,
  );
  if (budget) lines.push(`  budget: ${describeBudget(budget)}`);
  return lines;
}

/** The short summary printed after a run: files, validation, backtest, time per stage, where things are. */
export function renderSummary(report: RunReport): string {
  const lines: string[] = [''];
  const ok = report.status === 'succeeded';
  lines.push(
    ok
      ? pc.green(pc.bold(`✔ ${report.plan?.title ?? report.runId}`))
      : pc.red(
          pc.bold(
            `✖ Run failed at ${report.failure?.stage ?? 'an unknown stage'}: ${report.failure?.message ?? ''}`,
          ),
        ),
  );
  if (report.plan && report.plan.notUnderstood.length > 0) {
    lines.push(pc.yellow(`  Not understood: ${report.plan.notUnderstood.join('; ')}`));
  }
  lines.push('', pc.bold('Files'));
  for (const file of report.files) {
    lines.push(
      `  ${file.name.padEnd(14)} ${(file.className ?? '').padEnd(40)} ${String(file.bytes).padStart(6)} bytes`,
    );
  }
  const last = report.validation.at(-1);
  lines.push('', pc.bold('Validation'));
  lines.push(
    last
      ? `  ${last.ok ? pc.green('passed') : pc.red('failed')} on attempt ${last.attempt} (${last.phase}): ${last.errorCount} errors, ${last.warningCount} warnings`
      : '  not reached',
  );
  for (const diagnostic of last?.diagnostics.slice(0, 5) ?? []) {
    lines.push(
      `  ${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.message}`,
    );
  }
  if (report.backtest?.statistics) {
    const label = report.backtest.emulated ? ' (emulated: not real market results)' : '';
    lines.push('', pc.bold(`Backtest${label}`));
    for (const name of KEY_STATISTICS) {
      lines.push(`  ${name.padEnd(26)} ${formatStatistic(name, report.backtest.statistics[name])}`);
    }
  }
  lines.push('', pc.bold('Time per stage'), ...stageTimes(report));
  lines.push(
    `  ${'total'.padEnd(20)} ${(report.durationMs / 1000).toFixed(2).padStart(7)}s`,
    '',
    pc.bold('Models'),
    ...modelLines(report),
    '',
    pc.bold('Written to'),
    `  project  ${report.locations.project}`,
  );
  if (report.locations.zip) lines.push(`  zip      ${report.locations.zip}`);
  lines.push(`  report   ${report.locations.report}`, '');
  return lines.join('\n');
}
