import { describe, expect, it } from 'vitest';
import { QuantConnectNotFoundError } from '../../../functions/quantconnect/rest/errors.js';
import { UserInputError } from '../../../functions/shared/errors.js';
import { createTestClient, useFakeQuantConnect } from './client-fixture.js';
import { inTurn, ok } from './fake-quantconnect-server.js';

const BACKTEST_ID = 'a'.repeat(32);
const COMPILE_ID = `${'b'.repeat(32)}-${'c'.repeat(32)}`;

const serve = useFakeQuantConnect();

describe('QuantConnectClient request bodies', () => {
  it('creates a Py project in the configured organization', async () => {
    // Prepare
    const server = await serve({
      'projects/create': inTurn(ok({ projects: [{ projectId: 11, name: 'x' }] })),
    });
    const { client } = createTestClient(server, { organizationId: 'org-1' });

    // Act
    const project = await client.createProject('x');

    // Assess
    expect(project).toMatchObject({ projectId: 11, name: 'x' });
    expect(server.calls('projects/create')[0]?.body).toEqual({
      name: 'x',
      language: 'Py',
      organizationId: 'org-1',
    });
  });

  it('sends backtest parameters only when there are some', async () => {
    // Prepare
    const server = await serve({ 'backtests/create': inTurn(ok({ backtest: { backtestId: BACKTEST_ID } })) });
    const { client } = createTestClient(server);

    // Act
    await client.createBacktest(11, COMPILE_ID, 'first');
    await client.createBacktest(11, COMPILE_ID, 'second', { lookback: '20' });

    // Assess
    expect(server.calls('backtests/create').map((request) => request.body)).toEqual([
      { projectId: 11, compileId: COMPILE_ID, backtestName: 'first' },
      { projectId: 11, compileId: COMPILE_ID, backtestName: 'second', parameters: { lookback: '20' } },
    ]);
  });

  it('deploys paper trading on the latest LEAN by default', async () => {
    // Prepare
    const server = await serve({
      'live/create': inTurn(ok({ deployId: `L-${'d'.repeat(32)}`, live: { status: 'InQueue' } })),
      'live/read': inTurn(ok({ live: { deployId: `L-${'d'.repeat(32)}`, status: 'Running' } })),
    });
    const { client } = createTestClient(server);

    // Act
    const created = await client.createLive({
      projectId: 11,
      compileId: COMPILE_ID,
      nodeId: `LN-${'e'.repeat(32)}`,
    });
    const read = await client.readLive(11, created.deployId);

    // Assess
    expect(server.calls('live/create')[0]?.body).toEqual({
      versionId: '-1',
      projectId: 11,
      compileId: COMPILE_ID,
      nodeId: `LN-${'e'.repeat(32)}`,
      brokerage: { id: 'QuantConnectBrokerage' },
    });
    expect(created).toEqual({ deployId: `L-${'d'.repeat(32)}`, status: 'InQueue' });
    expect(read.status).toBe('Running');
  });
});

