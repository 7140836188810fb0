import { afterAll, describe, expect, it } from 'vitest';
import type { PlanDefaults } from '../../../../functions/agents/tasks.js';
import { writeLeanFile, writeLeanProject } from '../../../../functions/llm/offline/lean-writer/index.js';
import { planFromIdea } from '../../../../functions/llm/offline/plan-from-idea.js';
import { catalogFindings } from './catalog-checks.js';
import { loadLeanApiExtract } from './lean-api-extract.js';
import {
  compilePython,
  pythonFactsOfProjects,
  removeTemporaryProjects,
  writeProjectToTemp,
} from './python-project.js';

const DEFAULTS: PlanDefaults = { startDate: '2020-01-01', endDate: '2024-12-31', cash: 100_000 };

/** Ideas spanning the strategy kinds, universes, weightings and risk settings the offline planner knows. */
const IDEAS = [
  'Momentum on the 100 most liquid US stocks, 20-day lookback, monthly rebalance',
  'RSI 14 on SPY, buy below 30, sell above 70',
  'Mean reversion on QQQ and SPY with a 2 standard deviation entry, long-short, 5% stop loss',
  '50/200 EMA crossover on technology stocks, weekly, 10% trailing stop',
  'Donchian breakout on the top 50 liquid stocks, risk 1% per trade, max drawdown 20%',
];

describe('projects written from the offline planner', () => {
  afterAll(() => {
    removeTemporaryProjects();
  });

  const plans = IDEAS.map((idea) => planFromIdea(idea, DEFAULTS));

  it('compile and pass the catalog checks for every idea', () => {
    // Prepare
    const directories = plans.map((plan, index) => {
      const files = writeLeanProject(plan);
      const directory = writeProjectToTemp(`idea-${index}`, files);
      compilePython(directory, files);
      return directory;
    });
    // Act
    const facts = pythonFactsOfProjects(directories);
    const extract = loadLeanApiExtract();
    const findings = directories.flatMap((directory) => catalogFindings(facts[directory] ?? {}, extract));
    // Assess
    expect(findings).toEqual([]);
  });

  it.each(IDEAS.map((idea, index) => [idea, index] as const))(
    'use every contract parameter the planner names for "%s"',
    (_idea, index) => {
      const plan = plans[index];
      if (!plan) throw new Error('missing plan');
      for (const contract of plan.contract.files) {
        const notes = writeLeanFile(plan, contract).notes;
        expect(notes, contract.file).not.toMatch(/kept but unused|plan values used directly/);
      }
    },
  );
});
