import { createHash } from 'node:crypto';
import type { SourceFile } from '../../agents/tasks.js';

/** A deterministic random source: the same seed always gives the same sequence. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [minimum, maximum). */
  between(minimum: number, maximum: number): number;
  /** Uniform integer in [minimum, maximum]. */
  integer(minimum: number, maximum: number): number;
  /** Standard normal. */
  normal(): number;
  pick<T>(items: readonly [T, ...T[]]): T;
}

/** sha256 (hex) over the files, sorted by name, and any backtest parameters: the seed of a backtest. */
export function projectSeed(
  files: readonly SourceFile[],
  parameters: Readonly<Record<string, string>> = {},
): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((left, right) =>
    left.name < right.name ? -1 : left.name > right.name ? 1 : 0,
  );
  for (const file of sorted) hash.update(`${file.name}\0${file.content}\0`);
  for (const name of Object.keys(parameters).sort()) hash.update(`parameter\0${name}\0${parameters[name]}\0`);
  return hash.digest('hex');
}

/** sfc32 seeded from the first 128 bits of a hex seed; small, fast and good enough for simulated prices. */
export function createSeededRandom(seedHex: string): SeededRandom {
  const words = [0, 8, 16, 24].map(
    (offset) => Number.parseInt(seedHex.slice(offset, offset + 8).padEnd(8, '0'), 16) >>> 0,
  );
  let [a, b, c, d] = words as [number, number, number, number];
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let sum = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    sum = (sum + d) | 0;
    c = (c + sum) | 0;
    return (sum >>> 0) / 4_294_967_296;
  };
  // The first outputs of sfc32 still echo the seed; LEAN-like numbers should not.
  for (let warmUp = 0; warmUp < 16; warmUp += 1) next();

  return {
    next,
    between: (minimum, maximum) => minimum + (maximum - minimum) * next(),
    integer: (minimum, maximum) => minimum + Math.floor(next() * (maximum - minimum + 1)),
    normal() {
      // Box-Muller; 1 - next() keeps the logarithm away from zero.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return radius * Math.cos(2 * Math.PI * next());
    },
    pick: (items) => items[Math.floor(next() * items.length)] ?? items[0],
  };
}
