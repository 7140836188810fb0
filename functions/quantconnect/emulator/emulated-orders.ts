import { createHash } from 'node:crypto';
import type { Simulation } from './equity-simulation.js';
import { createSeededRandom } from './seeded-random.js';

/** One filled market order of an emulated backtest. */
export interface EmulatedOrder {
  /** 1-based, in fill order, as LEAN numbers orders. */
  id: number;
  ticker: string;
  /** `TICKER SECURITYID`, the shape of LEAN's symbol ids. */
  securityId: string;
  /** Unix seconds of the fill. */
  time: number;
  /** Signed: positive buys, negative sells. */
  quantity: number;
  price: number;
  fee: number;
}

const KNOWN_SECURITY_IDS: Record<string, string> = { SPY: 'SPY R735QTJ8XC9X' };

/**
 * The orders behind a simulated curve: `ordersPerFill` market orders on each fill day, spread over the
 * project's tickers. A separate random stream keeps the curve and its statistics unchanged.
 */
export function emulatedOrders(input: {
  seed: string;
  simulation: Simulation;
  tickers: readonly string[];
}): EmulatedOrder[] {
  const { simulation } = input;
  if (simulation.totalOrders === 0) return [];
  const random = createSeededRandom(createHash('sha256').update(`${input.seed}\0orders`).digest('hex'));
  const tickers = input.tickers.length > 0 ? input.tickers : ['SPY'];
  const basePrices = new Map(tickers.map((ticker) => [ticker, random.between(20, 400)]));
  const fee = Math.round((simulation.totalFees / simulation.totalOrders) * 100) / 100;
  const firstBenchmark = simulation.benchmark[0] || 1;
  const orders: EmulatedOrder[] = [];
  simulation.fillDays.forEach((day, fillIndex) => {
    const equity = simulation.equity[day] ?? simulation.equity[0] ?? 0;
    const marketMove = (simulation.benchmark[day] ?? firstBenchmark) / firstBenchmark;
    for (let slot = 0; slot < simulation.ordersPerFill; slot += 1) {
      const ticker = tickers[(fillIndex + slot) % tickers.length] ?? 'SPY';
      const price = roundCents((basePrices.get(ticker) ?? 100) * marketMove * random.between(0.97, 1.03));
      const shares = Math.max(
        1,
        Math.floor(((equity / simulation.ordersPerFill) * random.between(0.3, 1)) / price),
      );
      // The first fill opens positions; later ones rebalance in either direction.
      const sign = fillIndex === 0 || random.next() < 0.5 ? 1 : -1;
      orders.push({
        id: orders.length + 1,
        ticker,
        securityId: securityId(ticker),
        time: simulation.times[day] ?? 0,
        quantity: sign * shares,
        price,
        fee,
      });
    }
  });
  return orders;
}

/** A stable LEAN-looking security id for a ticker. */
export function securityId(ticker: string): string {
  const known = KNOWN_SECURITY_IDS[ticker];
  if (known) return known;
  const digest = createHash('sha256').update(ticker).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let id = '';
  for (let index = 0; index < 12; index += 1) id += alphabet[(digest[index] ?? 0) % alphabet.length];
  return `${ticker} ${id}`;
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
