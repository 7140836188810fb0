import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../../functions/agents/tasks.js';
import type { ModelRequest, TokenUsage } from '../../../functions/llm/model.js';
import { createVendorModel } from '../../../functions/llm/vendors/index.js';
import { modelRequest } from '../model-requests.js';
import { useFakeVendors } from './fake-vendors.js';
import { answer, type FakeHandler, type FakeRequest } from './fakes/index.js';
import { FILE_ANSWER, fakeSettings, fileRequest, planDraftAnswer, planRequest } from './vendor-requests.js';

function writerRequest(role: 'risk' | 'strategy'): ModelRequest<GeneratedFile> {
  return fileRequest({
    role,
    system: `You are QuantCoder's ${role} agent.`,
    messages: [{ role: 'user', content: `Write the ${role} file.` }],
  });
}

function answerFor(request: FakeRequest) {
  return answer(request.schemaName === 'PlanDraft' ? planDraftAnswer() : FILE_ANSWER);
}

/** Holds the first `count` file requests until all have arrived, so they are in flight together. */
function answerFilesTogether(count: number): FakeHandler {
  const waiting: Array<() => void> = [];
  let held = 0;
  return async (request) => {
    if (request.schemaName === 'GeneratedFile' && held < count) {
      held++;
      if (held < count) await new Promise<void>((resolve) => waiting.push(resolve));
      else for (const release of waiting) release();
    }
    return answerFor(request);
  };
}

function share(usage: TokenUsage): number {
  return usage.cachedInputTokens / usage.inputTokens;
}

describe('Anthropic prompt caching over a run', () => {
  const startFake = useFakeVendors();

  it('serves a writer the coordinator’s tools and conventions, and a later writer the contract too', async () => {
    // Prepare
    const fake = await startFake('anthropic', answerFor);
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    // Act
    const coordinator = await model.generate(planRequest());
    const risk = await model.generate(writerRequest('risk'));
    const strategy = await model.generate(writerRequest('strategy'));
    // Assess
    expect(coordinator.usage.cachedInputTokens).toBe(0);
    expect(coordinator.usage.cacheWriteTokens).toBeGreaterThan(1024);
    expect(risk.usage.cachedInputTokens).toBe(coordinator.usage.cacheWriteTokens);
    expect(risk.usage.cacheWriteTokens).toBeGreaterThan(0);
    expect(share(risk.usage)).toBeGreaterThan(0.5);
    expect(strategy.usage.cachedInputTokens).toBe(
      risk.usage.cachedInputTokens + (risk.usage.cacheWriteTokens ?? 0),
    );
    expect(strategy.usage.cacheWriteTokens).toBe(0);
  });

  it('does not serve two writers in flight together from each other’s writes', async () => {
    // Prepare
    const fake = await startFake('anthropic', answerFilesTogether(2));
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    const coordinator = await model.generate(planRequest());
    // Act
    const [risk, strategy] = await Promise.all([
      model.generate(writerRequest('risk')),
      model.generate(writerRequest('strategy')),
    ]);
    const refine = await model.generate(writerRequest('risk'));
    // Assess
    for (const parallel of [risk, strategy]) {
      expect(parallel.usage.cachedInputTokens).toBe(coordinator.usage.cacheWriteTokens);
      expect(parallel.usage.cacheWriteTokens).toBe(risk.usage.cacheWriteTokens);
    }
    expect(risk.usage.cacheWriteTokens).toBeGreaterThan(0);
    expect(refine.usage.cachedInputTokens).toBe(
      risk.usage.cachedInputTokens + (risk.usage.cacheWriteTokens ?? 0),
    );
  });

  it('caches nothing when the prefix is below the model’s minimum', async () => {
    // Prepare
    const fake = await startFake('anthropic', answerFor);
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    const short = modelRequest('alpha', fileRequest().task, fileRequest().schema, {
      schemaName: 'GeneratedFile',
    });
    // Act
    const first = await model.generate(short);
    const second = await model.generate(short);
    // Assess
    for (const response of [first, second]) {
      expect(response.usage.cachedInputTokens).toBe(0);
      expect(response.usage.cacheWriteTokens).toBe(0);
    }
  });
});
