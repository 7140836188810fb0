import { describe, expect, it } from 'vitest';
import { buildLedger, UsageLedger } from '../../../functions/llm/ledger/ledger.js';
import { PRICE_TABLE_AS_OF } from '../../../functions/llm/ledger/prices.js';
import type { UsageEntry } from '../../../functions/pipeline/run-state.js';

const COORDINATOR_CALL: UsageEntry = {
  role: 'coordinator',
  provider: 'anthropic',
  model: 'claude-sonnet-4-6',
  calls: 1,
  inputTokens: 10_000,
  outputTokens: 1_500,
  cachedInputTokens: 6_000,
  cacheWriteTokens: 2_000,
};

describe('buildLedger', () => {
  it('adds usage up per role and vendor model, prices each line and totals the priced ones', () => {
    // Prepare: two coordinator calls ($0.0378 each), one Devstral call ($0.0056), one unpriced endpoint call
    const entries: UsageEntry[] = [
      COORDINATOR_CALL,
      {
        role: 'alpha',
        provider: 'mistral',
        model: 'devstral-2512',
        calls: 1,
        inputTokens: 4_000,
        outputTokens: 2_000,
        cachedInputTokens: 0,
      },
      COORDINATOR_CALL,
      {
        role: 'portfolio',
        provider: 'openai-compatible',
        model: 'openai/gpt-oss-20b',
        calls: 1,
        inputTokens: 1_000,
        outputTokens: 500,
        cachedInputTokens: 0,
      },
    ];

    // Act
    const ledger = buildLedger(entries, { usd: 1 });

    // Assess
    expect(ledger.entries.map((entry) => [entry.role, entry.calls, entry.costUsd])).toEqual([
      ['coordinator', 2, 0.0756],
      ['alpha', 1, 0.0056],
      ['portfolio', 1, null],
    ]);
    expect(ledger.entries[0]).toMatchObject({
      inputTokens: 20_000,
      cachedInputTokens: 12_000,
      cacheWriteTokens: 4_000,
    });
    expect(ledger.entries[2]?.costNote).toMatch(/not counted in the total/);
    expect(ledger.totals).toEqual({
      calls: 4,
      inputTokens: 25_000,
      outputTokens: 5_500,
      cachedInputTokens: 12_000,
      cacheWriteTokens: 4_000,
      costUsd: 0.0812,
      unpricedCalls: 1,
    });
    expect(ledger.pricesAsOf).toBe(PRICE_TABLE_AS_OF);
    expect(ledger.budget).toEqual({ usd: 1 });
    expect(UsageLedger.parse(ledger)).toEqual(ledger);
  });

  it('still reads a report written before costs were recorded', () => {
    // Prepare
    const old = {
      entries: [{ ...COORDINATOR_CALL, cacheWriteTokens: undefined }],
      totals: { calls: 1, inputTokens: 10_000, outputTokens: 1_500, cachedInputTokens: 6_000 },
    };

    // Act
    const parsed = UsageLedger.safeParse(old);

    // Assess
    expect(parsed.success).toBe(true);
  });
});
