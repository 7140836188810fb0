import { describe, expect, it } from 'vitest';
import { NoLiveNodeError } from '../../../functions/quantconnect/live-request.js';
import { createRestQuantConnect } from '../../../functions/quantconnect/rest/rest-quantconnect.js';
import { createTestClient, useFakeQuantConnect } from './client-fixture.js';
import { type FakeRoute, inTurn, ok } from './fake-quantconnect-server.js';

const COMPILE_ID = `${'a'.repeat(32)}-${'b'.repeat(32)}`;
const DEPLOY_ID = `L-${'c'.repeat(32)}`;
const BUSY_NODE = `LN-${'1'.repeat(32)}`;
const FREE_NODE = `LN-${'2'.repeat(32)}`;

const serve = useFakeQuantConnect();

async function portFor(routes: Record<string, FakeRoute>) {
  const server = await serve(routes);
  const { client } = createTestClient(server);
  return { server, quantConnect: createRestQuantConnect(client) };
}

function nodes(live: Array<{ id: string; name?: string; busy: boolean }>): FakeRoute {
  return inTurn(ok({ nodes: { backtest: [], research: [], live } }));
}

describe('createRestQuantConnect deployLive', () => {
  it('sends a real brokerage with its settings to the first free live node, and links the live page', async () => {
    // Prepare
    const { server, quantConnect } = await portFor({
      'projects/nodes/read': nodes([
        { id: BUSY_NODE, busy: true },
        { id: FREE_NODE, busy: false },
      ]),
      'live/create': inTurn(ok({ projectId: 77, deployId: DEPLOY_ID, live: { status: 'InQueue' } })),
    });

    // Act
    const deployment = await quantConnect.deployLive({
      projectId: 77,
      compileId: COMPILE_ID,
      brokerage: { id: 'InteractiveBrokersBrokerage', settings: { 'ib-account': 'DU123', id: 'Other' } },
    });

    // Assess
    expect(deployment).toEqual({
      deployId: DEPLOY_ID,
      status: 'InQueue',
      url: 'https://www.quantconnect.com/project/77/live',
      brokerage: 'InteractiveBrokersBrokerage',
      nodeId: FREE_NODE,
      emulated: false,
    });
    expect(server.calls('live/create')[0]?.body).toEqual({
      versionId: '-1',
      projectId: 77,
      compileId: COMPILE_ID,
      nodeId: FREE_NODE,
      brokerage: { id: 'InteractiveBrokersBrokerage', 'ib-account': 'DU123' },
    });
  });

  it('sends paper as QuantConnectBrokerage on the node asked for by name', async () => {
    // Prepare
    const { server, quantConnect } = await portFor({
      'projects/nodes/read': nodes([
        { id: BUSY_NODE, busy: false },
        { id: FREE_NODE, name: 'paper-node', busy: false },
      ]),
      'live/create': inTurn(ok({ deployId: DEPLOY_ID, status: 'Running' })),
    });

    // Act
    const deployment = await quantConnect.deployLive({
      projectId: 77,
      compileId: COMPILE_ID,
      brokerage: 'paper',
      nodeId: 'paper-node',
    });

    // Assess
    expect(deployment).toMatchObject({ brokerage: 'paper', nodeId: FREE_NODE, status: 'Running' });
    expect(server.calls('live/create')[0]?.body).toMatchObject({
      nodeId: FREE_NODE,
      brokerage: { id: 'QuantConnectBrokerage' },
    });
  });

  it('says to add a live node when the organization has none free, and never calls live/create', async () => {
    // Prepare
    const none = await portFor({ 'projects/nodes/read': nodes([]), 'live/create': inTurn(ok()) });
    const busy = await portFor({
      'projects/nodes/read': nodes([{ id: BUSY_NODE, busy: true }]),
      'live/create': inTurn(ok()),
    });
    const request = { projectId: 77, compileId: COMPILE_ID, brokerage: 'paper' as const };

    // Act
    const noNode = none.quantConnect.deployLive(request);
    const allBusy = busy.quantConnect.deployLive(request);
    const askedBusy = busy.quantConnect.deployLive({ ...request, nodeId: BUSY_NODE });

    // Assess
    await expect(noNode).rejects.toBeInstanceOf(NoLiveNodeError);
    await expect(noNode).rejects.toThrow(/no live node: add a live trading node .*quantconnect\.com/);
    await expect(allBusy).rejects.toThrow(/busy \(1\).*add a live trading node/);
    await expect(askedBusy).rejects.toThrow(new RegExp(`${BUSY_NODE} is busy`));
    expect(none.server.calls('live/create')).toHaveLength(0);
    expect(busy.server.calls('live/create')).toHaveLength(0);
  });
});
