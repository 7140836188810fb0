import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AgentTask } from '../../functions/agents/tasks.js';
import { GeneratedFile, PlanDefaults } from '../../functions/agents/tasks.js';
import type { ModelRequest } from '../../functions/llm/model.js';
import { createScriptedModel, ScriptExhaustedError } from '../../functions/llm/scripted-model.js';
import { ModelOutputError, TransientError } from '../../functions/shared/errors.js';
import { modelRequest } from './model-requests.js';

const TASK: AgentTask = {
  kind: 'plan',
  idea: 'anything',
  defaults: PlanDefaults.parse({ startDate: '2020-01-01', endDate: '2020-12-31', cash: 1000 }),
};

function fileAnswer(code: string) {
  return { className: 'MomentumAlphaModel', code, notes: 'scripted' };
}

function alphaRequest(extra: Partial<ModelRequest<GeneratedFile>> = {}) {
  return modelRequest('alpha', TASK, GeneratedFile, extra);
}

describe('createScriptedModel', () => {
  it("replays each role's replies in order and counts what is left", async () => {
    // Prepare
    const model = createScriptedModel({
      script: {
        alpha: [fileAnswer('first = 1\n'), fileAnswer('second = 2\n')],
        risk: [fileAnswer('risk = 1\n')],
      },
    });
    // Act
    const first = await model.generate(alphaRequest());
    const risk = await model.generate(modelRequest('risk', TASK, GeneratedFile));
    const second = await model.generate(alphaRequest());
    // Assess
    expect([first.output.code, risk.output.code, second.output.code]).toEqual([
      'first = 1\n',
      'risk = 1\n',
      'second = 2\n',
    ]);
    expect(model.remaining('alpha')).toBe(0);
    expect(first.provider).toBe('scripted');
    expect(first.model).toBe('scripted-1');
  });

  it('throws a scripted Error, then carries on with the next reply', async () => {
    // Prepare
    const model = createScriptedModel({
      script: { alpha: [new TransientError('rate limited'), fileAnswer('ok = 1\n')] },
    });
    // Act / Assess
    await expect(model.generate(alphaRequest())).rejects.toBeInstanceOf(TransientError);
    await expect(model.generate(alphaRequest())).resolves.toMatchObject({ output: { code: 'ok = 1\n' } });
  });

  it('calls a scripted function with the request and uses what it returns, even asynchronously', async () => {
    // Prepare
    const model = createScriptedModel({
      script: {
        alpha: [
          (request: ModelRequest<unknown>) => fileAnswer(`# ${request.system}\n`),
          async () => fileAnswer('later = 1\n'),
        ],
      },
    });
    // Act
    const first = await model.generate(alphaRequest({ system: 'be brief' }));
    const second = await model.generate(alphaRequest());
    // Assess
    expect(first.output.code).toBe('# be brief\n');
    expect(second.output.code).toBe('later = 1\n');
  });

  it('hands a role to the fallback model once its replies run out', async () => {
    // Prepare
    const fallback = createScriptedModel({
      provider: 'backup',
      modelId: 'b-1',
      script: { alpha: [fileAnswer('b = 1\n')] },
    });
    const model = createScriptedModel({ script: { alpha: [fileAnswer('a = 1\n')] }, fallback });
    // Act
    const first = await model.generate(alphaRequest());
    const second = await model.generate(alphaRequest());
    // Assess
    expect([first.output.code, second.output.code]).toEqual(['a = 1\n', 'b = 1\n']);
    expect(second.provider).toBe('backup');
    expect(model.calls).toHaveLength(2);
    expect(fallback.calls).toHaveLength(1);
  });

  it('names the role when its replies run out and there is no fallback', async () => {
    const model = createScriptedModel({ script: { alpha: [] } });
    const answer = model.generate(modelRequest('integration', TASK, GeneratedFile));
    await expect(answer).rejects.toBeInstanceOf(ScriptExhaustedError);
    await expect(model.generate(modelRequest('integration', TASK, GeneratedFile))).rejects.toThrow(
      /integration role/,
    );
  });

  it('records every request it is sent, including failed ones', async () => {
    const model = createScriptedModel({ script: { alpha: [new Error('boom')] } });
    const request = alphaRequest();
    await expect(model.generate(request)).rejects.toThrow('boom');
    expect(model.calls).toEqual([request]);
  });

  it('passes a schema-valid answer with broken Python, and rejects a broken envelope with ModelOutputError', async () => {
    // Prepare
    const model = createScriptedModel({
      script: { alpha: [fileAnswer('def broken(:\n'), { className: 'MomentumAlphaModel', code: '' }] },
    });
    // Act
    const broken = await model.generate(alphaRequest());
    const invalid = model.generate(alphaRequest());
    // Assess
    expect(broken.output.code).toBe('def broken(:\n');
    await expect(invalid).rejects.toBeInstanceOf(ModelOutputError);
  });

  it('returns the schema-parsed output, so schema defaults and transforms apply', async () => {
    const schema = z.object({ count: z.coerce.number() });
    const model = createScriptedModel({ script: { alpha: [{ count: '3' }] } });
    const response = await model.generate(modelRequest('alpha', TASK, schema));
    expect(response.output).toEqual({ count: 3 });
  });

  it('waits delayMs per call, or what the delay function gives for the request', async () => {
    // Prepare
    const fixed = createScriptedModel({ delayMs: 40, script: { alpha: [fileAnswer('a = 1\n')] } });
    const seen: string[] = [];
    const computed = createScriptedModel({
      delayMs: (request) => {
        seen.push(request.role);
        return 40;
      },
      script: { risk: [fileAnswer('r = 1\n')] },
    });
    // Act
    const started = performance.now();
    await fixed.generate(alphaRequest());
    const afterFixed = performance.now();
    await computed.generate(modelRequest('risk', TASK, GeneratedFile));
    const afterComputed = performance.now();
    // Assess
    expect(afterFixed - started).toBeGreaterThanOrEqual(35);
    expect(afterComputed - afterFixed).toBeGreaterThanOrEqual(35);
    expect(seen).toEqual(['risk']);
  });

  it('stops waiting as soon as the request is aborted, keeping its reply queued', async () => {
    // Prepare
    const model = createScriptedModel({ delayMs: 10_000, script: { alpha: [fileAnswer('a = 1\n')] } });
    const controller = new AbortController();
    const started = performance.now();
    // Act
    const answer = model.generate(alphaRequest({ signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('cancelled by the run')), 20);
    // Assess
    await expect(answer).rejects.toThrow('cancelled by the run');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(model.remaining('alpha')).toBe(1);
  });

  it('refuses at once a request whose signal is already aborted', async () => {
    const model = createScriptedModel({ script: { alpha: [fileAnswer('a = 1\n')] } });
    const controller = new AbortController();
    controller.abort();
    await expect(model.generate(alphaRequest({ signal: controller.signal }))).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(model.remaining('alpha')).toBe(1);
  });
});
