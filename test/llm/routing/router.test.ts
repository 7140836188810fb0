import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlanDefaults } from '../../../functions/agents/tasks.js';
import { readModelConfiguration } from '../../../functions/llm/routing/configuration.js';
import { ModelsUnavailableError } from '../../../functions/llm/routing/fallback-model.js';
import { createModelRouter } from '../../../functions/llm/routing/router.js';
import type { Logger } from '../../../functions/shared/logger.js';
import { modelRequest } from '../model-requests.js';
import {
  createFakeVendors,
  FakeAuthenticationError,
  FakeRateLimitError,
  FakeRequestError,
  FakeUnavailableError,
} from './vendor-fakes.js';

const Answer = z.object({ ok: z.boolean() });

function request(role: 'alpha' | 'risk' | 'coordinator' = 'alpha') {
  return modelRequest(
    role,
    {
      kind: 'plan',
      idea: 'anything',
      defaults: PlanDefaults.parse({ startDate: '2020-01-01', endDate: '2020-12-31', cash: 1000 }),
    },
    Answer,
  );
}

const THREE_VENDORS = { MISTRAL_API_KEY: 'm', ANTHROPIC_API_KEY: 'a', OPENAI_API_KEY: 'o' };

function recordingLogger(): Logger & { warnings: Array<Record<string, unknown> | undefined> } {
  const warnings: Array<Record<string, unknown> | undefined> = [];
  const logger = {
    warnings,
    debug() {},
    info() {},
    warn(_message: string, fields?: Record<string, unknown>) {
      warnings.push(fields);
    },
    error() {},
    child: () => logger,
  };
  return logger;
}

describe('createModelRouter', () => {
  it('serves each role from its primary route and reports who served', async () => {
    // Prepare
    const vendors = createFakeVendors();
    const models = createModelRouter(readModelConfiguration(THREE_VENDORS), vendors.factory);

    // Act
    const alpha = await models('alpha').generate(request('alpha'));
    const risk = await models('risk').generate(request('risk'));

    // Assess
    expect([alpha.provider, alpha.model]).toEqual(['mistral', 'devstral-2512']);
    expect([risk.provider, risk.model]).toEqual(['anthropic', 'claude-sonnet-4-6']);
    expect(vendors.calls).toEqual(['mistral:devstral-2512', 'anthropic:claude-sonnet-4-6']);
  });

  it('falls back to the next vendor when the primary stays down, and logs the switch', async () => {
    // Prepare
    const vendors = createFakeVendors();
    vendors.set('mistral:devstral-2512', { error: () => new FakeUnavailableError('Mistral answered 503') });
    const logger = recordingLogger();
    const models = createModelRouter(readModelConfiguration(THREE_VENDORS), vendors.factory, { logger });

    // Act
    const response = await models('alpha').generate(request('alpha'));

    // Assess
    expect([response.provider, response.model]).toEqual(['anthropic', 'claude-sonnet-4-6']);
    expect(vendors.calls).toEqual(['mistral:devstral-2512', 'anthropic:claude-sonnet-4-6']);
    expect(logger.warnings).toEqual([
      {
        role: 'alpha',
        from: 'mistral:devstral-2512',
        to: 'anthropic:claude-sonnet-4-6',
        error: 'Mistral answered 503',
      },
    ]);
  });

  it('falls back on a rate limit that outlasted the retries, through the whole chain', async () => {
    // Prepare
    const vendors = createFakeVendors();
    vendors.set('mistral:devstral-2512', { error: () => new FakeRateLimitError('429') });
    vendors.set('anthropic:claude-sonnet-4-6', { error: () => new FakeUnavailableError('overloaded') });
    const models = createModelRouter(readModelConfiguration(THREE_VENDORS), vendors.factory);

    // Act
    const response = await models('alpha').generate(request('alpha'));

    // Assess
    expect(response.provider).toBe('openai');
    expect(vendors.calls).toEqual([
      'mistral:devstral-2512',
      'anthropic:claude-sonnet-4-6',
      'openai:gpt-5-mini',
    ]);
  });

  it.each([
    ['an authentication error', () => new FakeAuthenticationError('MISTRAL_API_KEY was refused')],
    ['a request error', () => new FakeRequestError('unknown model devstral-2512')],
    ['an output error', () => new Error('not a vendor outage')],
  ])('does not fall back on %s', async (_kind, error) => {
    // Prepare
    const vendors = createFakeVendors();
    vendors.set('mistral:devstral-2512', { error });
    const models = createModelRouter(readModelConfiguration(THREE_VENDORS), vendors.factory);

    // Act
    const outcome = models('alpha').generate(request('alpha'));

    // Assess
    await expect(outcome).rejects.toThrow(error().message);
    expect(vendors.calls).toEqual(['mistral:devstral-2512']);
  });

  it('says every model of the role is down when the whole chain is, and never uses the offline model', async () => {
    // Prepare
    const vendors = createFakeVendors();
    vendors.set('mistral:devstral-2512', { error: () => new FakeUnavailableError('Mistral 503') });
    vendors.set('anthropic:claude-sonnet-4-6', { error: () => new FakeUnavailableError('Anthropic 529') });
    const models = createModelRouter(
      readModelConfiguration({ MISTRAL_API_KEY: 'm', ANTHROPIC_API_KEY: 'a' }),
      vendors.factory,
    );

    // Act
    const outcome = models('alpha').generate(request('alpha'));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(ModelsUnavailableError);
    await expect(outcome).rejects.toThrow(
      'Every model for the alpha agent is unavailable: mistral:devstral-2512 (Mistral 503); anthropic:claude-sonnet-4-6 (Anthropic 529).',
    );
    expect(vendors.calls).toEqual(['mistral:devstral-2512', 'anthropic:claude-sonnet-4-6']);
  });

  it('builds each vendor model once with its settings, and shares it between roles', async () => {
    // Prepare
    const vendors = createFakeVendors();
    const built: string[] = [];
    const models = createModelRouter(
      readModelConfiguration({
        ANTHROPIC_API_KEY: 'a',
        ANTHROPIC_BASE_URL: 'http://127.0.0.1:9300',
        QUANTCODER_MODEL_TIMEOUT_MS: '5000',
      }),
      (settings, modelId) => {
        built.push(`${settings.provider}:${modelId}`);
        return vendors.factory(settings, modelId);
      },
    );

    // Act
    await models('risk').generate(request('risk'));
    await models('coordinator').generate(request('coordinator'));
    await models('risk').generate(request('risk'));

    // Assess
    expect(built).toEqual(['anthropic:claude-sonnet-4-6']);
    expect(vendors.built.get('anthropic:claude-sonnet-4-6')).toEqual({
      provider: 'anthropic',
      apiKey: 'a',
      baseURL: 'http://127.0.0.1:9300',
      timeoutMs: 5000,
    });
  });

  it('routes to the offline model when no vendor is configured, without calling the factory', async () => {
    // Prepare
    const vendors = createFakeVendors();
    const models = createModelRouter(readModelConfiguration({}), vendors.factory);

    // Act
    const model = models('alpha');

    // Assess
    expect([model.provider, model.modelId]).toEqual(['offline', 'quantcoder-offline-1']);
    expect(vendors.built.size).toBe(0);
  });
});
