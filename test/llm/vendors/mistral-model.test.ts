import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createVendorModel, ModelUnavailableError } from '../../../functions/llm/vendors/index.js';
import { useFakeVendors } from './fake-vendors.js';
import { answer, fault, inOrder } from './fakes/index.js';
import { FILE_ANSWER, failureOf, fakeSettings, fileRequest, SHARED_CONTEXT_TEXT } from './vendor-requests.js';

/** What these tests read back from a recorded Mistral chat request. */
const SentRequest = z.looseObject({
  model: z.string(),
  messages: z.array(z.looseObject({ role: z.string(), content: z.string() })),
  response_format: z.looseObject({ type: z.string(), json_schema: z.looseObject({}).nullish() }),
  max_tokens: z.number().optional(),
});

describe('Mistral adapter', () => {
  const startFake = useFakeVendors();

  it("asks for Mistral's JSON schema format, strict, with one system message, shared context first", async () => {
    // Prepare
    const fake = await startFake('mistral', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('mistral', fake.baseURL), 'devstral-test');
    // Act
    const response = await model.generate(fileRequest());
    // Assess
    expect(response.output).toEqual(FILE_ANSWER);
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(fake.requests[0]?.path).toBe('/v1/chat/completions');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-key-not-secret');
    expect(sent.model).toBe('devstral-test');
    expect(sent.max_tokens).toBe(6000);
    expect(sent.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(sent.messages[0]?.content.startsWith(SHARED_CONTEXT_TEXT)).toBe(true);
    expect(sent.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'GeneratedFile', strict: true, schema: { additionalProperties: false } },
    });
  });

  it('uses JSON mode when told the model lacks schema support', async () => {
    // Prepare
    const fake = await startFake('mistral', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(
      fakeSettings('mistral', fake.baseURL, { structuredOutput: 'json-mode' }),
      'open-mistral-old',
    );
    // Act
    await model.generate(fileRequest());
    // Assess
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(sent.response_format).toMatchObject({ type: 'json_object' });
    expect(sent.messages[0]?.content).toContain('JSON Schema, named GeneratedFile');
  });

  it('counts the cached tokens Mistral reports on the second call', async () => {
    // Prepare
    const fake = await startFake('mistral', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('mistral', fake.baseURL), 'devstral-test');
    // Act
    const first = await model.generate(fileRequest());
    const second = await model.generate(fileRequest());
    // Assess
    expect(first.usage.cachedInputTokens).toBe(0);
    expect(second.usage.cachedInputTokens).toBeGreaterThanOrEqual(1024);
  });

  it('stops after maxRetries retries, the SDK adding none of its own', async () => {
    // Prepare
    const fake = await startFake('mistral', inOrder(fault('overloaded', { retryAfterMs: 1 })));
    const model = createVendorModel(
      fakeSettings('mistral', fake.baseURL, { maxRetries: 1 }),
      'devstral-test',
    );
    // Act
    const error = await failureOf(model.generate(fileRequest()));
    // Assess
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect(error).toMatchObject({ status: 503 });
    expect(fake.requests).toHaveLength(2);
  });
});
