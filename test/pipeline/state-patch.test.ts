import { describe, expect, it } from 'vitest';
import { applyPatch, foldBranches, mergeFiles } from '../../functions/pipeline/state-patch.js';
import { freshState, projectFile } from './run-state-fixtures.js';

const usage = (role: 'universe' | 'alpha') => ({
  role,
  provider: 'offline',
  model: 'm',
  calls: 1,
  inputTokens: 10,
  outputTokens: 5,
  cachedInputTokens: 0,
});

describe('mergeFiles', () => {
  it('replaces files by name and appends new ones in order', () => {
    // Prepare
    const current = [projectFile('alpha.py', 'alpha', 'old'), projectFile('risk.py', 'risk')];
    // Act
    const merged = mergeFiles(current, [
      projectFile('alpha.py', 'alpha', 'new'),
      projectFile('main.py', 'strategy'),
    ]);
    // Assess
    expect(merged.map((file) => file.name)).toEqual(['alpha.py', 'risk.py', 'main.py']);
    expect(merged[0]?.ref.sha256).toBe(projectFile('alpha.py', 'alpha', 'new').ref.sha256);
  });
});

describe('applyPatch', () => {
  it('appends usage and timings, replaces other fields and removes fields patched to undefined', () => {
    // Prepare
    const state = freshState({
      usage: [usage('universe')],
      repair: { reason: 'validation', report: projectFile('x.py', 'alpha').ref, files: ['alpha.py'] },
    });
    // Act
    const next = applyPatch(state, {
      usage: [usage('alpha')],
      timings: [{ stage: 'refine', startedAt: 'now', durationMs: 3 }],
      attempts: { refine: 1, validate: 1 },
      repair: undefined,
    });
    // Assess
    expect(next.usage.map((entry) => entry.role)).toEqual(['universe', 'alpha']);
    expect(next.timings).toHaveLength(1);
    expect(next.attempts).toEqual({ refine: 1, validate: 1 });
    expect('repair' in next).toBe(false);
    expect(state.repair).toBeDefined();
  });
});

describe('foldBranches', () => {
  it('folds every branch patch into the state and drops the branches', () => {
    // Prepare
    const state = freshState({
      branches: [
        { files: [projectFile('universe.py', 'universe')], usage: [usage('universe')], timings: [] },
        { files: [projectFile('alpha.py', 'alpha')], usage: [usage('alpha')], timings: [] },
        { files: [], usage: [], timings: [] },
      ],
    });
    // Act
    const folded = foldBranches(state);
    // Assess
    expect(folded.files.map((file) => file.name)).toEqual(['universe.py', 'alpha.py']);
    expect(folded.usage).toHaveLength(2);
    expect(folded.branches).toBeUndefined();
  });

  it('rejects a branch result that is not a patch', () => {
    // Prepare
    const state = freshState({ branches: [{ files: 'nope' }] });
    // Act and assess
    expect(() => foldBranches(state)).toThrow();
  });
});
