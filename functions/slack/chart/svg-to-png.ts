import { readFile } from 'node:fs/promises';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { chartAssetPath } from './chart-assets.js';
import { CHART_FONT_FAMILY } from './equity-spec.js';

// resvg's WebAssembly can be initialised once per process (a second initWasm throws), so the promise of it
// and of the font it draws with are kept for the life of the process; a failed start is forgotten, to retry.
let renderer: Promise<{ font: Uint8Array }> | undefined;

async function startRenderer(): Promise<{ font: Uint8Array }> {
  const [wasm, font] = await Promise.all([
    readFile(chartAssetPath('renderer')),
    readFile(chartAssetPath('font')),
  ]);
  await initWasm(wasm);
  return { font: new Uint8Array(font) };
}

function rendererReady(): Promise<{ font: Uint8Array }> {
  renderer ??= startRenderer().catch((error: unknown) => {
    renderer = undefined;
    throw error;
  });
  return renderer;
}

/** Rasterises an SVG to PNG at `scale` times its size, drawing all text in DejaVu Sans. */
export async function svgToPng(svg: string, scale: number): Promise<Buffer> {
  const { font } = await rendererReady();
  const resvg = new Resvg(svg, {
    font: { fontBuffers: [font], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  try {
    const image = resvg.render();
    try {
      return Buffer.from(image.asPng());
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
