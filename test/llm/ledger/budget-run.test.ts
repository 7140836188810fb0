import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelRequest } from '../../../functions/llm/model.js';
import { createOfflineModel } from '../../../functions/llm/offline-model.js';
import { createScriptedModel } from '../../../functions/llm/scripted-model.js';
import { generateLocally } from '../../../functions/local/generate.js';
import { loadLocalDefinition } from '../../../functions/local/local-environment.js';
import type { LocalDefinition } from '../../../functions/local/local-runner.js';
import { createInProcessEmulator } from '../../../functions/quantconnect/emulator/in-process-emulator.js';
import { validateProject } from '../../../functions/validator/index.js';
import { runIdea } from '../../local/local-run-harness.js';

const IDEA = 'Momentum on SPY, QQQ and IWM, 20-day lookback, 10% trailing stop';

let local: LocalDefinition;

beforeAll(() => {
  local = loadLocalDefinition();
});

/** An alpha that parses as the schema but not as Python (no colon after update's signature): it needs a refine. */
function brokenAlpha(request: ModelRequest<unknown>) {
  const task = request.task;
  if (task.kind !== 'component') throw new Error(`expected a component task, got ${task.kind}`);
  const name = task.contract.className;
  return {
    className: name,
    code: `from AlgorithmImports import *\n\nclass ${name}(AlphaModel):\n    def update(self, algorithm, data)\n        return []\n`,
    notes: 'broken on purpose',
  };
}

describe('a run budget', () => {
  it("stops a run before the coordinator's call when its prompt alone is over the budget, with a clear failure report", async () => {
    // Prepare
    const offline = createOfflineModel();

    // Act
    const { report, runDir } = await generateLocally({
      idea: IDEA,
      outDir: await mkdtemp(join(tmpdir(), 'quantcoder-budget-')),
      models: () => offline,
      quantConnect: createInProcessEmulator({ compileCheck: (files) => validateProject(files) }),
      local,
      budget: { tokens: 10 },
    });

    // Assess
    expect(report.status).toBe('failed');
    expect(report.failure?.reason).toBe('BudgetExceededError');
    expect(report.failure?.message).toMatch(
      /^The run's budget cannot pay for the coordinator agent's call: 0 of 10 tokens are spent, and its prompt alone \(about [\d,]+ tokens\) does not fit in what is left\. Raise QUANTCODER_BUDGET_TOKENS/,
    );
    expect(report.usage.entries).toEqual([]);
    expect(report.usage.budget).toEqual({ tokens: 10 });
    expect(existsSync(join(runDir, 'report.json'))).toBe(true);
  });

  it('stops at the Parallel when what is left cannot pay for every writer at once, keeping the plan', async () => {
    // Prepare: enough for the plan, not for four or five writers
    const offline = createOfflineModel();

    // Act
    const { report, runDir } = await generateLocally({
      idea: IDEA,
      outDir: await mkdtemp(join(tmpdir(), 'quantcoder-budget-')),
      models: () => offline,
      quantConnect: createInProcessEmulator({ compileCheck: (files) => validateProject(files) }),
      local,
      budget: { tokens: 4_000 },
    });

    // Assess
    expect(report.status).toBe('failed');
    expect(report.failure?.message).toMatch(
      /^The run's budget cannot pay for the (universe|alpha|portfolio|risk|strategy) agent's call: [\d,]+ of 4,000 tokens are spent, and its prompt alone \(about [\d,]+ tokens\) does not fit in what is left, shared by the [45] agents writing at once\./,
    );
    expect(report.usage.entries.map((entry) => entry.role)).toEqual(['coordinator']);
    expect(report.usage.totals.inputTokens + report.usage.totals.outputTokens).toBeLessThanOrEqual(4_000);
    expect(existsSync(join(runDir, 'plan.json'))).toBe(true);
  });

  it('stops before the refine that would overspend, keeping every file the run wrote', async () => {
    // Prepare: measure what the plan and the writers spend, then allow exactly that
    const unbounded = await runIdea(local, IDEA, {
      models: () => createScriptedModel({ script: { alpha: [brokenAlpha] }, fallback: createOfflineModel() }),
    });
    const beforeRefine = unbounded.report.usage.entries
      .filter((entry) => entry.role !== 'refine')
      .reduce((sum, entry) => sum + entry.inputTokens + entry.outputTokens, 0);
    expect(unbounded.report.usage.entries.some((entry) => entry.role === 'refine')).toBe(true);
    const model = createScriptedModel({ script: { alpha: [brokenAlpha] }, fallback: createOfflineModel() });

    // Act
    const { report, runDir } = await runIdea(local, IDEA, {
      models: () => model,
      limits: { budget: { tokens: beforeRefine } },
    });

    // Assess
    expect(report.status).toBe('failed');
    expect(report.failure).toMatchObject({ stage: 'refine', reason: 'BudgetExceededError' });
    expect(report.failure?.message).toContain(
      `The run's budget of ${beforeRefine.toLocaleString('en-US')} tokens is spent`,
    );
    expect(model.calls.filter((call) => call.role === 'refine')).toHaveLength(0);
    expect(report.usage.totals.inputTokens + report.usage.totals.outputTokens).toBe(beforeRefine);
    expect((await readdir(join(runDir, 'project'))).sort()).toEqual([
      'README.md',
      'alpha.py',
      'main.py',
      'risk.py',
      'universe.py',
    ]);
    expect(report.locations.zip && existsSync(report.locations.zip)).toBe(true);
    expect(report.validation.map((attempt) => attempt.ok)).toEqual([false]);
  });
});
