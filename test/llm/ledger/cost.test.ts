import { describe, expect, it } from 'vitest';
import { costOf, priceTokens, type TokenSpend, usageOf } from '../../../functions/llm/ledger/cost.js';
import { findPrices, PRICE_TABLE_AS_OF } from '../../../functions/llm/ledger/prices.js';
import { OFFLINE_MODEL_ID, OFFLINE_PROVIDER } from '../../../functions/llm/offline-model.js';

function spend(overrides: Partial<TokenSpend> & Pick<TokenSpend, 'provider' | 'model'>): TokenSpend {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, ...overrides };
}

describe('costOf', () => {
  it('bills Anthropic input at three rates: uncached, cache read and cache write', () => {
    // Prepare: 10,000 input of which 6,000 read from the cache and 2,000 written to it; 1,500 output.
    // 2,000 × $3 + 6,000 × $0.30 + 2,000 × $3.75 + 1,500 × $15, per million = $0.006 + $0.0018 + $0.0075 + $0.0225
    const usage = spend({
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      inputTokens: 10_000,
      cachedInputTokens: 6_000,
      cacheWriteTokens: 2_000,
      outputTokens: 1_500,
    });

    // Act
    const cost = costOf(usage);

    // Assess
    expect(cost).toEqual({ usd: 0.0378 });
  });

  it('prices a dated OpenAI snapshot as its model, with cached input at the cached rate', () => {
    // Prepare: 12,000 × $0.25 + 8,000 × $0.025 + 3,000 × $2, per million = $0.003 + $0.0002 + $0.006
    const usage = spend({
      provider: 'openai',
      model: 'gpt-5-mini-2025-08-07',
      inputTokens: 20_000,
      cachedInputTokens: 8_000,
      outputTokens: 3_000,
    });

    // Act
    const cost = costOf(usage);

    // Assess
    expect(cost).toEqual({ usd: 0.0092 });
  });

  it('prices DeepSeek cache hits and misses, and Devstral at its list price', () => {
    // Prepare: 500,000 × $0.14 + 500,000 × $0.0028 + 100,000 × $0.28 = $0.07 + $0.0014 + $0.028;
    // 4,000 × $0.40 + 2,000 × $2 = $0.0016 + $0.004
    const deepseek = spend({
      provider: 'deepseek',
      model: 'deepseek-v4-flash',
      inputTokens: 1_000_000,
      cachedInputTokens: 500_000,
      outputTokens: 100_000,
    });
    const mistral = spend({
      provider: 'mistral',
      model: 'devstral-2512',
      inputTokens: 4_000,
      outputTokens: 2_000,
    });

    // Act
    const costs = [costOf(deepseek), costOf(mistral)];

    // Assess
    expect(costs).toEqual([{ usd: 0.0994 }, { usd: 0.0056 }]);
  });

  it('costs the offline model nothing', () => {
    // Act
    const cost = costOf(
      spend({
        provider: OFFLINE_PROVIDER,
        model: OFFLINE_MODEL_ID,
        inputTokens: 50_000,
        outputTokens: 9_000,
      }),
    );

    // Assess
    expect(cost).toEqual({ usd: 0 });
  });

  it('gives an unknown model no price and says why, never a guess', () => {
    // Act
    const unknown = costOf(spend({ provider: 'anthropic', model: 'claude-sonnet-9', inputTokens: 10 }));
    const compatible = costOf(
      spend({ provider: 'openai-compatible', model: 'openai/gpt-oss-20b', inputTokens: 10 }),
    );
    const inherited = costOf(spend({ provider: 'openai', model: 'constructor', inputTokens: 10 }));

    // Assess
    expect(unknown).toEqual({
      usd: null,
      note: `no price on file for anthropic:claude-sonnet-9 in the price table of ${PRICE_TABLE_AS_OF}; not counted in the total.`,
    });
    expect(compatible.usd).toBeNull();
    expect(compatible.note).toMatch(/OpenAI-compatible endpoint costs whatever its host charges/);
    expect(inherited.usd).toBeNull();
    expect(findPrices('toString', 'x')).toBeUndefined();
  });
});

describe('priceTokens', () => {
  it('never bills more cached or written tokens than there were input tokens', () => {
    // Prepare: a vendor reporting more cached tokens than input is clamped to the input
    const prices = { input: 1, cachedInput: 0.5, cacheWrite: 2, output: 4 };

    // Act
    const usd = priceTokens(
      {
        provider: 'x',
        model: 'y',
        inputTokens: 1_000,
        cachedInputTokens: 1_500,
        cacheWriteTokens: 700,
        outputTokens: 0,
      },
      prices,
    );

    // Assess: 1,000 × $0.50 per million
    expect(usd).toBe(0.0005);
  });
});

describe('usageOf', () => {
  it("records one call under the request's role, with whole non-negative counts", () => {
    // Prepare
    const response = {
      output: {},
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      usage: { inputTokens: 1_200.6, outputTokens: -3, cachedInputTokens: Number.NaN, cacheWriteTokens: 40 },
    };

    // Act
    const usage = usageOf(response, 'risk');

    // Assess
    expect(usage).toEqual({
      role: 'risk',
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      calls: 1,
      inputTokens: 1_201,
      outputTokens: 0,
      cachedInputTokens: 0,
      cacheWriteTokens: 40,
    });
  });

  it('leaves cache writes out when the vendor reported none', () => {
    // Prepare
    const response = {
      output: {},
      provider: 'openai',
      model: 'gpt-5-mini',
      usage: { inputTokens: 10, outputTokens: 2, cachedInputTokens: 0, cacheWriteTokens: 0 },
    };

    // Act
    const usage = usageOf(response, 'alpha');

    // Assess
    expect(usage).not.toHaveProperty('cacheWriteTokens');
  });
});
