import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { optionalEnvironment } from '../../shared/environment.js';
import { ConfigurationError } from '../../shared/errors.js';
import { WASM_DIRECTORY_ENV } from '../../validator/python/wasm-files.js';

/**
 * The files the chart renderer reads at run time: resvg's WebAssembly and the one font it draws text with
 * (Lambda has no system fonts). A bundle has no node_modules, so the function's construct copies both beside
 * the bundle, into the folder QUANTCODER_WASM_DIR names, as it does for the validator's WebAssembly.
 */
export const CHART_ASSET_FILES = {
  renderer: { fileName: 'resvg.wasm', packagePath: '@resvg/resvg-wasm/index_bg.wasm' },
  font: { fileName: 'DejaVuSans.ttf', packagePath: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf' },
} as const;

export type ChartAsset = keyof typeof CHART_ASSET_FILES;

/** Every chart asset, for whatever copies them all. */
export const CHART_ASSETS: readonly ChartAsset[] = ['renderer', 'font'];

/** The installed package's copy of an asset, for the machine that bundles and for unbundled runs. */
export function installedChartAsset(asset: ChartAsset): string {
  const { packagePath, fileName } = CHART_ASSET_FILES[asset];
  try {
    return createRequire(import.meta.url).resolve(packagePath);
  } catch (error) {
    throw new ConfigurationError(
      `Cannot find ${packagePath}: install the dependencies, or set ${WASM_DIRECTORY_ENV} to a folder that holds ${fileName}.`,
      { cause: error },
    );
  }
}

/** Where an asset is: in $QUANTCODER_WASM_DIR when it holds the file (a bundle), else in the installed package. */
export function chartAssetPath(asset: ChartAsset, environment: NodeJS.ProcessEnv = process.env): string {
  const directory = optionalEnvironment(WASM_DIRECTORY_ENV, environment);
  if (directory !== undefined) {
    const candidate = join(directory, CHART_ASSET_FILES[asset].fileName);
    if (existsSync(candidate)) return candidate;
  }
  return installedChartAsset(asset);
}
