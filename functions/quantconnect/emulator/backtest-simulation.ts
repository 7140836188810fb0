import type { SourceFile } from '../../agents/tasks.js';
import type { ChartPoint } from '../port.js';
import { namedTickers, placesOrders, readAlgorithmSettings } from './algorithm-source.js';
import { simulateBacktest } from './equity-simulation.js';
import { describeInitializeRaise, findInitializeRaise } from './initialize-error.js';
import { computeStatistics, drawdownSeries } from './performance-statistics.js';
import { projectSeed } from './seeded-random.js';
import { formatStatistics } from './statistics-format.js';

/** How an emulated backtest ends, decided when it is created. */
export type BacktestOutcome =
  | { kind: 'completed'; statistics: Record<string, string>; charts: Record<string, ChartPoint[]> }
  | { kind: 'runtime-error'; error: string; stacktrace: string };

/** Runs the whole emulated backtest of a compiled project: the runtime-error check, then the simulation. */
export function runEmulatedBacktest(input: {
  files: readonly SourceFile[];
  parameters: Readonly<Record<string, string>>;
  now: Date;
}): BacktestOutcome {
  const main = input.files.find((file) => file.name === 'main.py')?.content;
  const raise = main === undefined ? undefined : findInitializeRaise(main);
  if (raise) return { kind: 'runtime-error', ...describeInitializeRaise(raise) };

  const settings = readAlgorithmSettings(main, input.now);
  const simulation = simulateBacktest({
    seed: projectSeed(input.files, input.parameters),
    settings,
    trades: placesOrders(input.files),
    tickers: namedTickers(input.files),
  });
  const points = (values: readonly number[]): ChartPoint[] =>
    simulation.times.map((time, index) => ({ time, value: values[index] ?? 0 }));
  return {
    kind: 'completed',
    statistics: formatStatistics(computeStatistics(simulation, settings)),
    charts: {
      'Strategy Equity': points(simulation.equity),
      Benchmark: points(simulation.benchmark),
      Drawdown: points(
        drawdownSeries(simulation.equity).map((fraction) => Math.round(fraction * 10_000) / 100),
      ),
    },
  };
}
