import { afterEach, describe, expect, it } from 'vitest';
import { closeHarnesses, createProject, signedHeaders, startHarness } from './emulator-http-fixture.js';

afterEach(closeHarnesses);

describe('emulator over HTTP: faults', () => {
  it('answers 500 for the next call to a path, then answers normally', async () => {
    // Prepare
    const harness = await startHarness({ faults: [{ kind: 'status', path: 'projects/read', status: 500 }] });

    // Act
    const failed = await fetch(`${harness.emulator.url}projects/read`, {
      method: 'POST',
      signal: AbortSignal.timeout(5000),
    });
    const failedBody = await failed.text();
    const retried = await harness.call('projects/read');

    // Assess
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toContain('text/html');
    expect(failedBody).toContain('500');
    expect(retried.status).toBe(200);
    expect(retried.json.success).toBe(true);
    expect(harness.emulator.requests).toEqual({ 'projects/read': 2 });
  });

  it('answers 429 with Retry-After as many times as asked, on that path only', async () => {
    // Prepare
    const harness = await startHarness();
    harness.emulator.injectFault({
      kind: 'status',
      path: 'authenticate',
      status: 429,
      retryAfterSeconds: 7,
      times: 2,
    });

    // Act
    const first = await harness.call('authenticate').catch(() => undefined);
    const other = await harness.call('projects/read');
    const statuses: number[] = [];
    const retryAfter: Array<string | null> = [];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await fetch(`${harness.emulator.url}authenticate`, {
        method: 'POST',
        signal: AbortSignal.timeout(5000),
      });
      await response.text();
      statuses.push(response.status);
      retryAfter.push(response.headers.get('retry-after'));
    }

    // Assess
    expect(first).toBeUndefined();
    expect(other.json.success).toBe(true);
    expect(statuses).toEqual([429, 200]);
    expect(retryAfter[0]).toBe('7');
  });

  it('hangs a request until the client gives up, and can lose the answer of a create that happened', async () => {
    // Prepare
    const harness = await startHarness();
    harness.emulator.injectFault({ kind: 'hang', path: 'projects/create', afterProcessing: true });
    const headers = signedHeaders(
      harness.emulator.userId,
      harness.emulator.apiToken,
      harness.clock.now().getTime() / 1000,
    );

    // Act
    const started = Date.now();
    const hung = await fetch(`${harness.emulator.url}projects/create`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Lost', language: 'Py' }),
      signal: AbortSignal.timeout(200),
    }).catch((error: unknown) => error);
    const waited = Date.now() - started;
    const duplicate = await harness.call('projects/create', { name: 'Lost', language: 'Py' });

    // Assess
    expect(hung).toBeInstanceOf(DOMException);
    expect(waited).toBeLessThan(2000);
    expect(duplicate.json).toMatchObject({
      success: false,
      errors: [expect.stringContaining('already exists')],
    });
  });

  it('resets the connection', async () => {
    // Prepare
    const harness = await startHarness({ faults: [{ kind: 'reset', path: '*' }] });

    // Act
    const reset = await harness.call('authenticate').catch((error: unknown) => error);
    const next = await harness.call('authenticate');

    // Assess
    expect(reset).toBeInstanceOf(TypeError);
    expect(next.json.success).toBe(true);
  });

  it('counts API calls by endpoint for the bench', async () => {
    // Prepare
    const harness = await startHarness();

    // Act
    const projectId = await createProject(harness);
    await harness.call('files/read', { projectId });
    await harness.call('files/read', { projectId });
    await harness.call('authenticate', {}, { apiToken: 'wrong' });

    // Assess
    expect(harness.emulator.requests).toEqual({ authenticate: 1, 'files/read': 2, 'projects/create': 1 });
    expect(harness.emulator.totalRequests).toBe(4);
  });
});
