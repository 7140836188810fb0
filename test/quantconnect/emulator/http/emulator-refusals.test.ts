import { afterEach, describe, expect, it } from 'vitest';
import { ALPHA_PY, tradingMain } from '../emulator-fixture.js';
import { closeHarnesses, signedHeaders, startBacktest, startHarness } from './emulator-http-fixture.js';

afterEach(closeHarnesses);

describe('emulator over HTTP: refusals', () => {
  it('answers bad input and unknown ids on every endpoint with HTTP 200, success false and a reason', async () => {
    // Prepare
    const harness = await startHarness({ readsUntilDone: 1 });
    const { projectId, backtestId } = await startBacktest(harness, [
      { name: 'main.py', content: tradingMain() },
      { name: 'alpha.py', content: ALPHA_PY },
    ]);
    const missing = projectId + 1000;
    const unknownBacktest = 'f'.repeat(32);
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['projects/read', { projectId: missing }, /not found/],
      ['projects/read', { projectId: 'abc' }, /projectId/],
      ['projects/delete', {}, /projectId/],
      ['projects/nodes/read', { projectId: missing }, /not found/],
      ['files/read', { projectId: missing }, /not found/],
      ['files/create', { projectId, name: 'x.py' }, /content/],
      ['files/update', { projectId, name: 'main.py' }, /content/],
      ['files/delete', { projectId, name: 'nothing.py' }, /not found/],
      ['compile/read', { projectId }, /compileId/],
      ['backtests/create', { projectId, compileId: 'nope', backtestName: 'x' }, /not found/],
      ['backtests/create', { projectId, compileId: 'nope' }, /backtestName/],
      ['backtests/read', { projectId, backtestId: unknownBacktest }, /not found/],
      ['backtests/list', { projectId: missing }, /not found/],
      ['backtests/delete', { projectId, backtestId: unknownBacktest }, /not found/],
      ['backtests/orders/read', { projectId, backtestId, start: 50, end: 10 }, /start/],
      ['backtests/orders/read', { projectId, backtestId: unknownBacktest, start: 0, end: 100 }, /not found/],
      ['live/create', { projectId, compileId: 'nope', nodeId: 'LN-x' }, /brokerage/],
      ['live/read', { projectId }, /No live algorithm/],
      ['ai/tools/syntax-check', { language: 'Py' }, /files/],
    ];

    // Act
    const answers = await Promise.all(cases.map(([path, body]) => harness.call(path, body)));

    // Assess
    answers.forEach((answer, index) => {
      const [path, , reason] = cases[index] ?? ['', {}, /$^/];
      expect({ path, status: answer.status, success: answer.json.success }).toEqual({
        path,
        status: 200,
        success: false,
      });
      expect(answer.json.errors?.join(' ')).toMatch(reason);
    });
  });

  it('refuses a body that is not JSON', async () => {
    // Prepare
    const harness = await startHarness();
    const timestamp = Math.floor(harness.clock.now().getTime() / 1000);

    // Act
    const response = await fetch(`${harness.emulator.url}projects/read`, {
      method: 'POST',
      headers: signedHeaders(harness.emulator.userId, harness.emulator.apiToken, timestamp),
      body: '{not json',
      signal: AbortSignal.timeout(5000),
    });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      success: false,
      errors: ['The request body is not valid JSON.'],
    });
  });
});
