import { afterEach, describe, expect, it } from 'vitest';
import { closeHarnesses, startHarness } from './emulator-http-fixture.js';

const KNOWN_USER = { userId: '424242', apiToken: 'token-123' };
// sha256("token-123:1700000000") = bda3e7ff...; base64("424242:" + that hash):
const KNOWN_AUTHORIZATION =
  'Basic NDI0MjQyOmJkYTNlN2ZmOTAxYmFjZjg3NGUxN2RjOGRiNjNhNzhmZDYxZjk2MTE1ZjM5YWNlYTA5NzkzYmI0N2VkY2QzZjY=';

afterEach(closeHarnesses);

describe('emulator over HTTP: authentication', () => {
  it('accepts a request signed with the known vector', async () => {
    // Prepare
    const harness = await startHarness({ credentials: KNOWN_USER, now: () => new Date(1_700_000_000_000) });

    // Act
    const response = await fetch(`${harness.emulator.url}authenticate`, {
      method: 'POST',
      headers: { Authorization: KNOWN_AUTHORIZATION, Timestamp: '1700000000' },
      signal: AbortSignal.timeout(5000),
    });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, emulated: true });
  });

  it('answers a bad hash with HTTP 200, success false and "Hash doesn\'t match"', async () => {
    // Prepare
    const harness = await startHarness();

    // Act
    const answer = await harness.call('authenticate', {}, { apiToken: 'not-the-token' });
    const otherUser = await harness.call('projects/read', {}, { userId: '1' });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json.success).toBe(false);
    expect(answer.json.errors?.[0]).toMatch(/^Hash doesn't match\./);
    expect(otherUser.json.success).toBe(false);
  });

  it('refuses a timestamp outside the window and accepts one just inside it', async () => {
    // Prepare
    const harness = await startHarness({ timestampWindowSeconds: 7200 });
    const now = Math.floor(harness.clock.now().getTime() / 1000);

    // Act
    const stale = await harness.call('authenticate', {}, { timestamp: now - 7201 });
    const future = await harness.call('authenticate', {}, { timestamp: now + 7201 });
    const inside = await harness.call('authenticate', {}, { timestamp: now - 7200 });

    // Assess
    expect(stale.json.success).toBe(false);
    expect(stale.json.errors?.[0]).toContain('7200 seconds');
    expect(future.json.success).toBe(false);
    expect(inside.json.success).toBe(true);
  });

  it('refuses requests without the headers, and can answer auth failures with 401', async () => {
    // Prepare
    const harness = await startHarness({ authenticationFailureStatus: 401 });

    // Act
    const response = await fetch(`${harness.emulator.url}projects/read`, {
      method: 'POST',
      signal: AbortSignal.timeout(5000),
    });
    const body = await response.json();

    // Assess
    expect(response.status).toBe(401);
    expect(body).toMatchObject({ success: false, emulated: true });
  });

  it('accepts GET with a query string, as lean-cli sends reads', async () => {
    // Prepare
    const harness = await startHarness();

    // Act
    const answer = await harness.call('projects/read', {}, { method: 'GET' });

    // Assess
    expect(answer.json).toMatchObject({ success: true, projects: [] });
  });

  it('makes fresh random credentials for each server', async () => {
    // Act
    const first = await startHarness();
    const second = await startHarness();

    // Assess
    expect(first.emulator.userId).toMatch(/^\d+$/);
    expect(first.emulator.apiToken).toMatch(/^[0-9a-f]{64}$/);
    expect(second.emulator.apiToken).not.toBe(first.emulator.apiToken);
    expect(first.emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2\/$/);
  });
});
