import { ConfigurationError, QuantCoderError, TransientError } from '../../shared/errors.js';

/** Where a QuantConnect failure happened: the endpoint path and, when there was an answer, its HTTP status. */
export interface QuantConnectFailureDetails {
  endpoint: string;
  status?: number;
  cause?: unknown;
}

/** QuantConnect rejected the credentials (a hash mismatch or HTTP 401/403). */
export class QuantConnectAuthenticationError extends ConfigurationError {
  override readonly name: string = 'QuantConnectAuthenticationError';
  readonly endpoint: string;
  readonly status: number | undefined;
  constructor(message: string, details: QuantConnectFailureDetails) {
    super(message, { cause: details.cause });
    this.endpoint = details.endpoint;
    this.status = details.status;
  }
}

/** The project, file, compile or backtest named in the request does not exist. */
export class QuantConnectNotFoundError extends QuantCoderError {
  override readonly name: string = 'QuantConnectNotFoundError';
  readonly endpoint: string;
  readonly status: number | undefined;
  constructor(message: string, details: QuantConnectFailureDetails) {
    super(message, { cause: details.cause });
    this.endpoint = details.endpoint;
    this.status = details.status;
  }
}

/** QuantConnect asked us to slow down (HTTP 429 or a "too many requests" answer). */
export class QuantConnectRateLimitError extends TransientError {
  override readonly name: string = 'QuantConnectRateLimitError';
  readonly endpoint: string;
  readonly status: number | undefined;
  /** The server's Retry-After, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: QuantConnectFailureDetails & { retryAfterMs?: number }) {
    super(message, { cause: details.cause });
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** QuantConnect failed on its side: HTTP 5xx, or an answer that is not JSON. */
export class QuantConnectServerError extends TransientError {
  override readonly name: string = 'QuantConnectServerError';
  readonly endpoint: string;
  readonly status: number | undefined;
  constructor(message: string, details: QuantConnectFailureDetails) {
    super(message, { cause: details.cause });
    this.endpoint = details.endpoint;
    this.status = details.status;
  }
}

/** No answer came back because the connection failed. */
export class QuantConnectConnectionError extends TransientError {
  override readonly name: string = 'QuantConnectConnectionError';
  readonly endpoint: string;
  readonly status: number | undefined = undefined;
  /** False when the request surely never reached the server (refused, unknown host), so even a create may be sent again. */
  readonly requestSent: boolean;
  constructor(message: string, details: QuantConnectFailureDetails & { requestSent: boolean }) {
    super(message, { cause: details.cause });
    this.endpoint = details.endpoint;
    this.requestSent = details.requestSent;
  }
}

/** No answer came back within the per-request timeout. */
export class QuantConnectTimeoutError extends TransientError {
  override readonly name: string = 'QuantConnectTimeoutError';
  readonly endpoint: string;
  readonly status: number | undefined = undefined;
  constructor(message: string, details: QuantConnectFailureDetails) {
    super(message, { cause: details.cause });
    this.endpoint = details.endpoint;
  }
}

/** QuantConnect answered `success: false` (or a 4xx) for a reason no other class covers; `errors` are its own words. */
export class QuantConnectRequestError extends QuantCoderError {
  override readonly name: string = 'QuantConnectRequestError';
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly errors: readonly string[];
  constructor(message: string, details: QuantConnectFailureDetails & { errors: readonly string[] }) {
    super(message, { cause: details.cause });
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.errors = details.errors;
  }
}

/** QuantConnect answered with JSON this client cannot read (a field missing or of the wrong type). */
export class QuantConnectResponseError extends QuantCoderError {
  override readonly name: string = 'QuantConnectResponseError';
  readonly endpoint: string;
  readonly status: number | undefined;
  constructor(message: string, details: QuantConnectFailureDetails) {
    super(message, { cause: details.cause });
    this.endpoint = details.endpoint;
    this.status = details.status;
  }
}

const CREDENTIALS_HINT =
  'Check QC_USER_ID (your numeric QuantConnect user id) and QC_API_TOKEN (the API token from your ' +
  "QuantConnect account page), and that this machine's clock is right: each request is signed with the time.";

const AUTHENTICATION_FAILURE =
  /hash doesn'?t match|authentication failed|unauthori[sz]ed|invalid (api )?token/i;
const NOT_FOUND = /not found|does ?n[o']t exist|no such/i;
const RATE_LIMITED = /rate limit|too many/i;

/** The message for rejected credentials; it names the variables to check and never their values. */
export function authenticationMessage(reason: string): string {
  return `QuantConnect rejected the credentials (${reason}). ${CREDENTIALS_HINT}`;
}

/** Maps the `errors` of a `success: false` answer to the error class that says what to do about it. */
export function errorForFailedAnswer(
  endpoint: string,
  errors: readonly string[],
  status?: number,
): QuantCoderError {
  const joined = errors.length > 0 ? errors.join('; ') : 'no reason given';
  const details = { endpoint, status };
  if (errors.some((error) => AUTHENTICATION_FAILURE.test(error))) {
    return new QuantConnectAuthenticationError(authenticationMessage(joined), details);
  }
  if (errors.some((error) => RATE_LIMITED.test(error))) {
    return new QuantConnectRateLimitError(`QuantConnect rate-limited ${endpoint}: ${joined}`, details);
  }
  if (errors.some((error) => NOT_FOUND.test(error))) {
    return new QuantConnectNotFoundError(`QuantConnect ${endpoint}: ${joined}`, details);
  }
  return new QuantConnectRequestError(`QuantConnect refused ${endpoint}: ${joined}`, { ...details, errors });
}
