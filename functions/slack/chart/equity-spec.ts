import type { TopLevelSpec } from 'vega-lite';
import type { ChartPoint } from '../../quantconnect/port.js';

/** The one font the chart uses: the renderer has no system fonts, only the DejaVu Sans file it is given. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

export interface EquitySpecOptions {
  title: string;
  subtitle?: string;
  width: number;
  height: number;
}

/** The vega-lite spec of an equity curve: dollars over dates (UTC), the axis fitted to the curve, not to zero. */
export function equitySpec(points: readonly ChartPoint[], options: EquitySpecOptions): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: options.width,
    height: options.height,
    background: 'white',
    padding: 16,
    title: {
      text: options.title,
      ...(options.subtitle ? { subtitle: options.subtitle } : {}),
      anchor: 'start',
      fontSize: 16,
      subtitleFontSize: 12,
      subtitleColor: '#57606a',
    },
    // QuantConnect's chart times are unix seconds.
    data: { values: points.map((point) => ({ time: point.time * 1000, equity: point.value })) },
    encoding: {
      x: {
        field: 'time',
        type: 'temporal',
        scale: { type: 'utc' },
        axis: { title: null, format: '%b %Y', labelOverlap: true, grid: false },
      },
      y: {
        field: 'equity',
        type: 'quantitative',
        scale: { zero: false },
        axis: { title: 'Equity', format: '$,.0f', tickCount: 6 },
      },
    },
    mark: { type: 'line', color: '#1f6feb', strokeWidth: 2 },
    config: {
      font: CHART_FONT_FAMILY,
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eaeef2', domainColor: '#8c959f' },
    },
  };
}
