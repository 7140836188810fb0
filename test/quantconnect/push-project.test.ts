import { describe, expect, it } from 'vitest';
import type { QuantConnect } from '../../functions/quantconnect/port.js';
import {
  compileInCloud,
  uniqueProjectName,
  waitForBacktest,
} from '../../functions/quantconnect/push-project.js';
import { BUY_AND_HOLD_MAIN, emulator, startBacktest, virtualTime } from './emulator/emulator-fixture.js';

const FILES = [{ name: 'main.py', content: BUY_AND_HOLD_MAIN }];

describe('waitForBacktest', () => {
  it('reads until the backtest is done, telling each new status once', async () => {
    // Prepare
    const quantConnect = emulator({ readsUntilDone: 4 });
    const { projectId, backtestId } = await startBacktest(quantConnect, FILES);
    const time = virtualTime();
    const statuses: string[] = [];

    // Act
    const snapshot = await waitForBacktest(quantConnect, projectId, backtestId, {
      ...time,
      deadline: 600_000,
      onStatus: (status) => statuses.push(status),
    });

    // Assess
    expect(snapshot.completed).toBe(true);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(statuses).not.toContain(snapshot.status);
  });

  it('stops at the deadline, its last pause ending on it, and returns the snapshot last read', async () => {
    // Prepare
    const inner = emulator({ readsUntilDone: 1 });
    const { projectId, backtestId } = await startBacktest(inner, FILES);
    const running: QuantConnect = {
      ...inner,
      readBacktest: async (project, backtest) => ({
        ...(await inner.readBacktest(project, backtest)),
        status: 'Running: 40%',
        completed: false,
      }),
    };
    const time = virtualTime();

    // Act
    const snapshot = await waitForBacktest(running, projectId, backtestId, { ...time, deadline: 1_000 });

    // Assess
    expect(snapshot.status).toBe('Running: 40%');
    expect(time.sleeps).toEqual([250, 375, 375]);
    expect(time.now()).toBe(1_000);
  });
});

describe('compileInCloud', () => {
  it('pushes the files, says so before the compile wait, and returns the build errors at file and line', async () => {
    // Prepare
    const quantConnect = emulator({
      compileCheck: () => [
        {
          file: 'main.py',
          line: 3,
          column: 1,
          severity: 'error',
          rule: 'syntax',
          message: 'SyntaxError',
          source: 'static',
        },
      ],
    });
    const pushed: number[] = [];

    // Act
    const compile = await compileInCloud(quantConnect, FILES, {
      projectName: 'broken',
      ...virtualTime(),
      deadline: 60_000,
      onPushed: (project) => pushed.push(project.projectId),
    });

    // Assess
    expect(pushed).toEqual([compile.projectId]);
    expect(compile.state).toBe('BuildError');
    expect(compile.diagnostics).toEqual([
      expect.objectContaining({ file: 'main.py', line: 3, source: 'compile', severity: 'error' }),
    ]);
  });
});

describe('uniqueProjectName', () => {
  it('keeps a safe label, stamps the time and adds a random part', () => {
    // Act
    const name = uniqueProjectName('my strategy/v2', new Date('2026-01-02T03:04:05.678Z'));

    // Assess
    expect(name).toMatch(/^my-strategy-v2-20260102-030405-[0-9a-f]{4}$/);
  });
});
