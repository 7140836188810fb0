import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelRequest } from '../../functions/llm/model.js';
import { createOfflineModel } from '../../functions/llm/offline-model.js';
import { createScriptedModel } from '../../functions/llm/scripted-model.js';
import { loadLocalDefinition } from '../../functions/local/local-environment.js';
import type { LocalDefinition } from '../../functions/local/local-runner.js';
import { createInProcessEmulator } from '../../functions/quantconnect/emulator/in-process-emulator.js';
import type { QuantConnect } from '../../functions/quantconnect/port.js';
import { ModelOutputError } from '../../functions/shared/errors.js';
import { validateProject } from '../../functions/validator/index.js';
import { pyCompile, runIdea } from './local-run-harness.js';
import { brokenAlpha, idleAlpha } from './scripted-alphas.js';

const IDEA = 'Momentum on SPY, QQQ and IWM, 20-day lookback, 10% trailing stop';

let local: LocalDefinition;

beforeAll(() => {
  local = loadLocalDefinition();
});

describe('the refine loop', () => {
  it('repairs a broken first answer by regenerating only the file the errors name', async () => {
    // Prepare
    const model = createScriptedModel({ script: { alpha: [brokenAlpha] }, fallback: createOfflineModel() });

    // Act
    const { report, runDir } = await runIdea(local, IDEA, { models: () => model });

    // Assess
    expect(report.status).toBe('succeeded');
    expect(report.validation.map((attempt) => [attempt.ok, attempt.phase])).toEqual([
      [false, 'static'],
      [true, 'initialize'],
    ]);
    const firstErrors = report.validation[0]?.diagnostics.filter(
      (diagnostic) => diagnostic.severity === 'error',
    );
    expect(firstErrors?.map((diagnostic) => [diagnostic.file, diagnostic.line, diagnostic.rule])).toEqual([
      ['alpha.py', 7, 'syntax-error'],
    ]);
    const refineCalls = model.calls.filter((call) => call.role === 'refine');
    expect(refineCalls).toHaveLength(1);
    expect(refineCalls[0]?.task).toMatchObject({
      kind: 'refine',
      owner: 'alpha',
      file: { name: 'alpha.py' },
    });
    expect(JSON.stringify(refineCalls[0]?.messages)).toContain('alpha.py:7');
    const kept = await readFile(join(runDir, 'history', 'attempt-1', 'alpha.py'), 'utf8');
    expect(kept).toContain('def update(self, algorithm, data)\n');
    await pyCompile(runDir);
  });

  it('routes an initialization error from QuantConnect to the file its stack trace names', async () => {
    // Prepare: QuantConnect's quick initialization check fails once, in the alpha's constructor
    const model = createScriptedModel({ script: {}, fallback: createOfflineModel() });
    const emulator = createInProcessEmulator({ compileCheck: (files) => validateProject(files) });
    let checks = 0;
    const quantConnect: QuantConnect = {
      ...emulator,
      async checkInitialization(files) {
        checks += 1;
        if (checks > 1) return emulator.checkInitialization(files);
        return {
          ok: false,
          messages: [
            "During the algorithm initialization, the following exception has occurred: AttributeError : 'MomentumAlpha' object has no attribute 'lookback'\n  at __init__\n    self.window = self.lookback * 2\n in alpha.py: line 9\n  at initialize\n    self.set_alpha(MomentumAlpha())\n in main.py: line 20",
          ],
        };
      },
    };

    // Act
    const { report } = await runIdea(local, IDEA, { models: () => model, quantConnect });

    // Assess
    expect(report.status).toBe('succeeded');
    expect(report.validation.map((attempt) => [attempt.ok, attempt.phase])).toEqual([
      [false, 'initialize'],
      [true, 'initialize'],
    ]);
    expect(report.validation[0]?.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'alpha.py', line: 9, rule: 'initialize-error', source: 'initialize' }),
    );
    const refineCalls = model.calls.filter((call) => call.role === 'refine');
    expect(refineCalls.map((call) => call.task.kind === 'refine' && call.task.file.name)).toEqual([
      'alpha.py',
    ]);
    expect(JSON.stringify(refineCalls[0]?.messages)).toContain("has no attribute 'lookback'");
  });

  it('sends a backtest that placed no trades back to the alpha agent', async () => {
    // Prepare
    const model = createScriptedModel({ script: { alpha: [idleAlpha] }, fallback: createOfflineModel() });

    // Act
    const { report } = await runIdea(local, IDEA, { models: () => model });

    // Assess
    expect(report.status).toBe('succeeded');
    expect(report.backtest?.totalOrders).toBeGreaterThan(0);
    const refineCalls = model.calls.filter((call) => call.role === 'refine');
    expect(refineCalls.map((call) => call.task.kind === 'refine' && call.task.file.name)).toEqual([
      'alpha.py',
    ]);
    expect(JSON.stringify(refineCalls[0]?.messages)).toContain('placed no trades');
    expect(report.timings.filter((timing) => timing.stage === 'start-backtest')).toHaveLength(2);
  });

  it('stops after the last attempt with the last errors and every file kept', async () => {
    // Prepare: the alpha stays broken however often it is asked
    const model = createScriptedModel({
      script: { alpha: [brokenAlpha], refine: [brokenAlpha, brokenAlpha] },
      fallback: createOfflineModel(),
    });

    // Act
    const { report, runDir } = await runIdea(local, IDEA, {
      models: () => model,
      limits: { maxRefineAttempts: 2 },
    });

    // Assess
    expect(report.status).toBe('failed');
    expect(report.failure).toMatchObject({ stage: 'validate', reason: 'validation_failed' });
    expect(report.failure?.message).toMatch(/alpha|expected|missing/i);
    expect(report.validation).toHaveLength(3);
    expect(report.validation.every((attempt) => !attempt.ok)).toBe(true);
    expect((await readdir(join(runDir, 'project'))).sort()).toEqual([
      'README.md',
      'alpha.py',
      'main.py',
      'risk.py',
      'universe.py',
    ]);
    expect(report.locations.zip && existsSync(report.locations.zip)).toBe(true);
    expect(await readdir(join(runDir, 'history'))).toEqual(['attempt-1', 'attempt-2']);
  });
});

