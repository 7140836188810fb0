import { type DestinationStream, pino } from 'pino';

/** Structured logger; secrets never go in. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** JSON-lines logger. Locally it writes to stderr so stdout stays clean for `--json`. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const base = pino({ level: options.level ?? 'info' }, options.destination ?? pino.destination(2));
  return wrap(base);
}

function wrap(instance: pino.Logger): Logger {
  return {
    debug: (message, fields) => instance.debug(fields ?? {}, message),
    info: (message, fields) => instance.info(fields ?? {}, message),
    warn: (message, fields) => instance.warn(fields ?? {}, message),
    error: (message, fields) => instance.error(fields ?? {}, message),
    child: (fields) => wrap(instance.child(fields)),
  };
}

/** A logger that discards everything, for tests and quiet runs. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};
