import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../shared/logger.js';

function text(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part instanceof Error) return `${part.name}: ${part.message}`;
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(' ');
}

/**
 * Bolt's (and its WebClient's) logging through QuantCoder's JSON logger, so one log format reaches
 * CloudWatch. The level stays the QuantCoder logger's; Bolt's own level is only remembered.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const bolt = logger.child({ source: 'bolt' });
  let level = LogLevel.INFO;
  return {
    debug: (...parts: unknown[]) => bolt.debug(text(parts)),
    info: (...parts: unknown[]) => bolt.info(text(parts)),
    warn: (...parts: unknown[]) => bolt.warn(text(parts)),
    error: (...parts: unknown[]) => bolt.error(text(parts)),
    setLevel: (value) => {
      level = value;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
