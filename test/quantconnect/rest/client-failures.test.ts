import { describe, expect, it } from 'vitest';
import {
  QuantConnectAuthenticationError,
  QuantConnectNotFoundError,
  QuantConnectRateLimitError,
  QuantConnectRequestError,
  QuantConnectResponseError,
  QuantConnectServerError,
} from '../../../functions/quantconnect/rest/errors.js';
import { createTestClient, useFakeQuantConnect } from './client-fixture.js';
import { FAKE_NOW, inTurn, ok } from './fake-quantconnect-server.js';

const FILES = ok({ files: [{ name: 'main.py', content: 'pass', modified: '2025-06-01 10:00:00' }] });

const serve = useFakeQuantConnect();

describe('QuantConnectClient authentication', () => {
  it('signs every request so the fake accepts it, with a fresh Timestamp each time', async () => {
    // Prepare
    const server = await serve({ 'files/read': inTurn(FILES) });
    let milliseconds = FAKE_NOW.getTime();
    const { client } = createTestClient(server, {
      now: () => {
        milliseconds += 1000;
        return new Date(milliseconds);
      },
    });

    // Act
    await client.readFiles(7);
    await client.readFiles(7);

    // Assess
    const timestamps = server.calls('files/read').map((request) => request.headers.timestamp);
    expect(timestamps).toHaveLength(2);
    expect(timestamps[0]).not.toBe(timestamps[1]);
  });

  it('turns a hash mismatch (HTTP 200, success false) into an authentication error naming the variables', async () => {
    // Prepare
    const server = await serve({ 'files/read': inTurn(FILES) });
    const { client, sleeps } = createTestClient(server, { apiToken: 'the-wrong-token' });

    // Act
    const error = await client.readFiles(7).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectAuthenticationError);
    expect(String(error)).toMatch(/QC_USER_ID/);
    expect(String(error)).toMatch(/QC_API_TOKEN/);
    expect(String(error)).not.toMatch(/the-wrong-token/);
    expect(sleeps).toEqual([]);
  });

  it('turns HTTP 401 into an authentication error, not retried', async () => {
    // Prepare
    const server = await serve({
      'files/read': inTurn({ status: 401, json: { success: false, errors: ['nope'] } }),
    });
    const { client } = createTestClient(server);

    // Act
    const error = await client.readFiles(7).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectAuthenticationError);
    expect(server.calls('files/read')).toHaveLength(1);
  });
});

describe('QuantConnectClient answers', () => {
  it('reads a 200 whose body is not JSON as a server error', async () => {
    // Prepare
    const server = await serve({ 'files/read': inTurn({ text: '<html>maintenance</html>' }) });
    const { client } = createTestClient(server, { retry: { maxAttempts: 2 } });

    // Act
    const error = await client.readFiles(7).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectServerError);
    expect(String(error)).toMatch(/not JSON/);
    expect(server.calls('files/read')).toHaveLength(2);
  });

  it.each([
    [['Project not found.'], QuantConnectNotFoundError],
    [['The backtest does not exist'], QuantConnectNotFoundError],
    [['Too many requests, try later'], QuantConnectRateLimitError],
    [['Name already in use.', 'Pick another.'], QuantConnectRequestError],
  ])('maps success:false %j to %o', async (errors, expected) => {
    // Prepare
    const server = await serve({ 'files/read': inTurn({ json: { success: false, errors } }) });
    const { client } = createTestClient(server, { retry: { maxAttempts: 1 } });

    // Act
    const error = await client.readFiles(7).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(expected);
    for (const text of errors) expect(String(error)).toContain(text);
  });

  it('keeps the server errors on a request error, and does not retry it', async () => {
    // Prepare
    const server = await serve({
      'files/create': inTurn({ json: { success: false, errors: ['File already exists', 'main.py'] } }),
    });
    const { client } = createTestClient(server);

    // Act
    const error = await client.createFile(7, 'main.py', 'x').catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectRequestError);
    expect(error).toMatchObject({ endpoint: 'files/create', errors: ['File already exists', 'main.py'] });
    expect(server.calls('files/create')).toHaveLength(1);
  });

  it('rejects an answer without "success", and one that misses a required field', async () => {
    // Prepare
    const server = await serve({
      'files/read': inTurn({ json: { files: [] } }),
      'compile/read': inTurn(ok({ compileId: 'a-b', state: 'Compiling' })),
    });
    const { client } = createTestClient(server);

    // Act
    const noEnvelope = await client.readFiles(7).catch((caught: unknown) => caught);
    const badState = await client.readCompile(7, 'a-b').catch((caught: unknown) => caught);

    // Assess
    expect(noEnvelope).toBeInstanceOf(QuantConnectResponseError);
    expect(badState).toBeInstanceOf(QuantConnectResponseError);
    expect(String(badState)).toMatch(/state/);
  });

  it('reads an unknown path (HTTP 404) as not found', async () => {
    // Prepare
    const server = await serve({});
    const { client } = createTestClient(server);

    // Act
    const error = await client.readFiles(7).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectNotFoundError);
  });
});
