import {
  ConfigurationError,
  ModelOutputError,
  QuantCoderError,
  TransientError,
} from '../../shared/errors.js';
import type { TokenUsage } from '../model.js';
import type { Provider } from './vendor-settings.js';

/** Which call failed: every vendor error carries these, plus the vendor's error as `cause`. */
export interface VendorErrorDetails {
  provider: Provider;
  model: string;
  /** The HTTP status, when the vendor answered with one. */
  status?: number;
  cause?: unknown;
}

/** The vendor refused the key (401) or the key may not use the model (403); the message names the variable. */
export class ModelAuthenticationError extends ConfigurationError {
  override readonly name: string = 'ModelAuthenticationError';
  readonly provider: Provider;
  readonly model: string;
  readonly status: number | undefined;
  constructor(message: string, details: VendorErrorDetails) {
    super(message, { cause: details.cause });
    this.provider = details.provider;
    this.model = details.model;
    this.status = details.status;
  }
}

/** The vendor still answered 429 after the retries. */
export class ModelRateLimitError extends TransientError {
  override readonly name: string = 'ModelRateLimitError';
  readonly provider: Provider;
  readonly model: string;
  readonly status: number | undefined;
  constructor(message: string, details: VendorErrorDetails) {
    super(message, { cause: details.cause });
    this.provider = details.provider;
    this.model = details.model;
    this.status = details.status;
  }
}

/** 5xx, no connection, a timeout or an unreadable response, after the retries: worth trying later or elsewhere. */
export class ModelUnavailableError extends TransientError {
  override readonly name: string = 'ModelUnavailableError';
  readonly provider: Provider;
  readonly model: string;
  readonly status: number | undefined;
  constructor(message: string, details: VendorErrorDetails) {
    super(message, { cause: details.cause });
    this.provider = details.provider;
    this.model = details.model;
    this.status = details.status;
  }
}

/** The vendor rejected the request itself (400, 404, 422, other 4xx): a wrong model id or a request it cannot take. */
export class ModelRequestError extends QuantCoderError {
  override readonly name: string = 'ModelRequestError';
  readonly provider: Provider;
  readonly model: string;
  readonly status: number | undefined;
  constructor(message: string, details: VendorErrorDetails) {
    super(message, { cause: details.cause });
    this.provider = details.provider;
    this.model = details.model;
    this.status = details.status;
  }
}

/**
 * A vendor model's answer never matched the schema, repairs included. It is a ModelOutputError and also
 * carries the tokens every attempt used; nothing records them yet, so the ledger misses a failed call.
 */
export class ModelAnswerError extends ModelOutputError {
  override readonly name: string = 'ModelAnswerError';
  readonly provider: Provider;
  readonly model: string;
  readonly usage: TokenUsage;
  constructor(message: string, details: VendorErrorDetails & { usage: TokenUsage }) {
    super(message, { cause: details.cause });
    this.provider = details.provider;
    this.model = details.model;
    this.usage = details.usage;
  }
}

/** Any of the typed errors a vendor call ends with. */
export type VendorError =
  | ModelAuthenticationError
  | ModelRateLimitError
  | ModelUnavailableError
  | ModelRequestError
  | ModelAnswerError;