describe('a failing model', () => {
  it('ends in a failure report that names the stage and keeps what the other agents wrote', async () => {
    // Prepare
    const model = createScriptedModel({
      script: {
        // The risk agent fails after the other writers are done, so their files exist when the run fails.
        risk: [
          async () => {
            await new Promise((resolve) => setTimeout(resolve, 200));
            throw new ModelOutputError('The risk model answered with something that is not a risk model.');
          },
        ],
      },
      fallback: createOfflineModel(),
    });

    // Act
    const { report, runDir } = await runIdea(local, IDEA, { models: () => model });

    // Assess
    expect(report.status).toBe('failed');
    expect(report.failure).toEqual({
      stage: 'risk',
      reason: 'ModelOutputError',
      message: 'The risk model answered with something that is not a risk model.',
    });
    const written = await readdir(join(runDir, 'project'));
    expect(written).toEqual(expect.arrayContaining(['alpha.py', 'universe.py', 'main.py']));
    expect(report.files.map((file) => file.name).sort()).toEqual([...written].sort());
    expect(report.locations.zip && existsSync(report.locations.zip)).toBe(true);
    expect(existsSync(join(runDir, 'plan.json'))).toBe(true);
    expect(existsSync(join(runDir, 'report.json'))).toBe(true);
  });
});

describe('the state between states', () => {
  it('stays far below 256 KB when every file is 64 KB, because it carries references, not contents', async () => {
    // Prepare: each writer pads the offline model's file to 64 KB with a comment block
    const offline = createOfflineModel();
    const padded =
      (role: 'universe' | 'alpha' | 'risk' | 'strategy' | 'portfolio') =>
      async (request: ModelRequest<unknown>) => {
        const answer = (await offline.generate(request)).output as {
          className: string;
          code: string;
          notes: string;
        };
        const padding = '# padding to make a large file\n'.repeat(
          Math.ceil((64 * 1024 - answer.code.length) / 31),
        );
        return { ...answer, code: `${answer.code}\n${padding}`, notes: `${role} padded` };
      };
    const model = createScriptedModel({
      script: {
        universe: [padded('universe')],
        alpha: [padded('alpha')],
        portfolio: [padded('portfolio')],
        risk: [padded('risk')],
        strategy: [padded('strategy')],
      },
      fallback: offline,
    });

    // Act
    const result = await runIdea(local, 'momentum on the S&P 500, 20-day lookback, 2% risk per trade', {
      models: () => model,
    });

    // Assess
    expect(result.report.status).toBe('succeeded');
    const sizes = result.report.files.filter((file) => file.name.endsWith('.py')).map((file) => file.bytes);
    expect(sizes).toHaveLength(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(64 * 1024);
    expect(result.execution.largestStateBytes).toBeGreaterThan(0);
    expect(result.execution.largestStateBytes).toBeLessThan(256 * 1024);
    expect(result.execution.largestStateBytes).toBeLessThan(32 * 1024);
  });
});
