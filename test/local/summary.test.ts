import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../functions/local/summary.js';
import type { RunReport } from '../../functions/pipeline/run-report.js';

function report(overrides: Partial<RunReport> = {}): RunReport {
  return {
    runId: 'run-1',
    status: 'succeeded',
    request: { idea: 'RSI on SPY', source: 'cli', requestedAt: '2026-01-01T00:00:00Z' },
    files: [
      {
        name: 'alpha.py',
        owner: 'alpha',
        className: 'RsiReversalAlphaModel',
        sha256: 'a'.repeat(64),
        bytes: 1234,
      },
    ],
    locations: {
      project: '/runs/run-1/project',
      zip: '/runs/run-1/rsi.zip',
      report: '/runs/run-1/report.json',
    },
    timings: [
      { stage: 'validate', startedAt: 'x', durationMs: 1000, attempt: 1 },
      { stage: 'validate', startedAt: 'x', durationMs: 500, attempt: 2 },
    ],
    durationMs: 4200,
    validation: [{ attempt: 2, phase: 'compile', ok: true, errorCount: 0, warningCount: 1, diagnostics: [] }],
    backtest: {
      emulated: true,
      projectId: 1,
      projectUrl: 'https://www.quantconnect.com/project/1',
      statistics: { 'Net Profit': 12.5, 'Sharpe Ratio': 1.1, 'Total Orders': 40 },
    },
    usage: { entries: [], totals: { calls: 6, inputTokens: 100, outputTokens: 50, cachedInputTokens: 0 } },
    ...overrides,
  };
}

describe('renderSummary', () => {
  it('shows files, validation, labelled emulated statistics, time per stage and where things are', () => {
    // Act
    const text = stripVTControlCharacters(renderSummary(report()));

    // Assess
    expect(text).toContain('RsiReversalAlphaModel');
    expect(text).toContain('passed on attempt 2 (compile): 0 errors, 1 warnings');
    expect(text).toContain('Backtest (emulated: not real market results)');
    expect(text).toMatch(/Net Profit\s+12\.5%/);
    expect(text).toMatch(/Validate\s+1\.50s ×2/);
    expect(text).toContain('/runs/run-1/rsi.zip');
  });

  it('leads with what failed on a failed run', () => {
    // Act
    const text = renderSummary(
      report({
        status: 'failed',
        failure: { stage: 'validate', reason: 'validation_failed', message: 'Still broken.' },
      }),
    );

    // Assess
    expect(text).toContain('Run failed at validate: Still broken.');
  });
});
