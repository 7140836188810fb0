import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChartPoint } from '../../../functions/quantconnect/port.js';
import { CHART_ASSET_FILES, chartAssetPath } from '../../../functions/slack/chart/chart-assets.js';
import { downsample } from '../../../functions/slack/chart/downsample.js';
import { EquityChartError, renderEquityChart } from '../../../functions/slack/chart/equity-chart.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A daily equity series with a drawdown in the middle, in QuantConnect's unix seconds. */
function equitySeries(days: number): ChartPoint[] {
  const start = Date.UTC(2020, 0, 1) / 1000;
  return Array.from({ length: days }, (_, day) => ({
    time: start + day * 86_400,
    value:
      100_000 + day * 40 + Math.sin(day / 15) * 1500 - (day > days / 2 && day < days / 2 + 30 ? 9000 : 0),
  }));
}

/** Width and height from the IHDR chunk, which always follows the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderEquityChart', () => {
  it('renders a real PNG at twice the plot size, with axes and a title around the plot', async () => {
    // Prepare
    const points = equitySeries(750);
    const started = performance.now();

    // Act
    const png = await renderEquityChart(points, { title: 'Sector momentum', subtitle: 'Strategy equity' });

    // Assess
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(2 * 720);
    expect(width).toBeLessThan(2 * 1000);
    expect(height).toBeGreaterThan(2 * 320);
    expect(height).toBeLessThan(2 * 520);
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(1_000_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('takes its size and density from the options', async () => {
    // Act
    const png = await renderEquityChart(equitySeries(30), {
      title: 'Small',
      width: 300,
      height: 150,
      scale: 1,
    });

    // Assess
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(300);
    expect(width).toBeLessThan(500);
    expect(height).toBeGreaterThan(150);
    expect(height).toBeLessThan(320);
  });

  it('refuses a series it cannot draw', async () => {
    // Act
    const drawing = renderEquityChart(
      [
        { time: 1, value: Number.NaN },
        { time: 2, value: 5 },
      ],
      { title: 'x' },
    );

    // Assess
    await expect(drawing).rejects.toBeInstanceOf(EquityChartError);
  });
});

describe('downsample', () => {
  it('keeps long series short but keeps the first and last points and every bucket extreme', () => {
    // Prepare
    const points = equitySeries(20_000);
    const lowest = points.reduce((low, point) => (point.value < low.value ? point : low));
    const highest = points.reduce((high, point) => (point.value > high.value ? point : high));

    // Act
    const kept = downsample(points, 1000);

    // Assess
    expect(kept.length).toBeLessThanOrEqual(1000);
    expect(kept.length).toBeGreaterThan(900);
    expect(kept[0]).toEqual(points[0]);
    expect(kept.at(-1)).toEqual(points.at(-1));
    expect(kept).toContainEqual(lowest);
    expect(kept).toContainEqual(highest);
    expect(kept.every((point, index) => index === 0 || (kept[index - 1]?.time ?? 0) <= point.time)).toBe(
      true,
    );
  });

  it('leaves a short series as it is', () => {
    // Prepare
    const points = equitySeries(10);

    // Act
    const kept = downsample(points, 1000);

    // Assess
    expect(kept).toEqual(points);
  });
});

describe('chart assets', () => {
  it('come from QUANTCODER_WASM_DIR when it holds them (a bundle), else from the installed packages', () => {
    // Prepare
    const bundleDirectory = mkdtempSync(join(tmpdir(), 'quantcoder-chart-'));
    const emptyDirectory = mkdtempSync(join(tmpdir(), 'quantcoder-chart-empty-'));
    writeFileSync(join(bundleDirectory, CHART_ASSET_FILES.font.fileName), 'font');
    try {
      // Act
      const bundled = chartAssetPath('font', { QUANTCODER_WASM_DIR: bundleDirectory });
      const fallback = chartAssetPath('renderer', { QUANTCODER_WASM_DIR: emptyDirectory });
      const installed = chartAssetPath('font', {});

      // Assess
      expect(bundled).toBe(join(bundleDirectory, 'DejaVuSans.ttf'));
      expect(fallback).toMatch(/@resvg[\\/]resvg-wasm[\\/]index_bg\.wasm$/);
      expect(installed).toMatch(/dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
    } finally {
      rmSync(bundleDirectory, { recursive: true, force: true });
      rmSync(emptyDirectory, { recursive: true, force: true });
    }
  });
});
