import { describe, expect, it } from 'vitest';
import type { RunState } from '../../../functions/pipeline/run-state.js';
import type { ProgressEvent } from '../../../functions/shared/notifier.js';
import type { StatusRow } from '../../../functions/slack/blocks/status-message.js';
import { buildStatusView } from '../../../functions/slack/notifier/status-view.js';
import type { WriterProgress } from '../../../functions/slack/notifier/writer-progress.js';
import { finished, slackRunState, started, succeeded } from './run-fixture.js';

const REF = { key: 'run/x', sha256: 'a'.repeat(64), bytes: 1 };
const NOW = new Date('2026-11-24T03:16:05.000Z');

function view(
  state: RunState,
  event: ProgressEvent,
  writers: ReadonlyMap<string, WriterProgress> = new Map(),
) {
  return buildStatusView({ state, event, writers, now: NOW });
}

function row(rows: StatusRow[], label: string): StatusRow | undefined {
  return rows.find((candidate) => candidate.label.startsWith(label));
}

function afterPlan(customPortfolio: boolean): RunState {
  return finished(slackRunState(), 'plan', {
    plan: { ref: REF, projectName: 'p', title: 'Momentum', customPortfolio },
  });
}

function afterIntegrate(): RunState {
  return ['universe', 'alpha', 'risk', 'strategy', 'integrate'].reduce(
    (state, stage) => finished(state, stage),
    afterPlan(false),
  );
}

function validated(state: RunState, attempt: number, ok: boolean): RunState {
  const summary = {
    attempt,
    ok,
    phase: 'compile' as const,
    errorCount: ok ? 0 : 2,
    warningCount: 0,
    report: REF,
  };
  return finished(state, 'validate', {
    attempts: { ...state.attempts, validate: attempt },
    validation: {
      ...summary,
      diagnostics: ok
        ? []
        : [
            {
              file: 'alpha.py',
              line: 7,
              column: 0,
              severity: 'error',
              rule: 'r',
              message: 'bad name',
              source: 'compile',
            },
          ],
    },
    validationHistory: [...state.validationHistory, summary],
    ...(ok ? {} : { repair: { reason: 'validation' as const, report: REF, files: ['alpha.py'] } }),
  });
}

describe('buildStatusView', () => {
  it('shows the writers running once the plan is done, and a built-in portfolio as not needed', () => {
    // Act
    const { rows, headline } = view(afterPlan(false), succeeded('plan'));

    // Assess
    expect(headline).toBe(':gear: Working on it · 1m 05s so far');
    expect(row(rows, 'Plan')).toEqual({ label: 'Plan', mark: 'done', detail: 'Momentum' });
    expect(row(rows, 'Alpha agent')?.mark).toBe('running');
    expect(row(rows, 'Portfolio agent')).toEqual({
      label: 'Portfolio agent',
      mark: 'skipped',
      detail: 'not needed: built-in portfolio construction',
    });
    expect(row(rows, 'Integrate')?.mark).toBe('pending');
  });

  it('takes the other writers from their records, which a writer cannot see in its own state', () => {
    // Prepare
    const writers = new Map<string, WriterProgress>([
      ['universe', { stage: 'universe', status: 'succeeded', detail: 'universe.py: Sectors', at: '' }],
      ['risk', { stage: 'risk', status: 'failed', detail: 'model timed out', at: '' }],
    ]);

    // Act
    const { rows } = view(afterPlan(true), succeeded('alpha', 'alpha.py: Momentum'), writers);

    // Assess
    expect(row(rows, 'Universe agent')).toMatchObject({ mark: 'done', detail: 'universe.py: Sectors' });
    expect(row(rows, 'Alpha agent')?.mark).toBe('done');
    expect(row(rows, 'Risk agent')).toMatchObject({ mark: 'failed', detail: 'model timed out' });
    expect(row(rows, 'Strategy agent')?.mark).toBe('running');
  });

  it('counts compile attempts out of the refine limit plus one, and says why a refine runs', () => {
    // Prepare
    const failedOnce = validated(afterIntegrate(), 1, false);

    // Act
    const afterFailure = view(failedOnce, succeeded('validate')).rows;
    const refined = finished(failedOnce, 'refine', {
      attempts: { refine: 1, validate: 1 },
      repair: undefined,
    });
    const afterRefine = view(refined, succeeded('refine')).rows;
    const passed = view(validated(refined, 2, true), succeeded('validate')).rows;

    // Assess
    expect(row(afterFailure, 'Compile')).toEqual({
      label: 'Compile attempt 1 of 3',
      mark: 'failed',
      detail: '2 errors: alpha.py:7 bad name',
    });
    expect(row(afterFailure, 'Refine')).toEqual({
      label: 'Refine attempt 1 of 2',
      mark: 'running',
      detail: 'fixing alpha.py after compile errors',
    });
    expect(row(afterRefine, 'Compile')).toMatchObject({ label: 'Compile attempt 2 of 3', mark: 'running' });
    expect(row(afterRefine, 'Refine')).toEqual({
      label: 'Refine',
      mark: 'done',
      detail: '1 of 2 attempts used',
    });
    expect(row(passed, 'Compile')).toMatchObject({ label: 'Compile attempt 2 of 3', mark: 'done' });
    expect(row(passed, 'Backtest')?.mark).toBe('running');
  });

  it('marks the stage a failure names and leaves what never ran as skipped', () => {
    // Act
    const { rows, headline } = view(afterIntegrate(), {
      type: 'finished',
      status: 'failed',
      summary: 'x',
      failure: { stage: 'start-backtest', reason: 'TransientError', message: 'QuantConnect is down' },
    });

    // Assess
    expect(headline).toBe(':x: Failed at Backtest after 1m 05s');
    expect(row(rows, 'Backtest')).toEqual({
      label: 'Backtest',
      mark: 'failed',
      detail: 'QuantConnect is down',
    });
    expect(row(rows, 'Compile')?.mark).toBe('skipped');
    expect(row(rows, 'Package')?.mark).toBe('skipped');
  });

  it('shows a stage that just failed, even one Step Functions may retry', () => {
    // Act
    const { rows } = view(afterPlan(true), {
      type: 'stage',
      stage: 'alpha',
      status: 'failed',
      detail: 'rate limited',
    });

    // Assess
    expect(row(rows, 'Alpha agent')).toMatchObject({ mark: 'failed', detail: 'rate limited' });
  });

  it('shows only the reuse, compile, backtest and package rows for "backtest other dates"', () => {
    // Prepare
    const base = slackRunState();
    const state = slackRunState({
      request: { ...base.request, followUp: { kind: 'backtest', runId: 'old' } },
    });

    // Act
    const { rows, headline, footer } = view(state, started('reuse'));

    // Assess
    expect(rows.map((candidate) => candidate.label)).toEqual([
      'Reuse the earlier project',
      'Compile attempt 1 of 3',
      'Backtest',
      'Package',
    ]);
    expect(rows[0]?.mark).toBe('running');
    expect(headline).toContain('Backtesting other dates');
    expect(footer).toContain('follows up run `old`');
  });
});
