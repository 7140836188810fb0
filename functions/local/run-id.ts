import { randomBytes } from 'node:crypto';

/** A run id that sorts by time and is safe in paths, keys and execution names: 20261124-031500-a1b2c3. */
export function newRunId(now: Date, random: () => string = () => randomBytes(3).toString('hex')): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${random()}`;
}
