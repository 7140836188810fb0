import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../functions/agents/tasks.js';
import { createOfflineModel } from '../../functions/llm/offline-model.js';
import { createScriptedModel } from '../../functions/llm/scripted-model.js';
import { loadLocalDefinition } from '../../functions/local/local-environment.js';
import type { LocalDefinition } from '../../functions/local/local-runner.js';
import {
  type QuantConnectEmulatorOptions,
  startQuantConnectEmulator,
} from '../../functions/quantconnect/emulator/http/emulator-server.js';
import { QuantConnectClient } from '../../functions/quantconnect/rest/client.js';
import { createRestQuantConnect } from '../../functions/quantconnect/rest/rest-quantconnect.js';
import type { Diagnostic } from '../../functions/validator/diagnostic.js';
import { validateProject } from '../../functions/validator/index.js';
import { runIdea } from './local-run-harness.js';
import { crashingAlpha, idleAlpha } from './scripted-alphas.js';

const IDEA = 'Momentum on SPY, QQQ and IWM, 20-day lookback, 10% trailing stop';

let local: LocalDefinition;
const closers: Array<() => Promise<void>> = [];

beforeAll(() => {
  local = loadLocalDefinition();
});

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The pipeline's QuantConnect: the REST client over loopback HTTP to the emulator. */
async function quantConnectOverHttp(options: Partial<QuantConnectEmulatorOptions> = {}) {
  const emulator = await startQuantConnectEmulator({
    compileCheck: (files) => validateProject(files),
    ...options,
  });
  closers.push(() => emulator.close());
  const client = new QuantConnectClient({
    userId: emulator.userId,
    apiToken: emulator.apiToken,
    baseUrl: emulator.url,
  });
  return {
    emulator,
    quantConnect: createRestQuantConnect(client, { emulated: true, webUrl: emulator.webUrl }),
  };
}

describe('the pipeline against QuantConnect over HTTP (the emulator on loopback)', () => {
  it("routes a compile error QuantConnect's compiler finds to the file it names, and only that file is rewritten", async () => {
    // Prepare: the compiler rejects the first alpha.py it sees, for a reason the static checks do not know
    let compiles = 0;
    const compileCheck = (files: SourceFile[]): Diagnostic[] => {
      compiles += 1;
      if (compiles > 1) return validateProject(files);
      return [
        {
          file: 'alpha.py',
          line: 4,
          column: 9,
          severity: 'error',
          rule: 'build',
          message: "Name 'Momentum' is not defined",
          source: 'static',
        },
      ];
    };
    const { quantConnect } = await quantConnectOverHttp({ compileCheck });
    const model = createScriptedModel({ script: {}, fallback: createOfflineModel() });

    // Act
    const { report } = await runIdea(local, IDEA, { models: () => model, quantConnect });

    // Assess
    expect(report.status).toBe('succeeded');
    expect(report.validation.map((attempt) => [attempt.ok, attempt.phase])).toEqual([
      [false, 'compile'],
      [true, 'initialize'],
    ]);
    expect(report.validation[0]?.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'alpha.py', line: 4, source: 'compile' }),
    );
    const refined = model.calls.filter((call) => call.role === 'refine');
    expect(refined.map((call) => call.task.kind === 'refine' && call.task.file.name)).toEqual(['alpha.py']);
  });

  it('routes a runtime error to the file and line of its stack trace, then backtests the fix', async () => {
    // Prepare
    const { quantConnect } = await quantConnectOverHttp();
    const model = createScriptedModel({ script: { alpha: [crashingAlpha] }, fallback: createOfflineModel() });

    // Act
    const { report } = await runIdea(local, IDEA, { models: () => model, quantConnect });

    // Assess
    expect(report.status).toBe('succeeded');
    const refined = model.calls.filter((call) => call.role === 'refine');
    expect(refined.map((call) => call.task.kind === 'refine' && call.task.file.name)).toEqual(['alpha.py']);
    const feedback = JSON.stringify(refined[0]?.messages);
    expect(feedback).toContain('alpha.py:8');
    expect(feedback).toMatch(/ZeroDivisionError|division by zero/);
    expect(report.timings.filter((timing) => timing.stage === 'start-backtest')).toHaveLength(2);
    expect(report.backtest).toMatchObject({ emulated: true, verdict: 'ok' });
  });

  it('sends a backtest with zero orders back to the alpha agent', async () => {
    // Prepare
    const { quantConnect } = await quantConnectOverHttp();
    const model = createScriptedModel({ script: { alpha: [idleAlpha] }, fallback: createOfflineModel() });

    // Act
    const { report } = await runIdea(local, IDEA, { models: () => model, quantConnect });

    // Assess
    expect(report.status).toBe('succeeded');
    expect(report.backtest?.totalOrders).toBeGreaterThan(0);
    const refined = model.calls.filter((call) => call.role === 'refine');
    expect(JSON.stringify(refined[0]?.messages)).toContain('placed no trades');
  });

  it('gives up on a backtest that never finishes after the last poll, says so, and keeps every file', async () => {
    // Prepare: a backtest that would take a year
    const { quantConnect, emulator } = await quantConnectOverHttp({ backtestSeconds: 365 * 86_400 });

    // Act
    const { report } = await runIdea(local, IDEA, {
      quantConnect,
      limits: { maxRefineAttempts: 1, maxPolls: 4, initialPollSeconds: 0, maxPollSeconds: 0 },
    });

    // Assess
    expect(report.status).toBe('failed');
    expect(report.failure).toMatchObject({ stage: 'poll-backtest', reason: 'backtest_timeout' });
    expect(report.files.map((file) => file.name)).toEqual(
      expect.arrayContaining(['main.py', 'alpha.py', 'universe.py', 'risk.py']),
    );
    expect(emulator.requests['backtests/read']).toBe(4);
  });
});
