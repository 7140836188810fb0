import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createVendorModel, ModelAnswerError } from '../../../functions/llm/vendors/index.js';
import { modelRequest } from '../model-requests.js';
import { useFakeVendors } from './fake-vendors.js';
import { answer, inOrder, refusal } from './fakes/index.js';
import {
  FILE_ANSWER,
  failureOf,
  fakeSettings,
  fileRequest,
  planDraftAnswer,
  planRequest,
  SHARED_CONTEXT_TEXT,
} from './vendor-requests.js';

/** What these tests read back from a recorded chat-completions request. */
const SentRequest = z.looseObject({
  model: z.string(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })),
  response_format: z.looseObject({
    type: z.string(),
    json_schema: z
      .looseObject({ name: z.string(), schema: z.looseObject({}), strict: z.boolean() })
      .optional(),
  }),
  max_tokens: z.number().optional(),
  max_completion_tokens: z.number().optional(),
});

describe('OpenAI adapter', () => {
  const startFake = useFakeVendors();
  const savedOrganization = process.env.OPENAI_ORG_ID;
  afterEach(() => {
    if (savedOrganization === undefined) delete process.env.OPENAI_ORG_ID;
    else process.env.OPENAI_ORG_ID = savedOrganization;
  });

  it('asks for a strict JSON schema and sends one system message, shared context first', async () => {
    // Prepare
    const fake = await startFake('openai', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('openai', fake.baseURL), 'gpt-test');
    // Act
    await model.generate(fileRequest());
    // Assess
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(fake.requests[0]?.path).toBe('/v1/chat/completions');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-key-not-secret');
    expect(sent.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(sent.messages[0]?.content.startsWith(SHARED_CONTEXT_TEXT)).toBe(true);
    expect(sent.messages[0]?.content.endsWith("You are QuantCoder's alpha agent. You write alpha.py.")).toBe(
      true,
    );
    expect(sent.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'GeneratedFile',
        strict: true,
        schema: { additionalProperties: false, required: ['className', 'code', 'notes'] },
      },
    });
    expect(sent.max_completion_tokens).toBe(6000);
    expect(sent.max_tokens).toBeUndefined();
  });

  it('makes optional fields nullable for strict mode and drops the nulls before zod parses the answer', async () => {
    // Prepare
    const draft = planDraftAnswer();
    const fake = await startFake(
      'openai',
      inOrder(answer({ ...draft, strategy: { ...draft.strategy, movingAverage: null } })),
    );
    const model = createVendorModel(fakeSettings('openai', fake.baseURL), 'gpt-test');
    // Act
    const response = await model.generate(planRequest());
    // Assess
    expect(response.output.strategy).not.toHaveProperty('movingAverage');
    expect(response.output.universe.sector).toBeNull();
    const sent = SentRequest.parse(fake.requests[0]?.body);
    const strategy = z
      .object({ properties: z.object({ strategy: z.looseObject({ required: z.array(z.string()) }) }) })
      .parse(sent.response_format.json_schema?.schema);
    expect(strategy.properties.strategy.required).toContain('movingAverage');
  });

  it('falls back to strict:false for a schema strict mode cannot express, and still parses the answer', async () => {
    // Prepare
    const Scores = z.object({ scores: z.record(z.string(), z.number()) });
    const fake = await startFake('openai', inOrder(answer({ scores: { SPY: 1.5 } })));
    const model = createVendorModel(fakeSettings('openai', fake.baseURL), 'gpt-test');
    const request = modelRequest('alpha', fileRequest().task, Scores, { schemaName: 'Scores' });
    // Act
    const response = await model.generate(request);
    // Assess
    expect(response.output).toEqual({ scores: { SPY: 1.5 } });
    expect(SentRequest.parse(fake.requests[0]?.body).response_format.json_schema?.strict).toBe(false);
  });

  it('counts cached prompt tokens reported in prompt_tokens_details on the second call', async () => {
    // Prepare
    const fake = await startFake('openai', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('openai', fake.baseURL), 'gpt-test');
    // Act
    const first = await model.generate(fileRequest());
    const second = await model.generate(
      fileRequest({ messages: [{ role: 'user', content: 'Write it again.' }] }),
    );
    // Assess
    expect(first.usage.cachedInputTokens).toBe(0);
    expect(second.usage.cachedInputTokens).toBeGreaterThanOrEqual(1024);
    expect(second.usage.cachedInputTokens).toBeLessThanOrEqual(second.usage.inputTokens);
  });

  it('does not send an OpenAI organisation from the environment', async () => {
    // Prepare
    process.env.OPENAI_ORG_ID = 'org-from-environment';
    const fake = await startFake('openai', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('openai-compatible', fake.baseURL), 'gpt-oss-20b');
    // Act
    await model.generate(fileRequest());
    // Assess
    expect(fake.requests[0]?.headers['openai-organization']).toBeUndefined();
  });

  it('ends a refusal with a ModelAnswerError carrying the reason, without repairs', async () => {
    // Prepare
    const fake = await startFake('openai', inOrder(refusal('I cannot help with that.')));
    const model = createVendorModel(fakeSettings('openai', fake.baseURL), 'gpt-test');
    // Act
    const error = await failureOf(model.generate(fileRequest()));
    // Assess
    expect(error).toBeInstanceOf(ModelAnswerError);
    expect(error.message).toContain('I cannot help with that.');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('OpenAI-compatible adapter', () => {
  const startFake = useFakeVendors();

  it('uses max_tokens, which vLLM, Ollama and other servers know, with the JSON schema format', async () => {
    // Prepare
    const fake = await startFake('openai', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(
      fakeSettings('openai-compatible', fake.baseURL, { apiKey: 'none' }),
      'gpt-oss-20b',
    );
    // Act
    const response = await model.generate(fileRequest());
    // Assess
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(response.provider).toBe('openai-compatible');
    expect(sent.max_tokens).toBe(6000);
    expect(sent.max_completion_tokens).toBeUndefined();
    expect(sent.response_format.type).toBe('json_schema');
  });

  it('switches to JSON mode with the schema in the prompt when told the endpoint lacks schema support', async () => {
    // Prepare
    const fake = await startFake('openai', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(
      fakeSettings('openai-compatible', fake.baseURL, { structuredOutput: 'json-mode' }),
      'old-server-model',
    );
    // Act
    await model.generate(fileRequest());
    // Assess
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(sent.response_format).toEqual({ type: 'json_object' });
    expect(sent.messages[0]?.content).toContain('"required":["className","code","notes"]');
  });
});

describe('DeepSeek adapter', () => {
  const startFake = useFakeVendors();

  it('uses JSON mode with the schema after the shared context, and reads prompt_cache_hit_tokens', async () => {
    // Prepare
    const fake = await startFake('deepseek', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('deepseek', fake.baseURL), 'deepseek-chat');
    // Act
    const first = await model.generate(fileRequest());
    const second = await model.generate(fileRequest());
    // Assess
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(sent.response_format).toEqual({ type: 'json_object' });
    expect(sent.messages[0]?.content.startsWith(SHARED_CONTEXT_TEXT)).toBe(true);
    expect(sent.messages[0]?.content).toContain('JSON Schema, named GeneratedFile');
    expect(first.usage.cachedInputTokens).toBe(0);
    expect(second.usage.cachedInputTokens).toBeGreaterThan(second.usage.inputTokens / 2);
    expect(second.provider).toBe('deepseek');
  });
});
