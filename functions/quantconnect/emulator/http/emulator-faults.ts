/**
 * A failure the emulator plays instead of answering, for tests of a client's retries and timeouts:
 * an HTTP status (500, 503, 429 with Retry-After, ...), a request that never gets an answer, or a
 * connection reset. `path` is the endpoint (`backtests/read`) or `*` for any; it applies `times` times.
 */
export type EmulatorFault =
  | {
      kind: 'status';
      path: string;
      times?: number;
      status: number;
      retryAfterSeconds?: number;
      /** The body to send; by default a small HTML page, as a proxy in front of the API would send. */
      body?: string;
      /** Run the request first, then lose its answer (a create that happened although the client saw 5xx). */
      afterProcessing?: boolean;
    }
  | { kind: 'hang'; path: string; times?: number; afterProcessing?: boolean }
  | { kind: 'reset'; path: string; times?: number; afterProcessing?: boolean };

export interface FaultQueue {
  add(fault: EmulatorFault): void;
  /** The fault to play for this request, counting it down; undefined when the request should be answered. */
  take(path: string): EmulatorFault | undefined;
}

/** Faults in the order they were added; each applies to its next `times` requests on its path. */
export function createFaultQueue(initial: readonly EmulatorFault[] = []): FaultQueue {
  const pending: Array<{ fault: EmulatorFault; remaining: number }> = [];
  const add = (fault: EmulatorFault): void => {
    pending.push({ fault, remaining: Math.max(1, Math.floor(fault.times ?? 1)) });
  };
  for (const fault of initial) add(fault);
  return {
    add,
    take(path) {
      const index = pending.findIndex((entry) => entry.fault.path === path || entry.fault.path === '*');
      const entry = pending[index];
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) pending.splice(index, 1);
      return entry.fault;
    },
  };
}

/** The page a proxy in front of an API sends with a 5xx or 429. */
export function faultPage(status: number): string {
  return `<html><head><title>${status}</title></head><body><h1>${status}</h1><p>Emulated fault.</p></body></html>\n`;
}
