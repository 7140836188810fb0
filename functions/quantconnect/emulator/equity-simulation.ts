import type { AlgorithmSettings } from './algorithm-source.js';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';

/** A simulated backtest: daily equity of the strategy and its benchmark, and the trading that produced it. */
export interface Simulation {
  /** Unix seconds (UTC midnight) of each trading day, first to last. */
  times: number[];
  /** Strategy equity in dollars, to the cent, one value per trading day; `equity[0]` is the starting cash. */
  equity: number[];
  /** Benchmark (SPY-like) equity scaled to the same starting cash. */
  benchmark: number[];
  /** Return of each closed round trip, as a fraction. */
  tradeReturns: number[];
  totalOrders: number;
  /** Index into `times` of each day orders filled on; `ordersPerFill` orders fill each such day. */
  fillDays: number[];
  ordersPerFill: number;
  totalFees: number;
  /** Average share of equity traded per day, as a fraction. */
  portfolioTurnover: number;
  /** Dollars the strategy could trade before moving prices; zero without trades. */
  estimatedCapacity: number;
  /** `TICKER SECURITYID` of the least liquid holding; empty without trades. */
  lowestCapacityAsset: string;
}

const DAY_SECONDS = 86_400;
const TRADING_DAYS_PER_YEAR = 252;
// SPY's long-run drift and volatility, so the benchmark looks like the one LEAN uses.
const BENCHMARK_ANNUAL_RETURN = 0.09;
const BENCHMARK_ANNUAL_VOLATILITY = 0.17;
const KNOWN_SECURITY_IDS: Record<string, string> = { SPY: 'SPY R735QTJ8XC9X' };

/** Simulates a backtest from a seed: same seed and settings, same curve, to the cent. */
export function simulateBacktest(input: {
  seed: string;
  settings: AlgorithmSettings;
  trades: boolean;
  tickers: readonly string[];
}): Simulation {
  const random = createSeededRandom(input.seed);
  const times = tradingDays(input.settings.startDate, input.settings.endDate);
  const benchmarkReturns = times
    .slice(1)
    .map(
      () =>
        BENCHMARK_ANNUAL_RETURN / TRADING_DAYS_PER_YEAR +
        (BENCHMARK_ANNUAL_VOLATILITY / Math.sqrt(TRADING_DAYS_PER_YEAR)) * random.normal(),
    );
  const benchmark = compound(input.settings.cash, benchmarkReturns);
  if (!input.trades) return flat(times, input.settings.cash, benchmark);
  return trade(random, times, input.settings.cash, benchmarkReturns, benchmark, input.tickers);
}

function trade(
  random: SeededRandom,
  times: number[],
  cash: number,
  benchmarkReturns: number[],
  benchmark: number[],
  tickers: readonly string[],
): Simulation {
  const beta = random.between(0.2, 1.3);
  const annualAlpha = random.between(-0.12, 0.18);
  const dailyIdiosyncraticVolatility = random.between(0.05, 0.25) / Math.sqrt(TRADING_DAYS_PER_YEAR);
  // Weekly and monthly rebalancing are what generated strategies mostly ask for; daily is rarer.
  const rebalanceEvery = random.pick([1, 5, 5, 21, 21] as const);
  const positions = random.integer(1, 8);
  const feePerOrder = roundCents(random.between(1, 2.5));
  const tradedShare = random.between(0.15, 1);

  const equity = [roundCents(cash)];
  const rebalances: number[] = [];
  const fillDays: number[] = [];
  let totalOrders = 0;
  let totalFees = 0;
  for (let day = 1; day < times.length; day += 1) {
    const dailyReturn =
      annualAlpha / TRADING_DAYS_PER_YEAR +
      beta * (benchmarkReturns[day - 1] ?? 0) +
      dailyIdiosyncraticVolatility * random.normal();
    let value = (equity[day - 1] ?? cash) * (1 + Math.max(dailyReturn, -0.5));
    // Orders sent on a rebalance day fill, and pay their fees, on the next day.
    if ((day - 1) % rebalanceEvery === 0) {
      rebalances.push(day - 1);
      fillDays.push(day);
      totalOrders += positions;
      totalFees = roundCents(totalFees + positions * feePerOrder);
      value -= positions * feePerOrder;
    }
    equity.push(roundCents(Math.max(value, 0.01)));
  }

  const boundaries = [...rebalances, times.length - 1];
  const tradeReturns: number[] = [];
  for (let index = 1; index < boundaries.length; index += 1) {
    const opened = equity[boundaries[index - 1] ?? 0] ?? cash;
    const closed = equity[boundaries[index] ?? 0] ?? cash;
    tradeReturns.push(closed / opened - 1);
  }

  const ticker = tickers.length > 0 ? random.pick(tickers as [string, ...string[]]) : 'SPY';
  return {
    times,
    equity,
    benchmark,
    tradeReturns,
    totalOrders,
    fillDays,
    ordersPerFill: positions,
    totalFees,
    portfolioTurnover: totalOrders === 0 ? 0 : (rebalances.length * tradedShare) / times.length,
    estimatedCapacity: totalOrders === 0 ? 0 : roundSignificant(10 ** random.between(6, 9), 2),
    lowestCapacityAsset:
      totalOrders === 0 ? '' : (KNOWN_SECURITY_IDS[ticker] ?? `${ticker} ${securityId(random)}`),
  };
}

function flat(times: number[], cash: number, benchmark: number[]): Simulation {
  return {
    times,
    equity: times.map(() => roundCents(cash)),
    benchmark,
    tradeReturns: [],
    totalOrders: 0,
    fillDays: [],
    ordersPerFill: 0,
    totalFees: 0,
    portfolioTurnover: 0,
    estimatedCapacity: 0,
    lowestCapacityAsset: '',
  };
}

/** Weekdays from start to end inclusive, as unix seconds; at least the start day. */
export function tradingDays(startDate: Date, endDate: Date): number[] {
  const times: number[] = [];
  for (let time = startDate.getTime(); time <= endDate.getTime(); time += DAY_SECONDS * 1000) {
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6) times.push(time / 1000);
  }
  return times.length > 0 ? times : [startDate.getTime() / 1000];
}

function compound(start: number, returns: readonly number[]): number[] {
  const values = [roundCents(start)];
  let value = start;
  for (const dailyReturn of returns) {
    value *= 1 + dailyReturn;
    values.push(roundCents(value));
  }
  return values;
}

function securityId(random: SeededRandom): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let id = '';
  for (let index = 0; index < 12; index += 1) id += alphabet[random.integer(0, alphabet.length - 1)];
  return id;
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundSignificant(value: number, digits: number): number {
  const scale = 10 ** (Math.floor(Math.log10(value)) - digits + 1);
  return Math.round(value / scale) * scale;
}
