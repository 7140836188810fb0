import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../functions/agents/tasks.js';
import { EmulatedRequestError } from '../../../functions/quantconnect/emulator/emulated-request-error.js';
import type { Diagnostic } from '../../../functions/validator/diagnostic.js';
import { ALPHA_PY, emulator, readCompileUntilDone, tradingMain } from './emulator-fixture.js';

function diagnostic(overrides: Partial<Diagnostic>): Diagnostic {
  return {
    file: 'main.py',
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'syntax',
    message: 'SyntaxError: invalid syntax',
    source: 'static',
    ...overrides,
  };
}

describe('in-process emulator: projects', () => {
  it('creates projects with integer ids and QuantConnect project URLs', async () => {
    // Prepare
    const quantConnect = emulator();

    // Act
    const first = await quantConnect.createProject('Momentum Top 100');
    const second = await quantConnect.createProject('Mean Reversion');

    // Assess
    expect(quantConnect.emulated).toBe(true);
    expect(Number.isInteger(first.projectId)).toBe(true);
    expect(second.projectId).not.toBe(first.projectId);
    expect(first.url).toBe(`https://www.quantconnect.com/project/${first.projectId}`);
    expect(quantConnect.backtestUrl(first.projectId, 'abc')).toBe(`${first.url}/abc`);
  });

  it('refuses a second project with the same name', async () => {
    // Prepare
    const quantConnect = emulator();
    await quantConnect.createProject('Momentum Top 100');

    // Act
    const creating = quantConnect.createProject('Momentum Top 100');

    // Assess
    await expect(creating).rejects.toBeInstanceOf(EmulatedRequestError);
  });

  it('starts a project with a default main.py that writeFiles replaces', async () => {
    // Prepare
    const seen: SourceFile[][] = [];
    const quantConnect = emulator({
      compileCheck: (files) => {
        seen.push(files);
        return [];
      },
    });
    const { projectId } = await quantConnect.createProject('Momentum Top 100');

    // Act
    await quantConnect.createCompile(projectId);
    await quantConnect.writeFiles(projectId, [
      { name: 'main.py', content: tradingMain() },
      { name: 'alpha.py', content: ALPHA_PY },
    ]);
    await quantConnect.createCompile(projectId);

    // Assess
    expect(seen[0]?.map((file) => file.name)).toEqual(['main.py']);
    expect(seen[0]?.[0]?.content).toContain('class DefaultAlgorithm(QCAlgorithm)');
    expect(seen[1]).toEqual([
      { name: 'alpha.py', content: ALPHA_PY },
      { name: 'main.py', content: tradingMain() },
    ]);
  });

  it('refuses files with empty content or an escaping name, and unknown projects', async () => {
    // Prepare
    const quantConnect = emulator();
    const { projectId } = await quantConnect.createProject('Momentum Top 100');

    // Act
    const empty = quantConnect.writeFiles(projectId, [{ name: 'alpha.py', content: '' }]);
    const escaping = quantConnect.writeFiles(projectId, [{ name: '../alpha.py', content: 'x = 1' }]);
    const unknown = quantConnect.createCompile(projectId + 1);

    // Assess
    await expect(empty).rejects.toThrow(/alpha\.py/);
    await expect(escaping).rejects.toBeInstanceOf(EmulatedRequestError);
    await expect(unknown).rejects.toThrow(String(projectId + 1));
  });
});

describe('in-process emulator: compiles', () => {
  it('answers InQueue with a QuantConnect-shaped compile id, then BuildSuccess on a later read', async () => {
    // Prepare
    const quantConnect = emulator({ readsUntilDone: 2 });
    const { projectId } = await quantConnect.createProject('Momentum Top 100');

    // Act
    const created = await quantConnect.createCompile(projectId);
    const firstRead = await quantConnect.readCompile(projectId, created.compileId);
    const secondRead = await quantConnect.readCompile(projectId, created.compileId);

    // Assess
    expect(created.compileId).toMatch(/^[0-9a-f]{32}-[0-9a-f]{32}$/);
    expect(created.state).toBe('InQueue');
    expect(firstRead.state).toBe('InQueue');
    expect(secondRead.state).toBe('BuildSuccess');
    expect(secondRead.logs[0]).toContain(`Project ID: ${projectId}`);
  });

  it('turns compile-check errors into BuildError log lines carrying file, line and column', async () => {
    // Prepare
    const quantConnect = emulator({
      compileCheck: () => [
        diagnostic({ file: 'alpha.py', line: 12, column: 5, message: "SyntaxError: expected ':'" }),
        diagnostic({ file: 'main.py', line: 3, column: 1, severity: 'warning', message: 'unused import' }),
        diagnostic({ file: 'risk.py', line: 40, column: 9, message: "'RiskModel' has no attribute 'foo'" }),
      ],
    });
    const { projectId } = await quantConnect.createProject('Momentum Top 100');
    const { compileId } = await quantConnect.createCompile(projectId);

    // Act
    const compile = await readCompileUntilDone(quantConnect, projectId, compileId);

    // Assess
    expect(compile.state).toBe('BuildError');
    expect(compile.logs).toEqual([
      "Build Error: File: alpha.py Line: 12 Column: 5 - SyntaxError: expected ':'",
      "Build Error: File: risk.py Line: 40 Column: 9 - 'RiskModel' has no attribute 'foo'",
      'Build Warning: File: main.py Line: 3 Column: 1 - unused import',
    ]);
  });

  it('builds with warnings alone', async () => {
    // Prepare
    const quantConnect = emulator({
      compileCheck: () => [diagnostic({ severity: 'warning', message: 'unused' })],
    });
    const { projectId } = await quantConnect.createProject('Momentum Top 100');
    const { compileId } = await quantConnect.createCompile(projectId);

    // Act
    const compile = await readCompileUntilDone(quantConnect, projectId, compileId);

    // Assess
    expect(compile.state).toBe('BuildSuccess');
    expect(compile.logs).toContain('Build Warning: File: main.py Line: 1 Column: 1 - unused');
  });

  it('refuses a backtest of a BuildError compile and of an unknown compile', async () => {
    // Prepare
    const quantConnect = emulator({ compileCheck: () => [diagnostic({})] });
    const { projectId } = await quantConnect.createProject('Momentum Top 100');
    const { compileId } = await quantConnect.createCompile(projectId);
    await readCompileUntilDone(quantConnect, projectId, compileId);

    // Act
    const afterBuildError = quantConnect.createBacktest(projectId, compileId, 'Test');
    const unknownCompile = quantConnect.createBacktest(
      projectId,
      `${'0'.repeat(32)}-${'1'.repeat(32)}`,
      'Test',
    );

    // Assess
    await expect(afterBuildError).rejects.toBeInstanceOf(EmulatedRequestError);
    await expect(quantConnect.createBacktest(projectId, compileId, 'Test')).rejects.toThrow(/BuildError/);
    await expect(unknownCompile).rejects.toThrow(/not found/);
  });
});
