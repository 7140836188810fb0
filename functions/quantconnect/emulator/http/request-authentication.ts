import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The account an emulator answers for. */
export interface EmulatorCredentials {
  userId: string;
  apiToken: string;
}

// The only authentication error text the sources show; every emulated auth failure starts with it so a
// client can classify them the same way, and the second sentence says what was wrong.
const HASH_MISMATCH = "Hash doesn't match.";

/**
 * Checks QuantConnect's per-request authentication: `Timestamp: <unix seconds>` and
 * `Authorization: Basic base64(userId:sha256hex(apiToken:timestamp))`, with the timestamp within
 * `windowSeconds` of the server clock. Returns the error to answer, or undefined when the request is good.
 */
export function authenticationFailure(
  headers: IncomingHttpHeaders,
  credentials: EmulatorCredentials,
  clock: { nowSeconds: number; windowSeconds: number },
): string | undefined {
  const timestamp = single(headers.timestamp);
  if (timestamp === undefined || !/^\d+$/.test(timestamp)) {
    return `${HASH_MISMATCH} The Timestamp header must be the request time in unix seconds.`;
  }
  if (Math.abs(clock.nowSeconds - Number(timestamp)) > clock.windowSeconds) {
    return `${HASH_MISMATCH} The Timestamp ${timestamp} is more than ${clock.windowSeconds} seconds from the server time ${clock.nowSeconds}; send a fresh timestamp with each request.`;
  }
  const basic = single(headers.authorization)?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i)?.[1];
  if (!basic) return `${HASH_MISMATCH} The Authorization header must be Basic base64(userId:hash).`;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const userId = separator < 0 ? decoded : decoded.slice(0, separator);
  const hash = separator < 0 ? '' : decoded.slice(separator + 1);
  const expected = createHash('sha256').update(`${credentials.apiToken}:${timestamp}`).digest('hex');
  if (userId !== credentials.userId || !sameText(hash, expected)) {
    return `${HASH_MISMATCH} Check the user id and API token, and hash "<token>:<timestamp>" with SHA-256 in lower-case hex.`;
  }
  return undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sameText(left: string, right: string): boolean {
  const leftBytes = Buffer.from(left);
  const rightBytes = Buffer.from(right);
  return leftBytes.length === rightBytes.length && timingSafeEqual(leftBytes, rightBytes);
}
