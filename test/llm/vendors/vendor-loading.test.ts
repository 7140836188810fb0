import { describe, expect, it, vi } from 'vitest';
import type { Model, ModelRequest, ModelResponse } from '../../../functions/llm/model.js';
import { createVendorModel } from '../../../functions/llm/vendors/index.js';
import { FILE_ANSWER, fileRequest } from './vendor-requests.js';

const loads = vi.hoisted(() => ({ modules: 0, adapters: 0 }));

// Stands in for the adapter module: counts how often it is loaded and how often it builds a model.
vi.mock('../../../functions/llm/vendors/openai-model.js', () => {
  loads.modules += 1;
  return {
    createOpenAIModel: (_settings: unknown, modelId: string): Model => {
      loads.adapters += 1;
      return {
        provider: 'openai',
        modelId,
        generate: async <T>(request: ModelRequest<T>): Promise<ModelResponse<T>> => ({
          output: request.schema.parse(FILE_ANSWER),
          usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 },
          provider: 'openai',
          model: modelId,
        }),
      };
    },
  };
});

describe('createVendorModel loading', () => {
  it('loads the vendor adapter on the first call only, not when the model is built', async () => {
    // Prepare
    const model = createVendorModel({ provider: 'openai', apiKey: 'test-key-not-secret' }, 'gpt-test');
    const loadedBeforeCall = loads.modules;
    // Act
    const first = await model.generate(fileRequest());
    const second = await model.generate(fileRequest());
    // Assess
    expect(loadedBeforeCall).toBe(0);
    expect(loads).toEqual({ modules: 1, adapters: 1 });
    expect(first.output).toEqual(FILE_ANSWER);
    expect(second.model).toBe('gpt-test');
    expect(model).toMatchObject({ provider: 'openai', modelId: 'gpt-test' });
  });
});
