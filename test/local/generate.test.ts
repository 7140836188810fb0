import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { Plan } from '../../functions/agents/plan.js';
import { findEarlierRun } from '../../functions/local/generate.js';
import { loadLocalDefinition } from '../../functions/local/local-environment.js';
import type { LocalDefinition } from '../../functions/local/local-runner.js';
import { validateProject } from '../../functions/validator/index.js';
import { pyCompile, readProject, runIdea } from './local-run-harness.js';

let local: LocalDefinition;

beforeAll(() => {
  local = loadLocalDefinition();
});

function zipEntries(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names.sort()));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const IDEAS = [
  {
    idea: 'Momentum on the 100 most liquid US stocks, 20-day lookback, monthly rebalance, 10% trailing stop',
    kind: 'momentum',
    portfolio: false,
  },
  { idea: 'momentum on the S&P 500, 20-day lookback, 2% risk per trade', kind: 'momentum', portfolio: true },
  {
    idea: 'Mean reversion on SPY, QQQ and IWM using a 20-day z-score, max drawdown 5% per security',
    kind: 'mean_reversion',
    portfolio: false,
  },
  {
    idea: '50/200 day SMA crossover on AAPL, MSFT and GOOG from 2015 to 2020 with $250k',
    kind: 'ma_crossover',
    portfolio: false,
  },
  {
    idea: 'RSI 14 on technology stocks, buy below 30 and sell above 70, weekly rebalance',
    kind: 'rsi',
    portfolio: false,
  },
  {
    idea: '55-day Donchian breakout on large liquid US equities, long-short, 2% risk per trade',
    kind: 'breakout',
    portfolio: true,
  },
] as const;

describe('quantcoder generate, run locally through the synthesized state machine', () => {
  it.each(IDEAS)('turns "$idea" into a coherent project that compiles', async ({ idea, kind, portfolio }) => {
    // Act
    const { report, runDir } = await runIdea(local, idea);

    // Assess: the run succeeded and wrote the files its plan asks for
    expect(report.status, JSON.stringify(report.failure)).toBe('succeeded');
    const plan = Plan.parse(JSON.parse(await readFile(join(runDir, 'plan.json'), 'utf8')));
    expect(plan.strategy.kind).toBe(kind);
    const expected = [
      'README.md',
      'alpha.py',
      'main.py',
      'risk.py',
      'universe.py',
      ...(portfolio ? ['portfolio.py'] : []),
    ];
    const files = await readProject(runDir);
    expect(files.map((file) => file.name).sort()).toEqual(expected.sort());

    // Assess: real Python, and the files agree with each other and with the contract
    await pyCompile(runDir);
    const diagnostics = validateProject(files, { contract: plan.contract.files });
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const main = files.find((file) => file.name === 'main.py')?.content ?? '';
    for (const contract of plan.contract.files.filter((entry) => entry.file !== 'main.py')) {
      expect(main).toContain(`from ${contract.file.replace(/\.py$/, '')} import ${contract.className}`);
    }

    // Assess: zip, report and backtest
    expect(await zipEntries(join(runDir, `${plan.projectName}.zip`))).toEqual(
      expected.map((name) => `${plan.projectName}/${name}`).sort(),
    );
    expect(report.validation.at(-1)).toMatchObject({ ok: true, phase: 'initialize' });
    expect(report.backtest).toMatchObject({ emulated: true, verdict: 'ok' });
    expect(report.backtest?.totalOrders).toBeGreaterThan(0);
    expect(typeof report.backtest?.statistics?.['Sharpe Ratio']).toBe('number');
    expect(new Set(report.timings.map((timing) => timing.stage))).toEqual(
      new Set([
        'plan',
        'universe',
        'alpha',
        'risk',
        'strategy',
        ...(portfolio ? ['portfolio'] : []),
        'integrate',
        'validate',
        'start-backtest',
        'poll-backtest',
        'check-result',
        'package',
      ]),
    );
    expect(report.usage.totals.calls).toBe(portfolio ? 6 : 5);
    const onDisk = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8'));
    expect(onDisk.status).toBe('succeeded');
  });
});

describe('quantcoder refine', () => {
  it('applies a follow-up to an earlier run and keeps its project name and class names', async () => {
    // Prepare
    const first = await runIdea(local, 'Momentum on SPY, QQQ and IWM, 20-day lookback, 10% trailing stop');
    const earlier = await findEarlierRun(first.runDir, 'unused');

    // Act
    const second = await runIdea(local, 'make it long-short and add a 5% stop', {
      outDir: earlier.outDir,
      refines: earlier.refines,
    });

    // Assess
    expect(second.report.status).toBe('succeeded');
    const before = Plan.parse(first.report.plan);
    const after = Plan.parse(second.report.plan);
    expect(after.strategy.direction).toBe('long_short');
    expect(after.risk.maxDrawdownPerSecurity).toBe(0.05);
    expect(after.risk.trailingStop).toBe(before.risk.trailingStop);
    expect(after.projectName).toBe(before.projectName);
    expect(after.contract.files.map((file) => file.className)).toEqual(
      before.contract.files.map((file) => file.className),
    );
    expect(earlier.refines.files).toContain('alpha.py');
    await pyCompile(second.runDir);
  });
});
