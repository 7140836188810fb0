import { describe, expect, it } from 'vitest';
import {
  errorForFailedAnswer,
  QuantConnectAuthenticationError,
  QuantConnectRequestError,
} from '../../../functions/quantconnect/rest/errors.js';
import { parseRetryAfter } from '../../../functions/quantconnect/rest/transport.js';

const NOW = new Date('2025-06-02T15:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['3', 3_000],
    ['0.5', 500],
    ['Mon, 02 Jun 2025 15:00:09 GMT', 9_000],
    ['Mon, 02 Jun 2025 14:59:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('reads %s as %s ms', (value, expected) => {
    // Act
    const delay = parseRetryAfter(value, NOW);

    // Assess
    expect(delay).toBe(expected);
  });
});

describe('errorForFailedAnswer', () => {
  it('reads a timestamp-window rejection that starts with "Hash doesn\'t match" as an authentication error', () => {
    // Act
    const error = errorForFailedAnswer('projects/read', [
      "Hash doesn't match. The Timestamp 1 is more than 7200 seconds from the server time.",
    ]);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectAuthenticationError);
    expect(error.message).toMatch(/clock/);
  });

  it('says so when QuantConnect gave no reason', () => {
    // Act
    const error = errorForFailedAnswer('files/update', []);

    // Assess
    expect(error).toBeInstanceOf(QuantConnectRequestError);
    expect(error.message).toBe('QuantConnect refused files/update: no reason given');
  });
});
