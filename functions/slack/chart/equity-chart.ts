import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { ChartPoint } from '../../quantconnect/port.js';
import { QuantCoderError } from '../../shared/errors.js';
import { downsample } from './downsample.js';
import { equitySpec } from './equity-spec.js';
import { svgToPng } from './svg-to-png.js';

/** The equity series cannot be drawn (too few points, or values that are not numbers). */
export class EquityChartError extends QuantCoderError {
  override readonly name = 'EquityChartError';
}

export interface EquityChartOptions {
  title: string;
  subtitle?: string;
  /** Plot size in CSS pixels, before `scale`. @default 720 × 320 */
  width?: number;
  height?: number;
  /** Pixel density of the PNG. @default 2 (sharp on high-density screens) */
  scale?: number;
  /** Longer series are downsampled to about this many points. @default 1000 */
  maxPoints?: number;
}

/**
 * Renders an equity curve to PNG: a vega-lite spec, drawn by vega to SVG with no canvas (renderer 'none'),
 * rasterised by resvg's WebAssembly with the bundled DejaVu font. No native module, no system font.
 */
export async function renderEquityChart(
  points: readonly ChartPoint[],
  options: EquityChartOptions,
): Promise<Buffer> {
  const usable = points.filter((point) => Number.isFinite(point.time) && Number.isFinite(point.value));
  if (usable.length < 2) {
    throw new EquityChartError(`An equity chart needs at least two points; the series has ${usable.length}.`);
  }
  const series = downsample(
    [...usable].sort((left, right) => left.time - right.time),
    options.maxPoints ?? 1000,
  );
  const spec = equitySpec(series, {
    title: options.title,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    width: options.width ?? 720,
    height: options.height ?? 320,
  });
  // Log level 1 is vega's Error: its warnings would go to the console, not to the run's logger.
  const view = new View(parse(compile(spec).spec), { renderer: 'none', logLevel: 1 });
  try {
    const svg = await view.toSVG();
    return await svgToPng(svg, options.scale ?? 2);
  } finally {
    view.finalize();
  }
}
