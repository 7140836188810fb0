import type { ChartPoint } from '../../quantconnect/port.js';

/**
 * At most about `maximum` points of a long series, in time order. Each bucket keeps its lowest and highest
 * point (not an average), so a drawdown or a spike still shows; the first and last points are always kept.
 */
export function downsample(points: readonly ChartPoint[], maximum: number): ChartPoint[] {
  if (points.length <= maximum || maximum < 4) return [...points];
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return [...points];
  const inner = points.slice(1, -1);
  const buckets = Math.max(1, Math.floor((maximum - 2) / 2));
  const size = inner.length / buckets;
  const kept: ChartPoint[] = [first];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const slice = inner.slice(Math.floor(bucket * size), Math.floor((bucket + 1) * size));
    let low: ChartPoint | undefined;
    let high: ChartPoint | undefined;
    for (const point of slice) {
      if (!low || point.value < low.value) low = point;
      if (!high || point.value > high.value) high = point;
    }
    if (!low || !high) continue;
    if (low === high) kept.push(low);
    else kept.push(...(low.time <= high.time ? [low, high] : [high, low]));
  }
  kept.push(last);
  return kept;
}
