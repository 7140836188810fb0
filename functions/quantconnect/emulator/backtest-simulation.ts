import type { SourceFile } from '../../agents/tasks.js';
import type { ChartPoint } from '../port.js';
import {
  type AlgorithmSettings,
  namedTickers,
  placesOrders,
  readAlgorithmSettings,
} from './algorithm-source.js';
import { describeCrash, findCertainCrash } from './certain-crash.js';
import { type EmulatedOrder, emulatedOrders } from './emulated-orders.js';
import { simulateBacktest } from './equity-simulation.js';
import { computeStatistics, drawdownSeries, type PerformanceStatistics } from './performance-statistics.js';
import { projectSeed } from './seeded-random.js';
import { formatStatistics } from './statistics-format.js';

/** A backtest that ran to its end date. */
export interface CompletedOutcome {
  kind: 'completed';
  /** QuantConnect's final statistics: string values under LEAN's keys. */
  statistics: Record<string, string>;
  performance: PerformanceStatistics;
  /** Closed round trips, as LEAN's trade statistics count them. */
  trades: { total: number; winning: number; losing: number };
  /** Daily points of `Strategy Equity`, `Benchmark` and `Drawdown`. */
  charts: Record<string, ChartPoint[]>;
  orders: EmulatedOrder[];
  settings: AlgorithmSettings;
}

/** A backtest that stopped on an exception, during initialization or on its first data. */
export interface FailedOutcome {
  kind: 'runtime-error';
  phase: 'initialize' | 'runtime';
  error: string;
  stacktrace: string;
  settings: AlgorithmSettings;
}

/** How an emulated backtest ends, decided when it is created. */
export type BacktestOutcome = CompletedOutcome | FailedOutcome;

/** Runs the whole emulated backtest of a compiled project: the certain-crash check, then the simulation. */
export function runEmulatedBacktest(input: {
  files: readonly SourceFile[];
  parameters: Readonly<Record<string, string>>;
  now: Date;
}): BacktestOutcome {
  const main = input.files.find((file) => file.name === 'main.py')?.content;
  const settings = readAlgorithmSettings(main, input.now);
  const crash = findCertainCrash(input.files);
  if (crash) return { kind: 'runtime-error', phase: crash.phase, ...describeCrash(crash), settings };

  const seed = projectSeed(input.files, input.parameters);
  const tickers = namedTickers(input.files);
  const simulation = simulateBacktest({ seed, settings, trades: placesOrders(input.files), tickers });
  const points = (values: readonly number[]): ChartPoint[] =>
    simulation.times.map((time, index) => ({ time, value: values[index] ?? 0 }));
  const performance = computeStatistics(simulation, settings);
  return {
    kind: 'completed',
    statistics: formatStatistics(performance),
    performance,
    trades: {
      total: simulation.tradeReturns.length,
      winning: simulation.tradeReturns.filter((value) => value > 0).length,
      losing: simulation.tradeReturns.filter((value) => value < 0).length,
    },
    charts: {
      'Strategy Equity': points(simulation.equity),
      Benchmark: points(simulation.benchmark),
      Drawdown: points(
        drawdownSeries(simulation.equity).map((fraction) => Math.round(fraction * 10_000) / 100),
      ),
    },
    orders: emulatedOrders({ seed, simulation, tickers }),
    settings,
  };
}
