import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateProject } from '../../../../functions/validator/index.js';
import { ALPHA_PY, tradingMain } from '../emulator-fixture.js';
import {
  closeHarnesses,
  compileToEnd,
  createProject,
  type Harness,
  startHarness,
  succeeded,
  writeFiles,
} from './emulator-http-fixture.js';

afterEach(closeHarnesses);

const Nodes = z.object({
  nodes: z.object({
    backtest: z.array(z.object({ id: z.string(), busy: z.boolean(), hasGpu: z.number() }).loose()),
    research: z.array(z.object({ id: z.string() }).loose()),
    live: z.array(z.object({ id: z.string() }).loose()),
  }),
});

async function compiledProject(harness: Harness, main: string) {
  const projectId = await createProject(harness);
  await writeFiles(harness, projectId, [
    { name: 'main.py', content: main },
    { name: 'alpha.py', content: ALPHA_PY },
  ]);
  const { compileId } = await compileToEnd(harness, projectId);
  const { nodes } = Nodes.parse(succeeded(await harness.call('projects/nodes/read', { projectId })));
  return { projectId, compileId, nodeId: nodes.live[0]?.id ?? '' };
}

describe('emulator over HTTP: project nodes and live paper trading', () => {
  it('lists backtest, research and live nodes with LN- live ids', async () => {
    // Prepare
    const harness = await startHarness();
    const projectId = await createProject(harness);

    // Act
    const answer = Nodes.parse(succeeded(await harness.call('projects/nodes/read', { projectId })));

    // Assess
    expect(answer.nodes.backtest[0]).toMatchObject({ busy: false, hasGpu: 0 });
    expect(answer.nodes.research).toHaveLength(1);
    expect(answer.nodes.live[0]?.id).toMatch(/^LN-[0-9a-f]{32}$/);
  });

  it('deploys to paper trading: InQueue, Initializing, then Running; stop; refuses other brokerages', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 3 });
    const { projectId, compileId, nodeId } = await compiledProject(harness, tradingMain());
    const deploy = { versionId: '-1', projectId, compileId, nodeId };

    // Act
    const refused = await harness.call('live/create', {
      ...deploy,
      brokerage: { id: 'InteractiveBrokersBrokerage' },
    });
    const created = succeeded(
      await harness.call('live/create', { ...deploy, brokerage: { id: 'QuantConnectBrokerage' } }),
    );
    const statuses: unknown[] = [];
    for (let read = 0; read < 3; read += 1) {
      statuses.push(
        succeeded(await harness.call('live/read', { projectId, deployId: created.deployId })).status,
      );
    }
    const stopped = await harness.call('live/update/stop', { projectId });
    const afterStop = succeeded(await harness.call('live/read', { projectId }));

    // Assess
    expect(refused.json).toMatchObject({
      success: false,
      errors: [expect.stringContaining('QuantConnectBrokerage')],
    });
    expect(created.deployId).toMatch(/^L-[0-9a-f]{32}$/);
    expect(created).toMatchObject({ status: 'InQueue', live: { status: 'InQueue', emulated: true } });
    expect(statuses).toEqual(['InQueue', 'Initializing', 'Running']);
    expect(stopped.json.success).toBe(true);
    expect(afterStop).toMatchObject({ status: 'Stopped', deployId: created.deployId });
  });

  it('reports a crashing algorithm as RuntimeError with its error', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 1 });
    const main = tradingMain({ extra: '        raise ValueError("no live data")' });
    const { projectId, compileId, nodeId } = await compiledProject(harness, main);

    // Act
    const created = succeeded(
      await harness.call('live/create', {
        projectId,
        compileId,
        nodeId,
        brokerage: { id: 'QuantConnectBrokerage' },
      }),
    );
    const read = succeeded(await harness.call('live/read', { projectId, deployId: created.deployId }));

    // Assess
    expect(read).toMatchObject({
      status: 'RuntimeError',
      error: expect.stringContaining('ValueError : no live data'),
    });
  });
});

describe('emulator over HTTP: AI tools', () => {
  it('syntax-check: End with no findings, Error with build lines naming file and line', async () => {
    // Prepare
    const harness = await startHarness({ compileCheck: (files) => validateProject(files) });
    const good = [
      { name: 'main.py', content: tradingMain() },
      { name: 'alpha.py', content: ALPHA_PY },
    ];
    const bad = [good[0], { name: 'alpha.py', content: ALPHA_PY.replace('data):', 'data)') }];

    // Act
    const clean = succeeded(await harness.call('ai/tools/syntax-check', { language: 'Py', files: good }));
    const broken = succeeded(await harness.call('ai/tools/syntax-check', { language: 'Py', files: bad }));

    // Assess
    expect(clean).toMatchObject({ state: 'End', payload: [], payloadType: 'StringArray' });
    expect(broken).toMatchObject({
      state: 'Error',
      payload: [expect.stringMatching(/^Build Error: File: alpha\.py Line: 4/)],
    });
  });

  it('backtest-init: End for a healthy project, Error with the stack trace for a crashing initialize', async () => {
    // Prepare
    const harness = await startHarness();
    const crashing = tradingMain({ extra: '        raise ValueError("universe is empty")' });
    const line = crashing.split('\n').findIndex((text) => text.includes('raise ValueError')) + 1;

    // Act
    const healthy = succeeded(
      await harness.call('ai/tools/backtest-init', {
        language: 'Py',
        files: [{ name: 'main.py', content: tradingMain() }],
      }),
    );
    const failing = succeeded(
      await harness.call('ai/tools/backtest-init', {
        language: 'Py',
        files: [{ name: 'main.py', content: crashing }],
      }),
    );
    const withoutMain = await harness.call('ai/tools/backtest-init', {
      language: 'Py',
      files: [{ name: 'alpha.py', content: ALPHA_PY }],
    });

    // Assess
    expect(healthy).toMatchObject({ state: 'End', payloadType: 'String' });
    expect(failing.state).toBe('Error');
    expect(failing.payload).toContain('ValueError : universe is empty');
    expect(failing.payload).toContain(`in main.py: line ${line}`);
    expect(withoutMain.json).toMatchObject({ success: false, errors: [expect.stringContaining('main.py')] });
  });
});
