import { describe, expect, it } from 'vitest';
import { createVendorModel, ModelAnswerError } from '../../../functions/llm/vendors/index.js';
import { ModelOutputError } from '../../../functions/shared/errors.js';
import { ALL_PROVIDERS, FAKE_KIND, useFakeVendors } from './fake-vendors.js';
import { answer, inOrder, rawText } from './fakes/index.js';
import { FILE_ANSWER, failureOf, fakeSettings, fileRequest } from './vendor-requests.js';

describe.each(ALL_PROVIDERS)('%s adapter: structured output and repairs', (provider) => {
  const startFake = useFakeVendors();
  const kind = FAKE_KIND[provider];

  it('parses a structured answer with the request schema and reports the call', async () => {
    // Prepare
    const fake = await startFake(kind, inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
    // Act
    const response = await model.generate(fileRequest());
    // Assess
    expect(response.output).toEqual(FILE_ANSWER);
    expect(response.provider).toBe(provider);
    expect(response.model).toBe('model-1');
    expect(response.usage.inputTokens).toBeGreaterThan(1000);
    expect(response.usage.outputTokens).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers['user-agent']).toBeDefined();
  });

  it('asks again after an answer that is not JSON, with the error and the previous answer in the follow-up', async () => {
    // Prepare
    const fake = await startFake(
      kind,
      inOrder(rawText('{"className": "MomentumAlphaModel", "code": '), answer(FILE_ANSWER)),
    );
    const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
    // Act
    const response = await model.generate(fileRequest());
    // Assess
    expect(response.output).toEqual(FILE_ANSWER);
    expect(fake.requests).toHaveLength(2);
    const followUp = JSON.stringify(fake.requests[1]?.body);
    expect(followUp).toContain('not valid JSON');
    expect(followUp).toContain('{\\"className\\": \\"MomentumAlphaModel\\", \\"code\\": ');
  });

  it('asks again after a schema-invalid answer, naming the field, and sums the usage of both calls', async () => {
    // Prepare
    const invalid = { className: 'MomentumAlphaModel', code: '', notes: 'empty code' };
    const fake = await startFake(kind, inOrder(answer(invalid), answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
    const single = await createVendorModel(
      fakeSettings(provider, (await startFake(kind, inOrder(answer(FILE_ANSWER)))).baseURL),
      'model-1',
    ).generate(fileRequest());
    // Act
    const response = await model.generate(fileRequest());
    // Assess
    expect(response.output).toEqual(FILE_ANSWER);
    const followUp = JSON.stringify(fake.requests[1]?.body);
    expect(followUp).toContain('does not match GeneratedFile');
    expect(followUp).toContain('code');
    expect(followUp).toContain('empty code');
    expect(response.usage.inputTokens).toBeGreaterThan(single.usage.inputTokens * 2);
    expect(response.usage.outputTokens).toBeGreaterThan(single.usage.outputTokens);
  });

  it('gives up after two repairs with a ModelAnswerError that carries the usage of all three calls', async () => {
    // Prepare
    const fake = await startFake(kind, inOrder(rawText('not json at all')));
    const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
    // Act
    const error = await failureOf(model.generate(fileRequest()));
    // Assess
    expect(error).toBeInstanceOf(ModelAnswerError);
    expect(error).toBeInstanceOf(ModelOutputError);
    expect(fake.requests).toHaveLength(3);
    expect(error).toMatchObject({ usage: { outputTokens: 3 * Math.ceil('not json at all'.length / 4) } });
    expect(error.message).toContain('3 times');
  });

  it('asks again when the answer was cut off at the output limit', async () => {
    // Prepare
    const fake = await startFake(
      kind,
      inOrder(rawText('{"className": "Momentum', true), answer(FILE_ANSWER)),
    );
    const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
    // Act
    const response = await model.generate(fileRequest());
    // Assess
    expect(response.output).toEqual(FILE_ANSWER);
    expect(JSON.stringify(fake.requests[1]?.body)).toContain('cut off at the output token limit');
  });
});
