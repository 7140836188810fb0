import { describe, expect, it } from 'vitest';
import { ExplicitPromptCache } from './prompt-cache.js';

const CONVENTIONS = { key: 'tools+conventions', tokens: 2000 };
const CONTRACT = { key: 'tools+conventions+contract', tokens: 2600 };

describe('the Anthropic fake’s prompt cache', () => {
  it('reads the longest prefix an earlier answered request wrote and writes the rest up to the last breakpoint', () => {
    // Prepare
    const cache = new ExplicitPromptCache(1024);
    // Act
    const first = cache.use([CONVENTIONS], { receivedAt: 1, sentAt: 2 });
    const second = cache.use([CONVENTIONS, CONTRACT], { receivedAt: 3, sentAt: 4 });
    const third = cache.use([CONVENTIONS, CONTRACT], { receivedAt: 5, sentAt: 6 });
    // Assess
    expect(first).toEqual({ read: 0, written: 2000 });
    expect(second).toEqual({ read: 2000, written: 600 });
    expect(third).toEqual({ read: 2600, written: 0 });
  });

  it('does not let a request read what a request in flight with it writes', () => {
    // Prepare
    const cache = new ExplicitPromptCache(1024);
    cache.use([CONVENTIONS], { receivedAt: 1, sentAt: 2 });
    // Act: both arrive before either answer is sent.
    const risk = cache.use([CONVENTIONS, CONTRACT], { receivedAt: 3, sentAt: 5 });
    const strategy = cache.use([CONVENTIONS, CONTRACT], { receivedAt: 4, sentAt: 6 });
    const later = cache.use([CONVENTIONS, CONTRACT], { receivedAt: 7, sentAt: 8 });
    // Assess
    expect(risk).toEqual({ read: 2000, written: 600 });
    expect(strategy).toEqual({ read: 2000, written: 600 });
    expect(later).toEqual({ read: 2600, written: 0 });
  });

  it('caches nothing below the minimum, and only the prefixes above it', () => {
    // Prepare
    const cache = new ExplicitPromptCache(1024);
    const short = { key: 'tools+short', tokens: 900 };
    const long = { key: 'tools+short+long', tokens: 1500 };
    // Act
    const alone = cache.use([short], { receivedAt: 1, sentAt: 2 });
    const again = cache.use([short], { receivedAt: 3, sentAt: 4 });
    const both = cache.use([short, long], { receivedAt: 5, sentAt: 6 });
    const repeated = cache.use([short, long], { receivedAt: 7, sentAt: 8 });
    // Assess
    expect(alone).toEqual({ read: 0, written: 0 });
    expect(again).toEqual({ read: 0, written: 0 });
    expect(both).toEqual({ read: 0, written: 1500 });
    expect(repeated).toEqual({ read: 1500, written: 0 });
  });
});
