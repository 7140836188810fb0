import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Plan } from '../../functions/agents/plan.js';
import { createOfflineModel } from '../../functions/llm/offline-model.js';
import { createScriptedModel } from '../../functions/llm/scripted-model.js';
import { loadLocalDefinition } from '../../functions/local/local-environment.js';
import type { LocalDefinition } from '../../functions/local/local-runner.js';
import { createInProcessEmulator } from '../../functions/quantconnect/emulator/in-process-emulator.js';
import { validateProject } from '../../functions/validator/index.js';
import { readProject, runIdea } from './local-run-harness.js';

const IDEA = 'Momentum on SPY, QQQ and IWM, 20-day lookback, 2% risk per trade';
const THREAD = { channel: 'C0QUANT', threadTs: '1700000000.000100', userId: 'U0ALICE' };

let local: LocalDefinition;

beforeAll(() => {
  local = loadLocalDefinition();
});

async function firstRun() {
  const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-follow-up-'));
  const quantConnect = createInProcessEmulator({ compileCheck: (files) => validateProject(files) });
  const first = await runIdea(local, IDEA, { outDir, quantConnect, slack: THREAD });
  return { outDir, quantConnect, first };
}

describe('follow-ups on an earlier run', () => {
  it('backtests the same files on other dates: only main.py changes, and no model writes anything', async () => {
    // Prepare
    const { outDir, quantConnect, first } = await firstRun();
    const model = createScriptedModel({ script: {}, fallback: createOfflineModel() });

    // Act
    const again = await runIdea(local, 'Backtest 2015-01-02 to 2016-12-30 with $50,000', {
      outDir,
      quantConnect,
      models: () => model,
      slack: THREAD,
      followUp: { kind: 'backtest' },
      backtest: { startDate: '2015-01-02', endDate: '2016-12-30', cash: 50_000 },
    });

    // Assess
    expect(first.report.status).toBe('succeeded');
    expect(again.report.status).toBe('succeeded');
    expect(model.calls).toHaveLength(0);
    expect(again.report.timings.map((timing) => timing.stage)).toEqual(
      expect.arrayContaining(['reuse', 'validate', 'start-backtest', 'package']),
    );
    expect(again.report.timings.map((timing) => timing.stage)).not.toContain('plan');
    const before = await readProject(first.runDir);
    const after = await readProject(again.runDir);
    expect(after.map((file) => file.name)).toEqual(before.map((file) => file.name));
    for (const file of after.filter((candidate) => candidate.name !== 'main.py')) {
      expect(file.content, file.name).toBe(before.find((earlier) => earlier.name === file.name)?.content);
    }
    const main = after.find((file) => file.name === 'main.py')?.content ?? '';
    expect(main).toContain('self.set_start_date(2015, 1, 2)');
    expect(main).toContain('self.set_end_date(2016, 12, 30)');
    expect(main).toContain('self.set_cash(50000)');
    const plan = Plan.parse(JSON.parse(await readFile(join(again.runDir, 'plan.json'), 'utf8')));
    expect(plan.backtest).toMatchObject({ startDate: '2015-01-02', endDate: '2016-12-30', cash: 50_000 });
  });

  it("refines the thread's latest run: the coordinator gets that run's plan and the reply as the idea", async () => {
    // Prepare
    const { outDir, quantConnect, first } = await firstRun();
    const model = createScriptedModel({ script: {}, fallback: createOfflineModel() });

    // Act
    const refined = await runIdea(local, 'make it long-only', {
      outDir,
      quantConnect,
      models: () => model,
      slack: THREAD,
      followUp: { kind: 'refine' },
    });

    // Assess
    expect(refined.report.status).toBe('succeeded');
    const planCall = model.calls.find((call) => call.role === 'coordinator');
    const earlierPlan = JSON.parse(await readFile(join(first.runDir, 'plan.json'), 'utf8'));
    expect(planCall?.task).toMatchObject({ idea: 'make it long-only', previousPlan: earlierPlan });
  });

  it('deploys the named run to paper trading on its QuantConnect project, writing no files of its own', async () => {
    // Prepare
    const { outDir, quantConnect, first } = await firstRun();

    // Act
    const deploy = await runIdea(local, 'Deploy to paper', {
      outDir,
      quantConnect,
      slack: THREAD,
      followUp: { kind: 'deploy', runId: first.runId },
    });

    // Assess
    expect(deploy.report.status).toBe('succeeded');
    expect(deploy.report.deployment).toMatchObject({
      brokerage: expect.stringMatching(/paper/i),
      emulated: true,
    });
    expect(deploy.report.backtest?.projectId).toBe(first.report.backtest?.projectId);
    expect(deploy.report.files).toEqual([]);
    expect(deploy.report.timings.map((timing) => timing.stage)).toEqual(['deploy']);
  });

  it('fails with what to do when the thread holds no finished run, and keeps its report', async () => {
    // Prepare
    const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-follow-up-'));

    // Act
    const orphan = await runIdea(local, 'make it long-only', {
      outDir,
      slack: { ...THREAD, threadTs: '1700000999.000100' },
      followUp: { kind: 'refine' },
    });

    // Assess
    expect(orphan.report.status).toBe('failed');
    expect(orphan.report.failure).toMatchObject({ stage: 'plan', reason: 'UserInputError' });
    expect(orphan.report.failure?.message).toMatch(/no finished QuantCoder run yet.*\/quantcoder <idea>/);
  });
});