describe('QuantConnectClient answers', () => {
  it('reads a project, lists and deletes backtests, and says when a project is missing', async () => {
    // Prepare
    const server = await serve({
      'projects/read': inTurn(
        ok({ projects: [{ projectId: 11, name: 'x', language: 'Py' }] }),
        ok({ projects: [] }),
      ),
      'backtests/list': inTurn(ok({ backtests: [{ backtestId: BACKTEST_ID, name: 'b', statistics: [] }] })),
      'backtests/delete': inTurn(ok()),
    });
    const { client } = createTestClient(server);

    // Act
    const project = await client.readProject(11);
    const missing = await client.readProject(12).catch((caught: unknown) => caught);
    const backtests = await client.listBacktests(11, { includeStatistics: true });
    await client.deleteBacktest(11, BACKTEST_ID);

    // Assess
    expect(project).toMatchObject({ projectId: 11, name: 'x', language: 'Py' });
    expect(missing).toBeInstanceOf(QuantConnectNotFoundError);
    expect(backtests).toMatchObject([{ backtestId: BACKTEST_ID, name: 'b', statistics: {} }]);
    expect(server.calls('backtests/list')[0]?.body).toEqual({ projectId: 11, includeStatistics: true });
    expect(server.calls('backtests/delete')[0]?.body).toEqual({ projectId: 11, backtestId: BACKTEST_ID });
  });

  it('reads statistics as {} while they are [] and as strings after', async () => {
    // Prepare
    const running = { backtestId: BACKTEST_ID, status: 'Running: 40%', progress: 0.4, statistics: [] };
    const done = {
      backtestId: BACKTEST_ID,
      status: 'Completed.',
      completed: true,
      progress: 1,
      error: null,
      stacktrace: null,
      statistics: { 'Total Orders': '12', 'Sharpe Ratio': '1.234', Drawdown: '12.500%' },
      runtimeStatistics: { Equity: '$101,000.00' },
      parameterSet: [],
    };
    const server = await serve({
      'backtests/read': inTurn(ok({ backtest: running }), ok({ backtest: done })),
    });
    const { client } = createTestClient(server);

    // Act
    const first = await client.readBacktest(11, BACKTEST_ID);
    const second = await client.readBacktest(11, BACKTEST_ID);

    // Assess
    expect(first).toMatchObject({ completed: false, progress: 0.4, statistics: {}, error: null });
    expect(second).toMatchObject({
      completed: true,
      statistics: { 'Total Orders': '12', 'Sharpe Ratio': '1.234', Drawdown: '12.500%' },
      runtimeStatistics: { Equity: '$101,000.00' },
    });
  });

  it('reads a chart as loading first, then ready', async () => {
    // Prepare
    const chart = {
      name: 'Strategy Equity',
      series: { Equity: { name: 'Equity', values: [[1, 100, 101, 99, 100.5]] } },
    };
    const server = await serve({
      'backtests/chart/read': inTurn(
        { json: { success: false, status: 'loading', progress: 0.25 } },
        ok({ chart }),
      ),
    });
    const { client } = createTestClient(server);

    // Act
    const first = await client.readChart({
      projectId: 11,
      backtestId: BACKTEST_ID,
      name: 'Strategy Equity',
      end: 9,
    });
    const second = await client.readChart({
      projectId: 11,
      backtestId: BACKTEST_ID,
      name: 'Strategy Equity',
      end: 9,
    });

    // Assess
    expect(first).toEqual({ status: 'loading', progress: 0.25 });
    expect(second).toMatchObject({
      status: 'ready',
      chart: { series: { Equity: { values: [[1, 100, 101, 99, 100.5]] } } },
    });
    expect(server.calls('backtests/chart/read')[0]?.body).toEqual({
      projectId: 11,
      backtestId: BACKTEST_ID,
      name: 'Strategy Equity',
      count: 500,
      start: 0,
      end: 9,
    });
  });

  it('pages orders in windows of at most 100 until the reported length', async () => {
    // Prepare
    const all = Array.from({ length: 250 }, (_, index) => ({ id: index + 1, symbol: { value: 'SPY' } }));
    const server = await serve({
      'backtests/orders/read': (request) => {
        const start = Number(request.body.start);
        const end = Number(request.body.end);
        if (end - start > 100) return { json: { success: false, errors: ['end - start must be <= 100'] } };
        return ok({ orders: all.slice(start, end), length: all.length });
      },
    });
    const { client } = createTestClient(server);

    // Act
    const read = await client.readOrders(11, BACKTEST_ID);

    // Assess
    expect(read.length).toBe(250);
    expect(read.orders.map((order) => order.id)).toEqual(all.map((order) => order.id));
    expect(
      server.calls('backtests/orders/read').map((request) => [request.body.start, request.body.end]),
    ).toEqual([
      [0, 100],
      [100, 200],
      [200, 300],
    ]);
  });

  it('stops paging orders at a short page when no length comes back, and at the end asked for', async () => {
    // Prepare
    const all = Array.from({ length: 130 }, (_, index) => ({ id: index }));
    const server = await serve({
      'backtests/orders/read': (request) =>
        ok({ orders: all.slice(Number(request.body.start), Number(request.body.end)) }),
    });
    const { client } = createTestClient(server);

    // Act
    const everything = await client.readOrders(11, BACKTEST_ID);
    const window = await client.readOrders(11, BACKTEST_ID, { start: 10, end: 120 });

    // Assess
    expect(everything.orders).toHaveLength(130);
    expect(window.orders.map((order) => order.id)).toEqual(all.slice(10, 120).map((order) => order.id));
    expect(server.calls('backtests/orders/read')).toHaveLength(4);
  });

  it('reads project nodes, tolerating absent lists and fields it does not know', async () => {
    // Prepare
    const server = await serve({
      'projects/nodes/read': inTurn(
        ok({
          nodes: {
            backtest: [{ id: 'N1', name: 'B-MICRO', busy: true, hasGpu: 0, sku: 'B2-8' }],
            research: [],
          },
          autoSelectNode: true,
        }),
      ),
    });
    const { client } = createTestClient(server);

    // Act
    const nodes = await client.readProjectNodes(11);

    // Assess
    expect(nodes.backtest).toEqual([{ id: 'N1', name: 'B-MICRO', busy: true, hasGpu: false, sku: 'B2-8' }]);
    expect(nodes.live).toEqual([]);
  });

  it('runs the initialization check and the syntax check with language Py, without an envelope', async () => {
    // Prepare
    const server = await serve({
      'ai/tools/backtest-init': inTurn({
        json: { state: 'Error', payload: 'Trace:\n  File "main.py", line 5' },
      }),
      'ai/tools/syntax-check': inTurn(ok({ state: 'End', payload: [] })),
    });
    const { client } = createTestClient(server);
    const files = [{ name: 'main.py', content: 'class A: pass' }];

    // Act
    const init = await client.checkBacktestInitialization(files);
    const syntax = await client.checkSyntax(files);

    // Assess
    expect(init).toMatchObject({ state: 'Error', payload: ['Trace:\n  File "main.py", line 5'] });
    expect(syntax).toMatchObject({ state: 'End', payload: [] });
    expect(server.calls('ai/tools/backtest-init')[0]?.body).toEqual({ language: 'Py', files });
  });

  it('refuses an initialization check without main.py before calling QuantConnect', async () => {
    // Prepare
    const server = await serve({});
    const { client } = createTestClient(server);

    // Act
    const check = client.checkBacktestInitialization([{ name: 'alpha.py', content: 'x = 1' }]);

    // Assess
    await expect(check).rejects.toBeInstanceOf(UserInputError);
    expect(server.requests).toHaveLength(0);
  });
});
