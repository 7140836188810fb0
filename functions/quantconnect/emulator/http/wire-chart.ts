import type { ChartPoint } from '../../port.js';
import { EmulatedRequestError } from '../emulated-request-error.js';

// LEAN's SeriesType values.
const LINE = 0;
const BAR = 3;
const CANDLE = 2;

/**
 * A chart as `backtests/chart/read` returns it once rendered: series keyed by name, values as
 * `[[unixSeconds, y], ...]`, and candles `[[t, open, high, low, close], ...]` for the equity, as LEAN
 * plots it. Points outside `start..end` are dropped, then at most `count` are kept, the last always.
 */
export function wireChart(
  name: string,
  points: readonly ChartPoint[],
  window: { count: number; start: number; end: number },
): Record<string, unknown> {
  if (window.count < 1) throw new EmulatedRequestError('count must be at least 1.');
  if (window.end < window.start) throw new EmulatedRequestError('end must not be before start.');
  const inWindow = points.filter((point) => point.time >= window.start && point.time <= window.end);
  const kept = sample(inWindow, window.count);
  const series: Record<string, unknown> =
    name === 'Strategy Equity'
      ? {
          Equity: seriesOf('Equity', '$', 0, CANDLE, candles(points, kept)),
          Return: seriesOf('Return', '%', 1, BAR, dailyReturns(points, kept)),
        }
      : name === 'Drawdown'
        ? { 'Equity Drawdown': seriesOf('Equity Drawdown', '%', 0, LINE, pairs(kept)) }
        : { [name]: seriesOf(name, '$', 0, LINE, pairs(kept)) };
  return { name, chartType: 0, series };
}

function seriesOf(name: string, unit: string, index: number, seriesType: number, values: number[][]) {
  return { name, unit, index, seriesType, values, color: '', scatterMarkerSymbol: 'none' };
}

function pairs(points: readonly ChartPoint[]): number[][] {
  return points.map((point) => [point.time, point.value]);
}

/** Daily candles: the open is the previous close, so a day's move shows as its body. */
function candles(all: readonly ChartPoint[], kept: readonly ChartPoint[]): number[][] {
  return kept.map((point) => {
    const open = previous(all, point)?.value ?? point.value;
    return [point.time, open, Math.max(open, point.value), Math.min(open, point.value), point.value];
  });
}

function dailyReturns(all: readonly ChartPoint[], kept: readonly ChartPoint[]): number[][] {
  return kept.map((point) => {
    const before = previous(all, point)?.value;
    const change = before ? (point.value / before - 1) * 100 : 0;
    return [point.time, Math.round(change * 1e4) / 1e4];
  });
}

function previous(all: readonly ChartPoint[], point: ChartPoint): ChartPoint | undefined {
  const index = all.indexOf(point);
  return index > 0 ? all[index - 1] : undefined;
}

function sample(points: readonly ChartPoint[], count: number): ChartPoint[] {
  if (points.length <= count) return [...points];
  if (count === 1) return points.slice(-1);
  const kept: ChartPoint[] = [];
  for (let slot = 0; slot < count; slot += 1) {
    const point = points[Math.round((slot * (points.length - 1)) / (count - 1))];
    if (point) kept.push(point);
  }
  return kept;
}
