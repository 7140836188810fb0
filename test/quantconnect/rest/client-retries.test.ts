import { describe, expect, it } from 'vitest';
import {
  QuantConnectConnectionError,
  QuantConnectRateLimitError,
  QuantConnectServerError,
  QuantConnectTimeoutError,
} from '../../../functions/quantconnect/rest/errors.js';
import { TransientError } from '../../../functions/shared/errors.js';
import { createTestClient, useFakeQuantConnect } from './client-fixture.js';
import { FAKE_NOW, inTurn, ok } from './fake-quantconnect-server.js';

const FILES = ok({ files: [{ name: 'main.py', content: 'pass', modified: '2025-06-01 10:00:00' }] });

const serve = useFakeQuantConnect();

describe('QuantConnectClient retries', () => {
  it('retries 5xx with growing waits, then succeeds', async () => {
    // Prepare
    const server = await serve({
      'files/read': inTurn({ status: 502, text: 'Bad Gateway' }, { status: 503, text: 'Unavailable' }, FILES),
    });
    const { client, sleeps } = createTestClient(server, { retry: { baseDelayMs: 100 } });

    // Act
    const files = await client.readFiles(7);

    // Assess
    expect(files.map((file) => file.name)).toEqual(['main.py']);
    expect(server.calls('files/read')).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('keeps the backoff jittered between half and all of its ceiling', async () => {
    // Prepare
    const server = await serve({ 'files/read': inTurn({ status: 500, text: 'oops' }, FILES) });
    const { client, sleeps } = createTestClient(server, { retry: { baseDelayMs: 1000, random: () => 0 } });

    // Act
    await client.readFiles(7);

    // Assess
    expect(sleeps).toEqual([500]);
  });

  it('gives up after maxAttempts with the server error, which is transient', async () => {
    // Prepare
    const server = await serve({ 'files/read': inTurn({ status: 500, text: 'oops' }) });
    const { client, sleeps } = createTestClient(server, { retry: { maxAttempts: 3 } });

    // Act
    const error = await client.readFiles(7).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectServerError);
    expect(error).toBeInstanceOf(TransientError);
    expect(server.calls('files/read')).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('honours Retry-After on HTTP 429', async () => {
    // Prepare
    const server = await serve({
      'files/read': inTurn({ status: 429, headers: { 'Retry-After': '7' }, text: 'slow down' }, FILES),
    });
    const { client, sleeps } = createTestClient(server);

    // Act
    await client.readFiles(7);

    // Assess
    expect(sleeps).toEqual([7_000]);
    expect(server.calls('files/read')).toHaveLength(2);
  });

  it('stops retrying when the next wait would pass the total time budget', async () => {
    // Prepare
    const server = await serve({
      'files/read': inTurn({ status: 429, headers: { 'Retry-After': '120' }, text: 'slow down' }, FILES),
    });
    const { client, sleeps } = createTestClient(server, { retry: { maxElapsedMs: 60_000 } });

    // Act
    const error = await client.readFiles(7).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectRateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000 });
    expect(sleeps).toEqual([]);
  });

  it('counts the time already spent, as the clock says, against the budget', async () => {
    // Prepare
    const server = await serve({ 'files/read': inTurn({ status: 503, text: 'busy' }) });
    let now = FAKE_NOW.getTime();
    const { client, sleeps } = createTestClient(server, {
      now: () => new Date(now),
      sleep: async (milliseconds) => {
        sleeps.push(milliseconds);
        now += milliseconds;
      },
      retry: { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 4_000, maxElapsedMs: 10_000 },
    });

    // Act
    await client.readFiles(7).catch(() => undefined);

    // Assess
    expect(sleeps).toEqual([1_000, 2_000, 4_000]);
    expect(server.calls('files/read')).toHaveLength(4);
  });

  it('times out a request that gets no answer, retries it, and reports a timeout', async () => {
    // Prepare
    const server = await serve({ 'files/read': inTurn({ hang: true }) });
    const { client, sleeps } = createTestClient(server, { timeoutMs: 250, retry: { maxAttempts: 2 } });

    // Act
    const error = await client.readFiles(7).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectTimeoutError);
    expect(error).toBeInstanceOf(TransientError);
    expect(server.calls('files/read')).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('does not send projects/create again after a timeout: the project may exist', async () => {
    // Prepare
    const server = await serve({ 'projects/create': inTurn({ hang: true }) });
    const { client } = createTestClient(server, { timeoutMs: 250 });

    // Act
    const error = await client.createProject('momentum').catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectTimeoutError);
    expect(server.calls('projects/create')).toHaveLength(1);
  });

  it('does send projects/create again after a 429: the server did not act on it', async () => {
    // Prepare
    const server = await serve({
      'projects/create': inTurn(
        { status: 429, text: 'slow down' },
        ok({ projects: [{ projectId: 9, name: 'm' }] }),
      ),
    });
    const { client } = createTestClient(server);

    // Act
    const project = await client.createProject('m');

    // Assess
    expect(project.projectId).toBe(9);
    expect(server.calls('projects/create')).toHaveLength(2);
  });

  it('reports a refused connection as a connection error, retried because nothing was sent', async () => {
    // Prepare
    const server = await serve({});
    const baseUrl = server.baseUrl;
    await server.close();
    const { client, sleeps } = createTestClient(server, { baseUrl, retry: { maxAttempts: 3 } });

    // Act
    const error = await client.createProject('momentum').catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectConnectionError);
    expect(error).toMatchObject({ requestSent: false });
    expect(sleeps).toHaveLength(2);
  });
});
