import { describe, expect, it } from 'vitest';
import { createRestQuantConnect } from '../../../functions/quantconnect/rest/rest-quantconnect.js';
import { createTestClient, useFakeQuantConnect } from './client-fixture.js';
import { type FakeRoute, inTurn, ok } from './fake-quantconnect-server.js';

const BACKTEST_ID = 'f'.repeat(32);

const serve = useFakeQuantConnect();

async function portFor(routes: Record<string, FakeRoute>, options: { emulated?: boolean } = {}) {
  const server = await serve(routes);
  const { client } = createTestClient(server);
  return { server, quantConnect: createRestQuantConnect(client, options) };
}

describe('createRestQuantConnect', () => {
  it('creates a Py project and links to its page', async () => {
    // Prepare
    const { server, quantConnect } = await portFor({
      'projects/create': inTurn(ok({ projects: [{ projectId: 4321, name: 'run-1' }] })),
    });

    // Act
    const project = await quantConnect.createProject('run-1');

    // Assess
    expect(project).toEqual({ projectId: 4321, url: 'https://www.quantconnect.com/project/4321' });
    expect(server.calls('projects/create')[0]?.body).toMatchObject({ name: 'run-1', language: 'Py' });
    expect(quantConnect.emulated).toBe(false);
    expect(quantConnect.backtestUrl(4321, BACKTEST_ID)).toBe(
      `https://www.quantconnect.com/project/4321/${BACKTEST_ID}`,
    );
  });

  it('writes files with one read: updates main.py, creates new names, skips unchanged ones', async () => {
    // Prepare
    const { server, quantConnect } = await portFor({
      'files/read': inTurn(
        ok({
          files: [
            { name: 'main.py', content: '# template', modified: '2025-06-01 10:00:00' },
            { name: 'research.ipynb', content: '{}' },
            { name: 'alpha.py', content: 'ALPHA = 1\n' },
          ],
        }),
      ),
      'files/update': inTurn(ok()),
      'files/create': inTurn(ok()),
    });

    // Act
    await quantConnect.writeFiles(77, [
      { name: 'main.py', content: 'from alpha import ALPHA\n' },
      { name: 'alpha.py', content: 'ALPHA = 1\n' },
      { name: 'risk.py', content: 'RISK = 2\n' },
    ]);

    // Assess
    expect(server.calls('files/read')).toHaveLength(1);
    expect(server.calls('files/update').map((request) => request.body)).toEqual([
      { projectId: 77, name: 'main.py', content: 'from alpha import ALPHA\n' },
    ]);
    expect(server.calls('files/create').map((request) => request.body)).toEqual([
      { projectId: 77, name: 'risk.py', content: 'RISK = 2\n' },
    ]);
  });

  it('maps compiles, build errors and their log lines', async () => {
    // Prepare
    const compileId = `${'1'.repeat(32)}-${'2'.repeat(32)}`;
    const { quantConnect } = await portFor({
      'compile/create': inTurn(ok({ compileId, state: 'InQueue' })),
      'compile/read': inTurn(
        ok({
          compileId,
          state: 'BuildError',
          logs: ['Build Error File: alpha.py Line: 3 Column: 1 - invalid syntax'],
        }),
      ),
    });

    // Act
    const created = await quantConnect.createCompile(77);
    const read = await quantConnect.readCompile(77, compileId);

    // Assess
    expect(created).toEqual({ compileId, state: 'InQueue', logs: [] });
    expect(read).toEqual({
      compileId,
      state: 'BuildError',
      logs: ['Build Error File: alpha.py Line: 3 Column: 1 - invalid syntax'],
    });
  });

  it('maps the initialization check: End is ok, Error carries its messages', async () => {
    // Prepare
    const trace = 'Trying to add an unknown ticker\n  at initialize\n    File "main.py", line 9';
    const { quantConnect } = await portFor({
      'ai/tools/backtest-init': inTurn(
        { json: { state: 'End', payload: 'Initialization completed' } },
        { json: { state: 'Error', payload: trace } },
        { json: { state: 'Error', payload: null } },
      ),
    });
    const files = [{ name: 'main.py', content: 'class A: pass' }];

    // Act
    const passing = await quantConnect.checkInitialization(files);
    const failing = await quantConnect.checkInitialization(files);
    const silent = await quantConnect.checkInitialization(files);

    // Assess
    expect(passing).toEqual({ ok: true, messages: [] });
    expect(failing).toEqual({ ok: false, messages: [trace] });
    expect(silent.ok).toBe(false);
    expect(silent.messages).toHaveLength(1);
  });

  it('maps backtest snapshots: [] statistics to {}, and the emulated flag from the options', async () => {
    // Prepare
    const { quantConnect } = await portFor(
      {
        'backtests/create': inTurn(ok({ backtest: { backtestId: BACKTEST_ID, status: 'In Queue...' } })),
        'backtests/read': inTurn(
          ok({ backtest: { backtestId: BACKTEST_ID, name: 'b', status: 'In Queue...', statistics: [] } }),
          ok({
            backtest: {
              backtestId: BACKTEST_ID,
              name: 'b',
              status: 'Runtime Error',
              completed: true,
              progress: 1,
              error: 'ZeroDivisionError',
              stacktrace: '  File "alpha.py", line 12',
              statistics: { 'Total Orders': '0' },
            },
          }),
        ),
      },
      { emulated: true },
    );

    // Act
    const created = await quantConnect.createBacktest(77, 'c-1', 'b');
    const queued = await quantConnect.readBacktest(77, BACKTEST_ID);
    const failed = await quantConnect.readBacktest(77, BACKTEST_ID);

    // Assess
    expect(created).toEqual({ backtestId: BACKTEST_ID });
    expect(queued).toEqual({
      backtestId: BACKTEST_ID,
      name: 'b',
      status: 'In Queue...',
      completed: false,
      progress: 0,
      error: null,
      stacktrace: null,
      statistics: {},
      emulated: true,
    });
    expect(failed).toMatchObject({
      status: 'Runtime Error',
      error: 'ZeroDivisionError',
      stacktrace: '  File "alpha.py", line 12',
      statistics: { 'Total Orders': '0' },
    });
  });

  it('reads the equity chart over the backtest period: loading, then candle closes', async () => {
    // Prepare
    const series = {
      Equity: {
        name: 'Equity',
        values: [
          [1_672_617_600, 100_000, 100_500, 99_800, 100_200],
          [1_672_704_000, 100_200, 100_900, 100_100, null],
          [1_672_790_400, 100_200, 101_000, 100_000, 100_800],
        ],
      },
      Return: { name: 'Return', values: [[1_672_617_600, 0]] },
    };
    const { server, quantConnect } = await portFor({
      'backtests/read': inTurn(
        ok({
          backtest: {
            backtestId: BACKTEST_ID,
            status: 'Completed.',
            completed: true,
            backtestStart: '2023-01-02 00:00:00',
            backtestEnd: '2023-01-04T00:00:00Z',
          },
        }),
      ),
      'backtests/chart/read': inTurn(
        ok({ status: 'loading', progress: 0.5 }),
        ok({ chart: { name: 'Strategy Equity', series } }),
      ),
    });

    // Act
    const first = await quantConnect.readChart(77, BACKTEST_ID, 'Strategy Equity');
    const second = await quantConnect.readChart(77, BACKTEST_ID, 'Strategy Equity');

    // Assess
    expect(first).toEqual({ status: 'loading', progress: 0.5 });
    expect(second).toEqual({
      status: 'ready',
      points: [
        { time: 1_672_617_600, value: 100_200 },
        { time: 1_672_790_400, value: 100_800 },
      ],
    });
    expect(server.calls('backtests/read')).toHaveLength(1);
    expect(server.calls('backtests/chart/read')[1]?.body).toMatchObject({
      name: 'Strategy Equity',
      start: 1_672_617_600 - 86_400,
      end: 1_672_790_400 + 86_400,
    });
  });

  it('reads [t, y] pairs and {x, y} points from a chart without an Equity series', async () => {
    // Prepare
    const { quantConnect } = await portFor({
      'backtests/read': inTurn(ok({ backtest: { backtestId: BACKTEST_ID } })),
      'backtests/chart/read': inTurn(
        ok({
          chart: {
            name: 'Drawdown',
            series: { 'Equity Drawdown': { values: [[10, -1.5], { x: 20, y: -2 }, { x: 30, y: null }] } },
          },
        }),
      ),
    });

    // Act
    const chart = await quantConnect.readChart(77, BACKTEST_ID, 'Drawdown');

    // Assess
    expect(chart).toEqual({
      status: 'ready',
      points: [
        { time: 10, value: -1.5 },
        { time: 20, value: -2 },
      ],
    });
  });
});
