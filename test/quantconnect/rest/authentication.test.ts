import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authenticationHeaders } from '../../../functions/quantconnect/rest/authentication.js';

describe('authenticationHeaders', () => {
  it('signs sha256("<token>:<timestamp>") under Basic auth, computed independently', () => {
    // Prepare
    const userId = '123456';
    const apiToken = '0123456789abcdef0123456789abcdef';
    const timestamp = 1_700_000_000;
    const hash = createHash('sha256').update(`${apiToken}:${timestamp}`).digest('hex');

    // Act
    const headers = authenticationHeaders(userId, apiToken, timestamp);

    // Assess
    expect(headers).toEqual({
      Authorization: `Basic ${Buffer.from(`${userId}:${hash}`).toString('base64')}`,
      Timestamp: '1700000000',
    });
  });

  it('gives the known header for a known user, token and timestamp', () => {
    // Act
    const headers = authenticationHeaders('123456', '0123456789abcdef0123456789abcdef', 1_700_000_000);

    // Assess
    expect(headers.Authorization).toBe(
      'Basic MTIzNDU2OjQ1MGQyN2U0MjU4NWMxYWQ2NjkyNThjZjQ3NzcyNzMzMTI5N2Q4MzU5YjI4Nzc1MDU0MjY4MWIxMWU4ZjYyMWE=',
    );
  });

  it('sends whole seconds, in the header and in the hash', () => {
    // Act
    const headers = authenticationHeaders('1', 'token', 1_700_000_000.9);

    // Assess
    expect(headers).toEqual(authenticationHeaders('1', 'token', 1_700_000_000));
  });
});
