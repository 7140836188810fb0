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

  it('prints tokens and dollars per agent and vendor model, the total, and the budget', () => {
    // Prepare
    const usage: RunReport['usage'] = {
      entries: [
        {
          role: 'coordinator',
          provider: 'anthropic',
          model: 'claude-sonnet-4-6',
          calls: 2,
          inputTokens: 20_000,
          outputTokens: 3_000,
          cachedInputTokens: 12_000,
          costUsd: 0.0756,
        },
        {
          role: 'portfolio',
          provider: 'openai-compatible',
          model: 'openai/gpt-oss-20b',
          calls: 1,
          inputTokens: 1_000,
          outputTokens: 500,
          cachedInputTokens: 0,
          costUsd: null,
        },
      ],
      totals: {
        calls: 3,
        inputTokens: 21_000,
        outputTokens: 3_500,
        cachedInputTokens: 12_000,
        costUsd: 0.0756,
        unpricedCalls: 1,
      },
      pricesAsOf: '2026-11-24',
      budget: { usd: 2, tokens: 100_000 },
    };

    // Act
    const text = stripVTControlCharacters(renderSummary(report({ usage })));

    // Assess
    expect(text).toMatch(
      /coordinator\s+anthropic:claude-sonnet-4-6\s+2 calls\s+20,000 in \(12,000 cached\)\s+3,000 out\s+\$0\.0756/,
    );
    expect(text).toMatch(
      /portfolio\s+openai-compatible:openai\/gpt-oss-20b\s+1 call\s+1,000 in\s+500 out\s+cost unknown/,
    );
    expect(text).toContain(
      '3 calls, 21,000 input tokens (12,000 cached), 3,500 output tokens, $0.0756 plus 1 call of unknown price at the prices of 2026-11-24',
    );
    expect(text).toContain('budget: 100,000 tokens and $2.00');
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
