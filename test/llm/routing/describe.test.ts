import { describe, expect, it } from 'vitest';
import { readModelConfiguration } from '../../../functions/llm/routing/configuration.js';
import { describeRouting, describeRoutingJson } from '../../../functions/llm/routing/describe.js';

describe('describeRouting', () => {
  it('lists every role with its model, fallbacks, price and why, and never a key or an address', () => {
    // Prepare
    const configuration = readModelConfiguration({
      ANTHROPIC_API_KEY: 'secret-anthropic',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9300',
      OPENAI_API_KEY: 'secret-openai',
      QUANTCODER_MODELS: '{"universe":"openai:gpt-5"}',
      QUANTCODER_MODEL_TIMEOUT_MS: '60000',
    });

    // Act
    const lines = describeRouting(configuration);

    // Assess
    const text = lines.join('\n');
    expect(lines[0]).toBe(
      'Vendors: anthropic (ANTHROPIC_API_KEY, custom endpoint), openai (OPENAI_API_KEY).',
    );
    expect(text).toContain('Per-call timeout: 60000 ms.');
    expect(text).toMatch(
      /coordinator\s+anthropic:claude-sonnet-4-6\s+openai:gpt-5-mini\s+\$3 in \/ \$15 out\s+default/,
    );
    expect(text).toMatch(
      /universe\s+openai:gpt-5\s+anthropic:claude-sonnet-4-6\s+\$1\.25 in \/ \$10 out\s+QUANTCODER_MODELS/,
    );
    expect(text).toMatch(
      /alpha\s+anthropic:claude-sonnet-4-6\s+openai:gpt-5-mini\s+\$3 in \/ \$15 out\s+no MISTRAL_API_KEY: default fell back to anthropic/,
    );
    expect(lines.filter((line) => /^ {2}[a-z]+ /.test(line))).toHaveLength(9);
    expect(text).not.toContain('secret-');
    expect(text).not.toContain('127.0.0.1');
  });

  it('says so when the offline model writes everything', () => {
    // Act
    const lines = describeRouting(readModelConfiguration({}));

    // Assess
    expect(lines[0]).toMatch(/^Vendors: none configured \(set one of ANTHROPIC_API_KEY, OPENAI_API_KEY, /);
    expect(lines.join('\n')).toMatch(
      /refine\s+offline:quantcoder-offline-1\s+–\s+\$0 in \/ \$0 out\s+offline: no vendor key set/,
    );
  });
});

describe('describeRoutingJson', () => {
  it('gives the same routing as data, with unknown prices as null', () => {
    // Act
    const description = describeRoutingJson(
      readModelConfiguration({
        OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:8000/v1',
        MISTRAL_API_KEY: 'm',
      }),
    );

    // Assess
    expect(description.vendors).toEqual([
      { provider: 'mistral', configuredBy: 'MISTRAL_API_KEY', customEndpoint: false },
      { provider: 'openai-compatible', configuredBy: 'OPENAI_COMPATIBLE_BASE_URL', customEndpoint: true },
    ]);
    expect(description.roles.find((role) => role.role === 'portfolio')).toEqual({
      role: 'portfolio',
      model: 'openai-compatible:openai/gpt-oss-20b',
      fallbacks: ['mistral:devstral-2512'],
      reason: 'default',
      pricePerMillion: null,
    });
    expect(description.roles.find((role) => role.role === 'alpha')?.pricePerMillion).toEqual({
      input: 0.4,
      output: 2,
    });
    expect(description.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(description)).not.toContain('127.0.0.1');
  });
});
