import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlanDefaults } from '../../../functions/agents/tasks.js';
import { readModelConfiguration } from '../../../functions/llm/routing/configuration.js';
import { createModelRouter } from '../../../functions/llm/routing/router.js';
import { modelRequest } from '../model-requests.js';
import { answer, type FakeVendor, fault, startFakeVendor } from '../vendors/fakes/index.js';

const Answer = z.object({ ok: z.boolean() });

const request = modelRequest(
  'alpha',
  {
    kind: 'plan',
    idea: 'anything',
    defaults: PlanDefaults.parse({ startDate: '2020-01-01', endDate: '2020-12-31', cash: 1000 }),
  },
  Answer,
);

const running: FakeVendor[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((vendor) => vendor.close()));
});

async function fakes(mistralFault: Parameters<typeof fault>[0]) {
  const mistral = await startFakeVendor('mistral', () => fault(mistralFault, { retryAfterMs: 1 }));
  const anthropic = await startFakeVendor('anthropic', () => answer({ ok: true }));
  running.push(mistral, anthropic);
  const models = createModelRouter(
    readModelConfiguration({
      MISTRAL_API_KEY: 'test-mistral-key',
      MISTRAL_BASE_URL: mistral.baseURL,
      ANTHROPIC_API_KEY: 'test-anthropic-key',
      ANTHROPIC_BASE_URL: anthropic.baseURL,
      QUANTCODER_MODEL_TIMEOUT_MS: '5000',
    }),
  );
  return { mistral, anthropic, models };
}

describe('the model router over the real vendor adapters', () => {
  it('moves the alpha agent from a Mistral that stays down to Anthropic, which says it served', async () => {
    // Prepare
    const { mistral, anthropic, models } = await fakes('server-error');

    // Act
    const response = await models('alpha').generate(request);

    // Assess
    expect(response.output).toEqual({ ok: true });
    expect([response.provider, response.model]).toEqual(['anthropic', 'claude-sonnet-4-6']);
    expect(mistral.requests.length).toBeGreaterThan(1);
    expect(anthropic.requests).toHaveLength(1);
  });

  it('does not move on when Mistral refuses the key: the error names the key to fix', async () => {
    // Prepare
    const { anthropic, models } = await fakes('unauthorized');

    // Act
    const outcome = models('alpha').generate(request);

    // Assess
    await expect(outcome).rejects.toMatchObject({ name: 'ModelAuthenticationError' });
    await expect(outcome).rejects.toThrow(/MISTRAL_API_KEY/);
    expect(anthropic.requests).toHaveLength(0);
  });
});
