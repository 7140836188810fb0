import { afterEach, describe, expect, it } from 'vitest';
import { parseCompileLogs } from '../../../../functions/quantconnect/compile-errors.js';
import { validateProject } from '../../../../functions/validator/index.js';
import { ALPHA_PY, tradingMain } from '../emulator-fixture.js';
import {
  closeHarnesses,
  compileToEnd,
  createProject,
  startHarness,
  succeeded,
  writeFiles,
} from './emulator-http-fixture.js';

afterEach(closeHarnesses);

const brokenAlpha = ALPHA_PY.replace(
  'def update(self, algorithm, data):',
  'def update(self, algorithm, data)',
);

describe('emulator over HTTP: compile', () => {
  it('creates a compile InQueue with a QuantConnect-shaped id, then BuildSuccess on a later read', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 2 });
    const projectId = await createProject(harness);

    // Act
    const created = succeeded(await harness.call('compile/create', { projectId }));
    const first = succeeded(await harness.call('compile/read', { projectId, compileId: created.compileId }));
    const second = succeeded(await harness.call('compile/read', { projectId, compileId: created.compileId }));

    // Assess
    expect(created).toMatchObject({ state: 'InQueue', projectId, signatureOrder: ['main.py'] });
    expect(created.compileId).toMatch(/^[0-9a-f]{32}-[0-9a-f]{32}$/);
    expect(first).toMatchObject({ state: 'InQueue', logs: [] });
    expect(second).toMatchObject({ state: 'BuildSuccess', success: true });
    expect(second.logs).toEqual([expect.stringContaining(`Project ID: ${projectId}`)]);
  });

  it('runs the project static checks: BuildError (still success true) with file and line, then a fix builds', async () => {
    // Prepare
    const harness = await startHarness({ compileCheck: (files) => validateProject(files) });
    const projectId = await createProject(harness);
    await writeFiles(harness, projectId, [
      { name: 'main.py', content: tradingMain() },
      { name: 'alpha.py', content: brokenAlpha },
    ]);

    // Act
    const broken = await compileToEnd(harness, projectId);
    succeeded(await harness.call('files/update', { projectId, name: 'alpha.py', content: ALPHA_PY }));
    const fixed = await compileToEnd(harness, projectId);

    // Assess
    expect(broken.state).toBe('BuildError');
    expect(broken.success).toBe(true);
    const diagnostics = parseCompileLogs(broken.logs, new Set(['main.py', 'alpha.py']));
    expect(diagnostics[0]).toMatchObject({ file: 'alpha.py', line: 4, source: 'compile' });
    expect(fixed.state).toBe('BuildSuccess');
  });

  it('refuses unknown projects and compiles, and a backtest of a BuildError compile', async () => {
    // Prepare
    const harness = await startHarness({
      compileCheck: () => [
        {
          file: 'main.py',
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'syntax',
          message: 'bad',
          source: 'static',
        },
      ],
    });
    const projectId = await createProject(harness);
    const compile = await compileToEnd(harness, projectId);

    // Act
    const unknownProject = await harness.call('compile/create', { projectId: projectId + 100 });
    const unknownCompile = await harness.call('compile/read', {
      projectId,
      compileId: `${'0'.repeat(32)}-x`,
    });
    const backtest = await harness.call('backtests/create', {
      projectId,
      compileId: compile.compileId,
      backtestName: 'Nope',
    });

    // Assess
    expect(compile.logs).toEqual(['Build Error: File: main.py Line: 1 Column: 1 - bad']);
    expect(unknownProject.json).toMatchObject({
      success: false,
      errors: [expect.stringContaining('not found')],
    });
    expect(unknownCompile.json.success).toBe(false);
    expect(backtest.json).toMatchObject({ success: false, errors: [expect.stringContaining('BuildError')] });
  });
});
