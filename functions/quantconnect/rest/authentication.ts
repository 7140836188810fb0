import { createHash } from 'node:crypto';

/** The two headers QuantConnect authenticates a request with. */
export interface AuthenticationHeaders {
  Authorization: string;
  Timestamp: string;
}

/**
 * QuantConnect's per-request authentication: Basic auth whose password is
 * sha256_hex("<apiToken>:<timestamp>"), with the same timestamp (unix seconds) in its own header.
 */
export function authenticationHeaders(
  userId: string,
  apiToken: string,
  timestampSeconds: number,
): AuthenticationHeaders {
  const timestamp = String(Math.floor(timestampSeconds));
  const hash = createHash('sha256').update(`${apiToken}:${timestamp}`, 'utf8').digest('hex');
  const credentials = Buffer.from(`${userId}:${hash}`, 'utf8').toString('base64');
  return { Authorization: `Basic ${credentials}`, Timestamp: timestamp };
}
