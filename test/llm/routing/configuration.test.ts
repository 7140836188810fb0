import { describe, expect, it } from 'vitest';
import { readModelConfiguration } from '../../../functions/llm/routing/configuration.js';
import { ConfigurationError } from '../../../functions/shared/errors.js';

const ALL_KEYS = {
  ANTHROPIC_API_KEY: 'anthropic-test-key',
  OPENAI_API_KEY: 'openai-test-key',
  MISTRAL_API_KEY: 'mistral-test-key',
  DEEPSEEK_API_KEY: 'deepseek-test-key',
  OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:8000/v1',
};

/** The error readModelConfiguration throws for an environment. */
function configurationError(environment: NodeJS.ProcessEnv): ConfigurationError {
  try {
    readModelConfiguration(environment);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('readModelConfiguration accepted the environment');
}

function routes(environment: NodeJS.ProcessEnv): Record<string, string> {
  const configuration = readModelConfiguration(environment);
  return Object.fromEntries(
    Object.values(configuration.roles).map((plan) => [
      plan.role,
      `${plan.primary.provider}:${plan.primary.model}`,
    ]),
  );
}

describe('readModelConfiguration: defaults', () => {
  it('routes each role to its design default when every vendor is configured', () => {
    // Act
    const configuration = readModelConfiguration(ALL_KEYS);

    // Assess
    expect(configuration.offline).toBe(false);
    expect(routes(ALL_KEYS)).toEqual({
      coordinator: 'anthropic:claude-sonnet-4-6',
      universe: 'mistral:devstral-2512',
      alpha: 'mistral:devstral-2512',
      portfolio: 'openai-compatible:openai/gpt-oss-20b',
      risk: 'anthropic:claude-sonnet-4-6',
      strategy: 'anthropic:claude-sonnet-4-6',
      integration: 'anthropic:claude-sonnet-4-6',
      refine: 'anthropic:claude-sonnet-4-6',
    });
    expect(Object.values(configuration.roles).every((plan) => plan.reason === 'default')).toBe(true);
    expect(configuration.roles.alpha.fallbacks.map((route) => `${route.provider}:${route.model}`)).toEqual([
      'anthropic:claude-sonnet-4-6',
      'openai:gpt-5-mini',
      'deepseek:deepseek-v4-flash',
      'openai-compatible:openai/gpt-oss-20b',
    ]);
    expect(configuration.vendors.map((vendor) => vendor.provider)).toEqual([
      'anthropic',
      'openai',
      'mistral',
      'deepseek',
      'openai-compatible',
    ]);
  });

  it('falls back to a configured vendor, and says which key was missing', () => {
    // Prepare: Anthropic and OpenAI only
    const environment = { ANTHROPIC_API_KEY: 'a', OPENAI_API_KEY: 'o' };

    // Act
    const configuration = readModelConfiguration(environment);

    // Assess
    expect(configuration.roles.coordinator).toMatchObject({
      primary: { provider: 'anthropic', model: 'claude-sonnet-4-6' },
      fallbacks: [{ provider: 'openai', model: 'gpt-5-mini' }],
      reason: 'default',
    });
    expect(configuration.roles.alpha).toMatchObject({
      primary: { provider: 'anthropic', model: 'claude-sonnet-4-6' },
      fallbacks: [{ provider: 'openai', model: 'gpt-5-mini' }],
      reason: 'no MISTRAL_API_KEY: default fell back to anthropic',
    });
    expect(configuration.roles.portfolio.reason).toBe(
      'no OPENAI_COMPATIBLE_BASE_URL: default fell back to anthropic',
    );
  });

  it('uses the only configured vendor for every role, with no fallback and never the offline model', () => {
    // Act
    const configuration = readModelConfiguration({ DEEPSEEK_API_KEY: 'd' });

    // Assess
    expect(new Set(Object.values(routes({ DEEPSEEK_API_KEY: 'd' })))).toEqual(
      new Set(['deepseek:deepseek-v4-flash']),
    );
    expect(Object.values(configuration.roles).every((plan) => plan.fallbacks.length === 0)).toBe(true);
    expect(configuration.offline).toBe(false);
  });

  it('routes everything to the offline model only when no vendor is configured at all', () => {
    // Act
    const configuration = readModelConfiguration({ PATH: '/usr/bin', ANTHROPIC_API_KEY: '  ' });

    // Assess
    expect(configuration.offline).toBe(true);
    expect(configuration.vendors).toEqual([]);
    expect(Object.values(configuration.roles).map((plan) => plan.reason)).toEqual(
      Array(8).fill('offline: no vendor key set'),
    );
    expect(configuration.roles.refine.primary).toEqual({
      provider: 'offline',
      model: 'quantcoder-offline-1',
    });
  });

  it('passes endpoints, the timeout and a placeholder key for a keyless OpenAI-compatible endpoint', () => {
    // Act
    const configuration = readModelConfiguration({
      MISTRAL_API_KEY: 'm',
      MISTRAL_BASE_URL: 'http://127.0.0.1:9100',
      OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:9200/v1',
      QUANTCODER_MODEL_TIMEOUT_MS: '45000',
    });

    // Assess
    expect(configuration.timeoutMs).toBe(45_000);
    expect(configuration.vendors).toEqual([
      { provider: 'mistral', apiKey: 'm', baseURL: 'http://127.0.0.1:9100', timeoutMs: 45_000 },
      {
        provider: 'openai-compatible',
        apiKey: 'none',
        baseURL: 'http://127.0.0.1:9200/v1',
        timeoutMs: 45_000,
      },
    ]);
  });
});

describe('readModelConfiguration: QUANTCODER_MODELS', () => {
  it('lets explicit routes win, keeping the other vendors as fallbacks', () => {
    // Act
    const configuration = readModelConfiguration({
      ...ALL_KEYS,
      QUANTCODER_MODELS: JSON.stringify({
        alpha: 'openai:gpt-5',
        portfolio: 'openai-compatible:gpt-oss:20b',
        coordinator: 'offline:anything',
      }),
    });

    // Assess
    expect(configuration.roles.alpha).toMatchObject({
      primary: { provider: 'openai', model: 'gpt-5' },
      reason: 'QUANTCODER_MODELS',
    });
    expect(configuration.roles.alpha.fallbacks.map((route) => route.provider)).toEqual([
      'anthropic',
      'mistral',
      'deepseek',
      'openai-compatible',
    ]);
    expect(configuration.roles.portfolio.primary).toEqual({
      provider: 'openai-compatible',
      model: 'gpt-oss:20b',
    });
    expect(configuration.roles.coordinator).toMatchObject({
      primary: { provider: 'offline', model: 'quantcoder-offline-1' },
      fallbacks: [],
      reason: 'QUANTCODER_MODELS',
    });
    expect(configuration.roles.universe.reason).toBe('default');
  });

  it.each([
    [
      '{alpha: mistral}',
      /^QUANTCODER_MODELS is not valid JSON \(.+\): write a JSON object from agent role to "provider:model"/,
    ],
    [
      '["mistral:devstral-2512"]',
      /^QUANTCODER_MODELS must be a JSON object from agent role to "provider:model"/,
    ],
    [
      '{"alhpa":"mistral:devstral-2512"}',
      /^QUANTCODER_MODELS names an unknown role "alhpa"; the roles are coordinator, universe, alpha/,
    ],
    ['{"alpha":"mistral"}', /^QUANTCODER_MODELS routes alpha to "mistral": write "provider:model"/],
    ['{"alpha":"mistral:"}', /^QUANTCODER_MODELS routes alpha to "mistral:": write "provider:model"/],
    ['{"alpha":42}', /^QUANTCODER_MODELS routes alpha to 42: write "provider:model"/],
    [
      '{"alpha":"mistrall:devstral-2512"}',
      /^QUANTCODER_MODELS routes alpha to provider "mistrall"; the providers are anthropic, openai, mistral, deepseek, openai-compatible, offline\.$/,
    ],
  ])('rejects %s with a message that names the variable', (value, message) => {
    // Act
    const error = configurationError({ MISTRAL_API_KEY: 'm', QUANTCODER_MODELS: value });

    // Assess
    expect(error.message).toMatch(message);
  });

  it('rejects a route to a vendor whose key is not set, naming the key', () => {
    // Act
    const error = configurationError({
      ANTHROPIC_API_KEY: 'a',
      QUANTCODER_MODELS: '{"alpha":"mistral:devstral-2512"}',
    });

    // Assess
    expect(error.message).toBe(
      'QUANTCODER_MODELS routes alpha to mistral, but MISTRAL_API_KEY is not set: set it, or route alpha to a vendor that is configured.',
    );
  });

  it('rejects a route to an OpenAI-compatible endpoint without a base URL, naming the URL variable', () => {
    // Act
    const error = configurationError({
      OPENAI_API_KEY: 'o',
      QUANTCODER_MODELS: '{"portfolio":"openai-compatible:openai/gpt-oss-20b"}',
    });

    // Assess
    expect(error.message).toMatch(
      /^QUANTCODER_MODELS routes portfolio to openai-compatible, but OPENAI_COMPATIBLE_BASE_URL is not set/,
    );
  });
});

describe('readModelConfiguration: endpoints and timeout', () => {
  it.each([
    [
      { ANTHROPIC_API_KEY: 'a', ANTHROPIC_BASE_URL: 'not a url' },
      /^ANTHROPIC_BASE_URL is not a valid URL: write an http\(s\) address/,
    ],
    [
      { OPENAI_API_KEY: 'o', OPENAI_BASE_URL: 'ftp://127.0.0.1/v1' },
      /^OPENAI_BASE_URL uses ftp: write an http\(s\) address/,
    ],
    [
      { OPENAI_COMPATIBLE_BASE_URL: '127.0.0.1:8000' },
      /^OPENAI_COMPATIBLE_BASE_URL (is not a valid URL|uses 127\.0\.0\.1)/,
    ],
    [{ MISTRAL_BASE_URL: 'http://127.0.0.1:9100' }, /^MISTRAL_BASE_URL is set but MISTRAL_API_KEY is not/],
    [
      { OPENAI_COMPATIBLE_API_KEY: 'k' },
      /^OPENAI_COMPATIBLE_API_KEY is set but OPENAI_COMPATIBLE_BASE_URL is not/,
    ],
    [
      { QUANTCODER_MODEL_TIMEOUT_MS: '2 minutes' },
      /^QUANTCODER_MODEL_TIMEOUT_MS is "2 minutes": write a whole number of milliseconds/,
    ],
    [{ QUANTCODER_MODEL_TIMEOUT_MS: '0' }, /^QUANTCODER_MODEL_TIMEOUT_MS is "0"/],
    [{ QUANTCODER_MODEL_TIMEOUT_MS: '900001' }, /^QUANTCODER_MODEL_TIMEOUT_MS is "900001"/],
  ])('rejects %o with a message that names the variable', (environment, message) => {
    // Act
    const error = configurationError(environment);

    // Assess
    expect(error.message).toMatch(message);
  });

  it('never puts a key in an error message', () => {
    // Act
    const error = configurationError({
      ANTHROPIC_API_KEY: 'secret-value-123',
      QUANTCODER_MODELS: '{"risk":"deepseek:deepseek-v4-flash"}',
    });

    // Assess
    expect(error.message).not.toContain('secret-value-123');
  });
});
