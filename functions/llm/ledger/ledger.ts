import { z } from 'zod';
import { RunBudget, type UsageEntry } from '../../pipeline/run-state.js';
import { CostedUsageEntry, costOf, roundUsd } from './cost.js';
import { PRICE_TABLE_AS_OF } from './prices.js';

/**
 * The cost ledger of a run, as report.json carries it: tokens and dollars per agent role and vendor model,
 * and totals. Cost fields are optional so reports written before the ledger existed still parse.
 */
export const UsageLedger = z.object({
  entries: z.array(CostedUsageEntry),
  totals: z.object({
    calls: z.number(),
    inputTokens: z.number(),
    outputTokens: z.number(),
    cachedInputTokens: z.number(),
    cacheWriteTokens: z.number().optional(),
    /** Dollars of every priced entry. */
    costUsd: z.number().optional(),
    /** Calls whose model has no price on file: their dollars are missing from `costUsd`. */
    unpricedCalls: z.number().optional(),
  }),
  /** The date of the price table the dollars come from. */
  pricesAsOf: z.string().optional(),
  budget: RunBudget.optional(),
});
export type UsageLedger = z.infer<typeof UsageLedger>;

function add(current: UsageEntry, entry: UsageEntry): UsageEntry {
  const writes = (current.cacheWriteTokens ?? 0) + (entry.cacheWriteTokens ?? 0);
  return {
    ...current,
    calls: current.calls + entry.calls,
    inputTokens: current.inputTokens + entry.inputTokens,
    outputTokens: current.outputTokens + entry.outputTokens,
    cachedInputTokens: current.cachedInputTokens + entry.cachedInputTokens,
    ...(writes > 0 ? { cacheWriteTokens: writes } : {}),
  };
}

/** Adds usage up per role, provider and model, prices each line and totals tokens and dollars. */
export function buildLedger(entries: readonly UsageEntry[], budget?: RunBudget): UsageLedger {
  const byKey = new Map<string, UsageEntry>();
  for (const entry of entries) {
    const key = `${entry.role}|${entry.provider}|${entry.model}`;
    const current = byKey.get(key);
    byKey.set(key, current ? add(current, entry) : { ...entry });
  }
  const costed: CostedUsageEntry[] = [...byKey.values()].map((entry) => {
    const cost = costOf(entry);
    return { ...entry, costUsd: cost.usd, ...(cost.note ? { costNote: cost.note } : {}) };
  });
  const totals = {
    calls: 0,
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    costUsd: 0,
    unpricedCalls: 0,
  };
  for (const entry of costed) {
    totals.calls += entry.calls;
    totals.inputTokens += entry.inputTokens;
    totals.outputTokens += entry.outputTokens;
    totals.cachedInputTokens += entry.cachedInputTokens;
    totals.cacheWriteTokens += entry.cacheWriteTokens ?? 0;
    if (entry.costUsd === null || entry.costUsd === undefined) totals.unpricedCalls += entry.calls;
    else totals.costUsd += entry.costUsd;
  }
  return {
    entries: costed,
    totals: { ...totals, costUsd: roundUsd(totals.costUsd) },
    pricesAsOf: PRICE_TABLE_AS_OF,
    ...(budget ? { budget } : {}),
  };
}
