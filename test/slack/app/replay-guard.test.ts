import { describe, expect, it } from 'vitest';
import { createReplayGuard } from '../../../functions/slack/app/replay-guard.js';

describe('createReplayGuard', () => {
  it('knows a remembered signature until its timestamp leaves the five-minute window', () => {
    // Prepare
    let clock = 1_700_000_000_000;
    const guard = createReplayGuard({ now: () => clock });
    guard.remember('v0=abc', '1700000000');

    // Act
    const atOnce = guard.hasSeen('v0=abc', '1700000000');
    clock += 299_000;
    const justInside = guard.hasSeen('v0=abc', '1700000000');
    clock += 1_000;
    const outside = guard.hasSeen('v0=abc', '1700000000');

    // Assess
    expect([atOnce, justInside, outside]).toEqual([true, true, false]);
    expect(guard.hasSeen('v0=abc', '1700000001')).toBe(false);
    expect(guard.hasSeen('v0=abd', '1700000000')).toBe(false);
  });

  it('holds at most maxEntries, dropping the oldest, and ignores timestamps that are not numbers', () => {
    // Prepare
    const guard = createReplayGuard({ maxEntries: 2, now: () => 1_700_000_000_000 });

    // Act
    guard.remember('v0=1', '1700000000');
    guard.remember('v0=2', '1700000000');
    guard.remember('v0=3', '1700000000');
    guard.remember('v0=4', 'soon');

    // Assess
    expect(['v0=1', 'v0=2', 'v0=3'].map((signature) => guard.hasSeen(signature, '1700000000'))).toEqual([
      false,
      true,
      true,
    ]);
    expect(guard.hasSeen('v0=4', 'soon')).toBe(false);
  });
});
