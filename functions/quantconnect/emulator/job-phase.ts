/** How long an emulated compile, backtest or deployment takes: a number of reads, or seconds on the clock. */
export interface CompletionPolicy {
  /** The job is done on this read (1 = the first read). */
  readsUntilDone: number;
  /** When set, the job is done this many seconds after it was created instead, whatever the reads. */
  seconds?: number;
}

/** Where a job stands on a read: still queued, running with its progress (0..1), or done. */
export type JobPhase = { phase: 'queued' } | { phase: 'running'; progress: number } | { phase: 'done' };

/** The phase of a job that has been read `reads` times, `elapsedSeconds` after it was created. */
export function jobPhase(policy: CompletionPolicy, reads: number, elapsedSeconds: number): JobPhase {
  if (policy.seconds !== undefined) {
    if (elapsedSeconds >= policy.seconds) return { phase: 'done' };
    if (reads <= 1) return { phase: 'queued' };
    return { phase: 'running', progress: roundProgress(elapsedSeconds / policy.seconds) };
  }
  if (reads >= policy.readsUntilDone) return { phase: 'done' };
  if (reads <= 1) return { phase: 'queued' };
  return { phase: 'running', progress: roundProgress((reads - 1) / (policy.readsUntilDone - 1)) };
}

/** Reads a policy from options, clamping reads to at least one. */
export function completionPolicy(readsUntilDone: number | undefined, seconds?: number): CompletionPolicy {
  const policy: CompletionPolicy = { readsUntilDone: Math.max(1, Math.floor(readsUntilDone ?? 3)) };
  if (seconds !== undefined && Number.isFinite(seconds) && seconds >= 0) policy.seconds = seconds;
  return policy;
}

function roundProgress(fraction: number): number {
  return Math.round(Math.min(Math.max(fraction, 0), 1) * 100) / 100;
}
