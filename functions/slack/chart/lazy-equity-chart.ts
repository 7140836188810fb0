import type { ChartPoint } from '../../quantconnect/port.js';
import type { EquityChartOptions } from './equity-chart.js';

/**
 * renderEquityChart, with vega and resvg evaluated on the first chart rather than at the report function's
 * cold start: a failed run without a backtest never draws one.
 */
export async function renderEquityChartLazily(
  points: readonly ChartPoint[],
  options: EquityChartOptions,
): Promise<Buffer> {
  const { renderEquityChart } = await import('./equity-chart.js');
  return renderEquityChart(points, options);
}
