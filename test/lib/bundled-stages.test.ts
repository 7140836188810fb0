import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentFunction } from '../../lib/agent-function.js';
import { SlackFunction } from '../../lib/slack-function.js';

/**
 * A stage function that posts no results and the Slack function, bundled for real (NodejsFunction with the
 * local esbuild), once for the file: what each bundle leaves out is what its cold start does not load.
 */
const outdirs: string[] = [];
let stageBundle = '';
let slackBundle = '';

/** Synthesizes an app holding the one function `add` makes and returns its bundle's code. */
function bundleOf(add: (stack: Stack) => void): string {
  const outdir = mkdtempSync(join(tmpdir(), 'quantcoder-bundled-stages-'));
  outdirs.push(outdir);
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  add(new Stack(app, 'Bundled'));
  app.synth();
  const assets = readdirSync(outdir)
    .map((entry) => join(outdir, entry))
    .filter((path) => statSync(path).isDirectory() && readdirSync(path).includes('index.mjs'));
  expect(assets).toHaveLength(1);
  return readFileSync(join(assets[0] ?? '', 'index.mjs'), 'utf8');
}

beforeAll(() => {
  stageBundle = bundleOf((stack) => new AgentFunction(stack, 'PollBacktest', { stage: 'poll-backtest' }));
  slackBundle = bundleOf((stack) => new SlackFunction(stack, 'Slack'));
}, 120_000);

afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

describe('the bundled poll-backtest function', () => {
  it('carries neither vega nor resvg: only the report functions draw the chart', () => {
    // Act
    const bundle = stageBundle;

    // Assess
    expect(bundle).not.toContain('https://vega.github.io/schema/vega/v');
    expect(bundle).not.toContain('The `initWasm()` function can be used only once.');
  });
});

describe('the bundled Slack function', () => {
  it('imports the S3 client and presigner only when a fresh download link is asked for', () => {
    // Act
    const bundle = slackBundle;

    // Assess
    expect(bundle).not.toMatch(/from\s*"@aws-sdk\/(client-s3|s3-request-presigner)"/);
    expect(bundle).toMatch(/import\("@aws-sdk\/client-s3"\)/);
    expect(bundle).toMatch(/import\("@aws-sdk\/s3-request-presigner"\)/);
  });
});
