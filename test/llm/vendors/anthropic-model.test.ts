import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createVendorModel } from '../../../functions/llm/vendors/index.js';
import { useFakeVendors } from './fake-vendors.js';
import { answer, inOrder } from './fakes/index.js';
import {
  FILE_ANSWER,
  fakeSettings,
  fileRequest,
  planDraftAnswer,
  planRequest,
  SHARED_CONTEXT,
} from './vendor-requests.js';

/** What these tests read back from the recorded Messages API request. */
const SentRequest = z.object({
  model: z.string(),
  max_tokens: z.number(),
  system: z.array(
    z.object({ type: z.literal('text'), text: z.string(), cache_control: z.unknown().optional() }),
  ),
  tools: z.array(z.object({ name: z.string(), input_schema: z.looseObject({ type: z.literal('object') }) })),
  tool_choice: z.looseObject({ type: z.string(), name: z.string() }),
  messages: z.array(z.object({ role: z.string(), content: z.unknown() })),
});

describe('Anthropic adapter', () => {
  const startFake = useFakeVendors();

  it('sends the whole toolset in order and forces the request’s own tool, whose input schema is the request schema', async () => {
    // Prepare
    const fake = await startFake('anthropic', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    // Act
    await model.generate(fileRequest());
    // Assess
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(fake.requests[0]?.path).toBe('/v1/messages');
    // This SDK line sends the key as a bearer token (older ones used x-api-key).
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-key-not-secret');
    expect(sent.model).toBe('claude-test');
    expect(sent.max_tokens).toBe(6000);
    expect(sent.tools.map((tool) => tool.name)).toEqual(['PlanDraft', 'GeneratedFile', 'IntegrationRepair']);
    expect(sent.tools[1]?.input_schema).toMatchObject({ required: ['className', 'code', 'notes'] });
    expect(sent.tool_choice).toMatchObject({ type: 'tool', name: 'GeneratedFile' });
  });

  it('sends the same tools for every role, so only tool_choice differs', async () => {
    // Prepare
    const fake = await startFake('anthropic', (request) =>
      answer(request.schemaName === 'PlanDraft' ? planDraftAnswer() : FILE_ANSWER),
    );
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    // Act
    await model.generate(planRequest());
    await model.generate(fileRequest());
    // Assess
    const [plan, file] = fake.requests.map((request) => SentRequest.parse(request.body));
    expect(plan?.tools).toEqual(file?.tools);
    expect(plan?.tool_choice).toMatchObject({ name: 'PlanDraft' });
    expect(file?.tool_choice).toMatchObject({ name: 'GeneratedFile' });
  });

  it('sends only the request’s tool when the request has no toolset', async () => {
    // Prepare
    const fake = await startFake('anthropic', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    // Act
    await model.generate(fileRequest({ toolset: undefined }));
    // Assess
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(sent.tools.map((tool) => tool.name)).toEqual(['GeneratedFile']);
    expect(sent.tool_choice).toMatchObject({ type: 'tool', name: 'GeneratedFile' });
  });

  it('sends each shared block marked for caching, most stable first, then the role instructions', async () => {
    // Prepare
    const fake = await startFake('anthropic', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    // Act
    await model.generate(fileRequest());
    // Assess
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(SHARED_CONTEXT).toHaveLength(2);
    expect(sent.system).toEqual([
      ...SHARED_CONTEXT.map((text) => ({ type: 'text', text, cache_control: { type: 'ephemeral' } })),
      { type: 'text', text: "You are QuantCoder's alpha agent. You write alpha.py." },
    ]);
  });

  it('counts cache writes on the first call and cached reads on the next, across agents sharing the prefix', async () => {
    // Prepare
    const fake = await startFake('anthropic', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    const riskRequest = fileRequest({
      role: 'risk',
      system: "You are QuantCoder's risk agent. You write risk.py.",
      messages: [{ role: 'user', content: 'Write risk.py.' }],
    });
    // Act
    const first = await model.generate(fileRequest());
    const second = await model.generate(riskRequest);
    // Assess
    expect(first.usage.cachedInputTokens).toBe(0);
    expect(first.usage.cacheWriteTokens).toBeGreaterThan(1000);
    expect(second.usage.cachedInputTokens).toBe(first.usage.cacheWriteTokens);
    expect(second.usage.cacheWriteTokens).toBe(0);
    // inputTokens counts everything sent, cached or not.
    expect(second.usage.inputTokens).toBeGreaterThan(second.usage.cachedInputTokens);
    expect(second.usage.cachedInputTokens / second.usage.inputTokens).toBeGreaterThan(0.5);
  });

  it('replays an invalid tool call as tool_use and sends the error back as an is_error tool_result', async () => {
    // Prepare
    const invalid = { className: 'MomentumAlphaModel', notes: 'forgot the code' };
    const fake = await startFake('anthropic', inOrder(answer(invalid), answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    // Act
    const response = await model.generate(fileRequest());
    // Assess
    expect(response.output).toEqual(FILE_ANSWER);
    const sent = SentRequest.parse(fake.requests[1]?.body);
    expect(sent.messages).toHaveLength(3);
    expect(sent.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'toolu_fake_0001', name: 'GeneratedFile', input: invalid }],
    });
    expect(sent.messages[2]).toMatchObject({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'toolu_fake_0001', is_error: true }],
    });
    expect(JSON.stringify(sent.messages[2])).toContain('does not match GeneratedFile');
    // The cached prefix is unchanged by the repair turns.
    expect(sent.system[0]?.cache_control).toEqual({ type: 'ephemeral' });
  });

  it('stays within the four cache breakpoints the API takes, however many shared blocks there are', async () => {
    // Prepare
    const fake = await startFake('anthropic', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    const blocks = ['one', 'two', 'three', 'four', 'five', 'six'];
    // Act
    const response = await model.generate(fileRequest({ sharedContext: blocks }));
    // Assess
    expect(response.output).toEqual(FILE_ANSWER);
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(sent.system.map((block) => block.text)).toEqual([...blocks, expect.any(String)]);
    expect(sent.system.filter((block) => block.cache_control !== undefined)).toHaveLength(4);
  });

  it('leaves out empty shared blocks rather than sending empty cached blocks', async () => {
    // Prepare
    const fake = await startFake('anthropic', inOrder(answer(FILE_ANSWER)));
    const model = createVendorModel(fakeSettings('anthropic', fake.baseURL), 'claude-test');
    // Act
    await model.generate(fileRequest({ sharedContext: ['', '  '] }));
    // Assess
    const sent = SentRequest.parse(fake.requests[0]?.body);
    expect(sent.system).toEqual([
      { type: 'text', text: "You are QuantCoder's alpha agent. You write alpha.py." },
    ]);
  });
});
