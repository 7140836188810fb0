/** Remembers the signed requests a container has answered, to refuse the same one again. */
export interface ReplayGuard {
  /** Whether a request with this signature and timestamp was answered before and is still in its window. */
  hasSeen(signature: string, timestamp: string): boolean;
  /** Records an answered request until its timestamp leaves the window. */
  remember(signature: string, timestamp: string): void;
}

/** Bolt refuses timestamps older than five minutes, so a signature needs remembering only that long. */
export const REPLAY_WINDOW_SECONDS = 300;

/**
 * An in-memory ReplayGuard. A container answers one request at a time, a few per second at most, so
 * `maxEntries` (oldest dropped first) is far above what one window can hold.
 */
export function createReplayGuard(
  options: { windowSeconds?: number; maxEntries?: number; now?: () => number } = {},
): ReplayGuard {
  const windowSeconds = options.windowSeconds ?? REPLAY_WINDOW_SECONDS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // Key → when the entry may go (ms). Map order is insertion order, close to expiry order.
  const seen = new Map<string, number>();
  const keyOf = (signature: string, timestamp: string) => `${timestamp}:${signature}`;

  function dropExpired(): void {
    const current = now();
    for (const [key, expiresAt] of seen) {
      if (expiresAt > current) break;
      seen.delete(key);
    }
  }

  return {
    hasSeen(signature, timestamp) {
      const expiresAt = seen.get(keyOf(signature, timestamp));
      return expiresAt !== undefined && expiresAt > now();
    },
    remember(signature, timestamp) {
      const seconds = Number(timestamp);
      if (!Number.isFinite(seconds)) return;
      dropExpired();
      seen.set(keyOf(signature, timestamp), (seconds + windowSeconds) * 1000);
      while (seen.size > maxEntries) {
        const oldest = seen.keys().next();
        if (oldest.done) break;
        seen.delete(oldest.value);
      }
    },
  };
}
