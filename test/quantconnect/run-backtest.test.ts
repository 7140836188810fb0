import { describe, expect, it } from 'vitest';
import { createInProcessEmulator } from '../../functions/quantconnect/emulator/in-process-emulator.js';
import type { QuantConnect } from '../../functions/quantconnect/port.js';
import { runBacktest } from '../../functions/quantconnect/run-backtest.js';
import { validateProject } from '../../functions/validator/index.js';
import { BUY_AND_HOLD_MAIN, virtualTime } from './emulator/emulator-fixture.js';

function emulator(): QuantConnect {
  return createInProcessEmulator({ compileCheck: (files) => validateProject(files) });
}

describe('runBacktest', () => {
  it('pushes, compiles, waits with growing pauses and returns the statistics as numbers', async () => {
    // Prepare
    const time = virtualTime();

    // Act
    const result = await runBacktest({
      quantConnect: emulator(),
      files: [{ name: 'main.py', content: BUY_AND_HOLD_MAIN }],
      projectName: 'buy-spy',
      backtestName: 'buy spy',
      timeoutMs: 60_000,
      ...time,
    });

    // Assess
    expect(result).toMatchObject({ status: 'Completed', emulated: true, diagnostics: [] });
    expect(result.backtestId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof result.statistics['Sharpe Ratio']).toBe('number');
    expect(typeof result.statistics.Drawdown).toBe('number');
    expect(result.rawStatistics.Drawdown).toMatch(/%$/);
    expect(result.statistics['Total Orders']).toBeGreaterThan(0);
    // Compile, then backtest: each wait grows by half, from a quarter second.
    expect(time.sleeps).toEqual([250, 375, 563, 250, 375]);
  });

  it('returns a build error at its file and line without starting a backtest', async () => {
    // Act
    const result = await runBacktest({
      quantConnect: emulator(),
      files: [
        {
          name: 'main.py',
          content: BUY_AND_HOLD_MAIN.replace('def on_data(self, data):', 'def on_data(self, data)'),
        },
      ],
      projectName: 'broken',
      backtestName: 'broken',
      timeoutMs: 60_000,
      ...virtualTime(),
    });

    // Assess
    expect(result.status).toBe('BuildError');
    expect(result.backtestId).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ file: 'main.py', line: 9, source: 'compile' });
  });

  it('gives up on a backtest that never finishes when the time is up, and says where it is', async () => {
    // Prepare
    const inner = emulator();
    const stuck: QuantConnect = {
      ...inner,
      async readBacktest(projectId, backtestId) {
        const snapshot = await inner.readBacktest(projectId, backtestId);
        return { ...snapshot, status: 'Running: 12%', completed: false, progress: 0.12, statistics: {} };
      },
    };
    const time = virtualTime();

    // Act
    const result = await runBacktest({
      quantConnect: stuck,
      files: [{ name: 'main.py', content: BUY_AND_HOLD_MAIN }],
      projectName: 'stuck',
      backtestName: 'stuck',
      timeoutMs: 120_000,
      ...time,
    });

    // Assess
    expect(result).toMatchObject({ status: 'TimedOut', detail: 'Running: 12%' });
    expect(result.url).toContain(result.backtestId ?? 'missing');
    expect(time.now()).toBeGreaterThanOrEqual(120_000);
    expect(time.now()).toBeLessThan(140_000);
    expect(Math.max(...time.sleeps)).toBe(10_000);
  });
});
