import { afterEach } from 'vitest';
import { QuantConnectClient } from '../../../functions/quantconnect/rest/client.js';
import type { QuantConnectClientOptions } from '../../../functions/quantconnect/rest/client-options.js';
import {
  FAKE_API_TOKEN,
  FAKE_NOW,
  FAKE_USER_ID,
  type FakeQuantConnect,
  type FakeRoute,
  startFakeQuantConnect,
} from './fake-quantconnect-server.js';

/** Starts a fake per call and closes every one after each test of the calling file. */
export function useFakeQuantConnect(): (routes: Record<string, FakeRoute>) => Promise<FakeQuantConnect> {
  const started: FakeQuantConnect[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((fake) => fake.close()));
  });
  return async (routes) => {
    const fake = await startFakeQuantConnect(routes);
    started.push(fake);
    return fake;
  };
}

/** A client for the fake: the fake's credentials and clock, waits recorded instead of slept, jitter pinned to its maximum. */
export function createTestClient(
  fake: FakeQuantConnect,
  options: Partial<QuantConnectClientOptions> = {},
): { client: QuantConnectClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = new QuantConnectClient({
    userId: FAKE_USER_ID,
    apiToken: FAKE_API_TOKEN,
    baseUrl: fake.baseUrl,
    now: () => FAKE_NOW,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    timeoutMs: 2_000,
    ...options,
    retry: { random: () => 1, ...options.retry },
  });
  return { client, sleeps };
}
