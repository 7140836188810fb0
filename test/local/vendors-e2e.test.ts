import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLocally } from '../../functions/local/generate.js';
import { createLocalEnvironment, loadLocalDefinition } from '../../functions/local/local-environment.js';
import { type FakeVendor, startFakeVendor } from '../llm/vendors/fakes/index.js';
import { recordOfflineAnswers, replayAnswers } from './vendor-replay.js';

const IDEA = 'momentum on the S&P 500, 20-day lookback, 2% risk per trade, 10% trailing stop';

const fakes: FakeVendor[] = [];

afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
});

let vendors: Record<'anthropic' | 'openai' | 'mistral' | 'compatible', FakeVendor>;

beforeAll(async () => {
  const recorded = await recordOfflineAnswers(loadLocalDefinition(), IDEA);
  const start = async (kind: 'anthropic' | 'openai' | 'mistral') => {
    const fake = await startFakeVendor(kind, replayAnswers(recorded));
    fakes.push(fake);
    return fake;
  };
  vendors = {
    anthropic: await start('anthropic'),
    openai: await start('openai'),
    mistral: await start('mistral'),
    compatible: await start('openai'),
  };
}, 60_000);

describe('a local run with all four vendors (fakes on loopback, by the base-URL variables)', () => {
  it('completes, and report.json says which vendor and model served each role, with tokens and cost', async () => {
    // Prepare: the defaults (Anthropic, Devstral on Mistral, gpt-oss on the compatible endpoint), risk on OpenAI
    const environment = await createLocalEnvironment({
      ANTHROPIC_API_KEY: 'test-anthropic-key',
      ANTHROPIC_BASE_URL: vendors.anthropic.baseURL,
      OPENAI_API_KEY: 'test-openai-key',
      OPENAI_BASE_URL: vendors.openai.baseURL,
      MISTRAL_API_KEY: 'test-mistral-key',
      MISTRAL_BASE_URL: vendors.mistral.baseURL,
      OPENAI_COMPATIBLE_BASE_URL: vendors.compatible.baseURL,
      QUANTCODER_MODELS: JSON.stringify({ risk: 'openai:gpt-5-mini' }),
      QUANTCODER_MODEL_TIMEOUT_MS: '20000',
    });

    // Act
    const { report } = await generateLocally({
      idea: IDEA,
      outDir: await mkdtemp(join(tmpdir(), 'quantcoder-vendors-')),
      models: environment.models,
      quantConnect: environment.quantConnect,
      local: environment.local,
    }).finally(() => environment.close());

    // Assess
    expect(report.status).toBe('succeeded');
    const served = Object.fromEntries(
      report.usage.entries.map((entry) => [entry.role, `${entry.provider}:${entry.model}`]),
    );
    expect(served).toMatchObject({
      coordinator: 'anthropic:claude-sonnet-4-6',
      universe: 'mistral:devstral-2512',
      alpha: 'mistral:devstral-2512',
      portfolio: 'openai-compatible:openai/gpt-oss-20b',
      risk: 'openai:gpt-5-mini',
      strategy: 'anthropic:claude-sonnet-4-6',
    });
    for (const entry of report.usage.entries) {
      expect(entry.inputTokens).toBeGreaterThan(0);
      expect(entry.outputTokens).toBeGreaterThan(0);
      if (entry.provider === 'openai-compatible') expect(entry.costUsd).toBeNull();
      else expect(entry.costUsd).toBeGreaterThan(0);
    }
    expect(report.usage.totals.costUsd).toBeGreaterThan(0);
    expect(report.usage.totals.unpricedCalls).toBe(1);
    expect(report.backtest?.emulated).toBe(true);
    for (const fake of Object.values(vendors)) expect(fake.requests.length).toBeGreaterThan(0);
  });
});
