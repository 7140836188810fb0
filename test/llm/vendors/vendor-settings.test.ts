import { describe, expect, it } from 'vitest';
import { createVendorModel } from '../../../functions/llm/vendors/index.js';
import { connectionReason } from '../../../functions/llm/vendors/vendor-failure.js';
import { resolveVendorSettings } from '../../../functions/llm/vendors/vendor-settings.js';
import { addUsage, anthropicUsage, chatUsage } from '../../../functions/llm/vendors/vendor-usage.js';
import { ConfigurationError } from '../../../functions/shared/errors.js';

describe('createVendorModel settings', () => {
  it('applies the defaults: SDK base URLs, DeepSeek by its own address, 120 s, 3 retries', () => {
    // Act
    const anthropic = resolveVendorSettings({ provider: 'anthropic', apiKey: 'key' });
    const deepseek = resolveVendorSettings({ provider: 'deepseek', apiKey: 'key' });
    // Assess
    expect(anthropic).toMatchObject({
      baseURL: 'https://api.anthropic.com',
      timeoutMs: 120_000,
      maxRetries: 3,
      structuredOutput: 'json-schema',
    });
    expect(deepseek).toMatchObject({ baseURL: 'https://api.deepseek.com', structuredOutput: 'json-mode' });
  });

  it('names the key variable when the key is empty', () => {
    // Act / Assess
    expect(() => createVendorModel({ provider: 'mistral', apiKey: ' ' }, 'devstral')).toThrow(
      expect.objectContaining({
        name: 'ConfigurationError',
        message: expect.stringContaining('MISTRAL_API_KEY'),
      }),
    );
  });

  it('asks for OPENAI_COMPATIBLE_BASE_URL when an openai-compatible endpoint has no address', () => {
    // Act / Assess
    expect(() => createVendorModel({ provider: 'openai-compatible', apiKey: 'none' }, 'gpt-oss-20b')).toThrow(
      /OPENAI_COMPATIBLE_BASE_URL/,
    );
  });

  it('rejects a base URL that is not http(s), naming its variable', () => {
    // Act / Assess
    expect(() =>
      createVendorModel({ provider: 'anthropic', apiKey: 'key', baseURL: 'ftp://example.test' }, 'claude'),
    ).toThrow(/ANTHROPIC_BASE_URL/);
  });

  it('names DEEPSEEK_BASE_URL when DeepSeek cannot be reached, as for every other vendor', () => {
    // Prepare
    const settings = resolveVendorSettings({ provider: 'deepseek', apiKey: 'key', maxRetries: 0 });
    // Act
    const reason = connectionReason({ settings, model: 'deepseek-v4-flash' });
    // Assess
    expect(reason).toContain('check DEEPSEEK_BASE_URL and the network');
  });

  it('rejects an empty model id as a ConfigurationError', () => {
    // Act / Assess
    expect(() => createVendorModel({ provider: 'openai', apiKey: 'key' }, '')).toThrow(ConfigurationError);
  });
});

describe('vendor usage', () => {
  it('counts every Anthropic input token, cache reads and writes included', () => {
    // Act
    const usage = anthropicUsage({
      input_tokens: 100,
      output_tokens: 20,
      cache_read_input_tokens: 1500,
      cache_creation_input_tokens: 300,
    });
    // Assess
    expect(usage).toEqual({
      inputTokens: 1900,
      outputTokens: 20,
      cachedInputTokens: 1500,
      cacheWriteTokens: 300,
    });
  });

  it("prefers DeepSeek's prompt_cache_hit_tokens, else OpenAI's cached_tokens, else 0", () => {
    // Act / Assess
    expect(
      chatUsage({
        prompt_tokens: 900,
        completion_tokens: 5,
        prompt_cache_hit_tokens: 640,
        prompt_tokens_details: null,
      }),
    ).toEqual({ inputTokens: 900, outputTokens: 5, cachedInputTokens: 640 });
    expect(
      chatUsage({ prompt_tokens: 900, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 768 } }),
    ).toMatchObject({ cachedInputTokens: 768 });
    expect(chatUsage({ prompt_tokens: 900, completion_tokens: 5 })).toMatchObject({ cachedInputTokens: 0 });
  });

  it('adds usage, keeping cacheWriteTokens only where a vendor reported it', () => {
    // Act / Assess
    const plain = { inputTokens: 1, outputTokens: 2, cachedInputTokens: 0 };
    expect(addUsage(plain, plain)).toEqual({ inputTokens: 2, outputTokens: 4, cachedInputTokens: 0 });
    expect(addUsage(plain, { ...plain, cacheWriteTokens: 7 })).toMatchObject({ cacheWriteTokens: 7 });
  });
});
