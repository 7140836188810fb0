import { z } from 'zod';
import type { AgentRole } from '../../agents/roles.js';
import { UsageEntry } from '../../pipeline/run-state.js';
import type { ModelResponse } from '../model.js';
import { wholeTokens } from '../token-estimate.js';
import { findPrices, PRICE_TABLE_AS_OF, type TokenPrices } from './prices.js';

/** What a cost is computed from: who served and how many tokens of each kind. */
export type TokenSpend = Pick<
  UsageEntry,
  'provider' | 'model' | 'inputTokens' | 'outputTokens' | 'cachedInputTokens' | 'cacheWriteTokens'
>;

/** Dollars of one usage entry; null when the price table does not know the model, with a note saying so. */
export interface UsageCost {
  usd: number | null;
  note?: string;
}

/** A usage entry with its cost, as report.json lists it. */
export const CostedUsageEntry = UsageEntry.extend({
  costUsd: z.number().nonnegative().nullable().optional(),
  costNote: z.string().optional(),
});
export type CostedUsageEntry = z.infer<typeof CostedUsageEntry>;

const MILLION = 1_000_000;

/** Dollars kept to the micro-dollar, so sums do not print floating-point noise. */
export function roundUsd(usd: number): number {
  return Math.round(usd * MILLION) / MILLION;
}

/** Cents, or hundredths of a cent below a dollar, where a run's costs usually are: $12.50, $0.25, $0.0378. */
export function formatUsd(usd: number): string {
  return `$${usd >= 1 ? usd.toFixed(2) : usd.toFixed(4).replace(/0{1,2}$/, '')}`;
}

/**
 * The dollars of a token count at given prices. `inputTokens` includes cached and cache-written tokens,
 * as every adapter reports it; each input token is billed at exactly one of the three input rates.
 */
export function priceTokens(spend: TokenSpend, prices: TokenPrices): number {
  const cached = Math.min(spend.cachedInputTokens, spend.inputTokens);
  const written = Math.min(spend.cacheWriteTokens ?? 0, spend.inputTokens - cached);
  const uncached = spend.inputTokens - cached - written;
  const micro =
    uncached * prices.input +
    cached * prices.cachedInput +
    written * prices.cacheWrite +
    spend.outputTokens * prices.output;
  return roundUsd(micro / MILLION);
}

/** The cost of one usage entry from the dated price table; an unknown model costs null, never a guess. */
export function costOf(spend: TokenSpend): UsageCost {
  const prices = findPrices(spend.provider, spend.model);
  if (prices) return { usd: priceTokens(spend, prices) };
  const why =
    spend.provider === 'openai-compatible'
      ? 'an OpenAI-compatible endpoint costs whatever its host charges'
      : `no price on file for ${spend.provider}:${spend.model} in the price table of ${PRICE_TABLE_AS_OF}`;
  return { usd: null, note: `${why}; not counted in the total.` };
}

/** One call's usage entry under `role`: whole, non-negative counts, cache writes only where there were some. */
export function usageOf(response: ModelResponse<unknown>, role: AgentRole): UsageEntry {
  const { usage } = response;
  const cacheWriteTokens = wholeTokens(usage.cacheWriteTokens);
  return {
    role,
    provider: response.provider,
    model: response.model,
    calls: 1,
    inputTokens: wholeTokens(usage.inputTokens),
    outputTokens: wholeTokens(usage.outputTokens),
    cachedInputTokens: wholeTokens(usage.cachedInputTokens),
    ...(cacheWriteTokens > 0 ? { cacheWriteTokens } : {}),
  };
}
