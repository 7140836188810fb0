import { describe, expect, it } from 'vitest';
import { startQuantConnectEmulator } from '../../../../functions/quantconnect/emulator/http/emulator-server.js';

function openNetworkHandles(): number {
  return process
    .getActiveResourcesInfo()
    .filter((name) => name === 'TCPServerWrap' || name === 'TCPSocketWrap').length;
}

describe('emulator over HTTP: lifecycle', () => {
  it('starts and closes 20 servers, leaving no open network handles', async () => {
    // Prepare
    const before = openNetworkHandles();

    // Act
    for (let server = 0; server < 20; server += 1) {
      const emulator = await startQuantConnectEmulator({ compileCheck: () => [] });
      const response = await fetch(`${emulator.url}authenticate`, { signal: AbortSignal.timeout(5000) });
      await response.text();
      await emulator.close();
    }
    // The client's pooled sockets see the server's close a moment later; wait for that, bounded.
    for (let wait = 0; wait < 50 && openNetworkHandles() > before; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // Assess
    expect(openNetworkHandles()).toBe(before);
  });

  it('closes promptly with a hung request and a keep-alive connection open, and twice safely', async () => {
    // Prepare
    const emulator = await startQuantConnectEmulator({
      compileCheck: () => [],
      faults: [{ kind: 'hang', path: 'projects/read' }],
    });
    const hung = fetch(`${emulator.url}projects/read`, {
      method: 'POST',
      signal: AbortSignal.timeout(5000),
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Act
    const started = Date.now();
    await emulator.close();
    await emulator.close();
    const outcome = await hung;

    // Assess
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outcome).toBeInstanceOf(TypeError);
    await expect(
      fetch(`${emulator.url}authenticate`, { signal: AbortSignal.timeout(2000) }),
    ).rejects.toThrow();
  });

  it('listens on 127.0.0.1 only', async () => {
    // Act
    const emulator = await startQuantConnectEmulator({ compileCheck: () => [] });
    await emulator.close();

    // Assess
    expect(new URL(emulator.url).hostname).toBe('127.0.0.1');
  });
});
