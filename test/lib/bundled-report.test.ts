import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_ASSET_FILES, installedChartAsset } from '../../functions/slack/chart/chart-assets.js';
import { AgentFunction, chartAssetCopyCommands, PROJECT_ROOT } from '../../lib/agent-function.js';

/**
 * The report function bundled for real (NodejsFunction with the local esbuild, its afterBundling copies), once
 * for the file: the chart's code must be in the bundle and its run-time files beside it.
 */
let outdir = '';
let assetDirectory = '';

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'quantcoder-bundled-report-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  new AgentFunction(new Stack(app, 'Bundled'), 'Report', { stage: 'report' });
  app.synth();
  const assets = readdirSync(outdir)
    .map((entry) => join(outdir, entry))
    .filter((path) => statSync(path).isDirectory() && readdirSync(path).includes('index.mjs'));
  expect(assets).toHaveLength(1);
  assetDirectory = assets[0] ?? '';
}, 120_000);

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

describe('chartAssetCopyCommands', () => {
  it('copies the installed resvg WebAssembly and DejaVu Sans font next to the bundle, under their shipped names', () => {
    // Prepare
    const outputDir = join('asset', 'output');

    // Act
    const commands = chartAssetCopyCommands(outputDir);

    // Assess
    expect(commands).toEqual([
      expect.stringMatching(/^cp '.*@resvg[\\/]resvg-wasm[\\/]index_bg\.wasm' /),
      expect.stringMatching(/^cp '.*dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf' /),
    ]);
    expect(commands[0]).toContain(`'${join(outputDir, 'resvg.wasm')}'`);
    expect(commands[1]).toContain(`'${join(outputDir, 'DejaVuSans.ttf')}'`);
  });
});

describe('the bundled report function', () => {
  it('carries the chart renderer and font beside the bundle, byte for byte', () => {
    // Act
    const files = readdirSync(assetDirectory);

    // Assess
    expect(files).toEqual(
      expect.arrayContaining([
        'index.mjs',
        'resvg.wasm',
        'DejaVuSans.ttf',
        'tree-sitter.wasm',
        'lean-catalog.txt.gz',
      ]),
    );
    for (const asset of ['renderer', 'font'] as const) {
      const shipped = readFileSync(join(assetDirectory, CHART_ASSET_FILES[asset].fileName));
      expect(shipped.equals(readFileSync(installedChartAsset(asset)))).toBe(true);
    }
  });

  it('bundles vega, vega-lite and resvg, and leaves only the optional canvas addon out', () => {
    // Act
    const bundle = readFileSync(join(assetDirectory, 'index.mjs'), 'utf8');

    // Assess
    expect(bundle).toContain('https://vega.github.io/schema/vega/v');
    expect(bundle).toContain('The `initWasm()` function can be used only once.');
    expect(bundle).toContain('import("canvas")');
    expect(bundle).not.toMatch(/from\s*"vega(-lite)?"/);
    expect(bundle).not.toMatch(/from\s*"@resvg\/resvg-wasm"/);
  });

  it('loads as an ES module on this Node with only the runtime-provided AWS SDK installed', () => {
    // Prepare: a copy of the asset with node_modules holding the AWS SDK alone, as the Lambda runtime has it.
    const runtime = mkdtempSync(join(tmpdir(), 'quantcoder-bundled-runtime-'));
    try {
      cpSync(assetDirectory, runtime, { recursive: true });
      mkdirSync(join(runtime, 'node_modules'));
      symlinkSync(join(PROJECT_ROOT, 'node_modules', '@aws-sdk'), join(runtime, 'node_modules', '@aws-sdk'));

      // Act
      const output = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "const m = await import('./index.mjs'); console.log(typeof m.handler);",
        ],
        { cwd: runtime, encoding: 'utf8', timeout: 30_000 },
      );

      // Assess
      expect(output.trim()).toBe('function');
    } finally {
      rmSync(runtime, { recursive: true, force: true });
    }
  });
});
