/** Base class for every error QuantCoder raises on purpose. `name` is what Step Functions matches in Retry/Catch. */
export class QuantCoderError extends Error {
  override readonly name: string = 'QuantCoderError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The user asked for something that cannot work; the message tells them what to do instead. */
export class UserInputError extends QuantCoderError {
  override readonly name: string = 'UserInputError';
}

/** A configuration value is missing or malformed; the message names the variable. */
export class ConfigurationError extends QuantCoderError {
  override readonly name: string = 'ConfigurationError';
}

/** A failure that may pass if tried again (rate limit, 5xx, timeout); the state machine retries these. */
export class TransientError extends QuantCoderError {
  override readonly name: string = 'TransientError';
}

/** A model answered, but not with what the agent's schema requires, even after repair attempts. */
export class ModelOutputError extends QuantCoderError {
  override readonly name: string = 'ModelOutputError';
}

/** Stored data did not match its reference (missing, or a different sha256). */
export class ArtifactError extends QuantCoderError {
  override readonly name: string = 'ArtifactError';
}

/** Error names the state machine retries; keep in step with the classes above. */
export const RETRYABLE_ERROR_NAMES = ['TransientError'] as const;

/** A short, secret-free description of any thrown value, for reports and Step Functions causes. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'UnknownError', message: String(error) };
}
