import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build } from 'esbuild';
import { ESM_BUNDLING } from '../lib/agent-function.js';
import { SLACK_EXTERNAL_MODULES } from '../lib/slack-function.js';
import { BOT_TOKEN, commandBody, SIGNING_SECRET, signedEvent } from '../test/slack/app/signed-request.js';
import { startFakeSlackApi } from '../test/slack/fake-slack-api.js';
import { startFakeStepFunctions } from '../test/slack/fake-step-functions.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const ENTRY = join(ROOT, 'functions', 'handlers', 'slack.ts');
const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:QuantCoder';
const TARGET_COLD_MS = 1000;
const TARGET_WARM_P99_MS = 50;
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const WARM_COMMANDS = Number(process.env.BENCH_WARM_COMMANDS ?? 300);

type HttpHandler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;

/**
 * The handler bundled as lib/slack-function.ts bundles it: ESM_BUNDLING (minified ESM, a linked source map,
 * the CommonJS banner) for node24, with the SDK external, since the Lambda runtime ships its own.
 */
async function bundle(outfile: string): Promise<{ bytes: number; gzipBytes: number }> {
  await build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: ESM_BUNDLING.format === OutputFormat.ESM ? 'esm' : 'cjs',
    target: 'node24',
    ...(ESM_BUNDLING.mainFields ? { mainFields: [...ESM_BUNDLING.mainFields] } : {}),
    minify: ESM_BUNDLING.minify ?? false,
    sourcemap: ESM_BUNDLING.sourceMap ?? false,
    sourcesContent: ESM_BUNDLING.sourcesContent ?? true,
    ...(ESM_BUNDLING.banner ? { banner: { js: ESM_BUNDLING.banner } } : {}),
    external: [...SLACK_EXTERNAL_MODULES],
    logLevel: 'error',
  });
  const bytes = (await stat(outfile)).size;
  return { bytes, gzipBytes: gzipSync(await readFile(outfile)).length };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

const CHILD = `
const started = performance.now();
const { handler } = await import(process.env.BENCH_BUNDLE);
const loaded = performance.now();
const response = await handler(JSON.parse(process.env.BENCH_EVENT), {});
const answered = performance.now();
process.stdout.write(JSON.stringify({ load: loaded - started, first: answered - loaded, total: answered, status: response.statusCode }));
`;

/** One cold start in a fresh Node process: module load, the first request (the app's build included), total. */
async function coldStart(directory: string, environment: NodeJS.ProcessEnv, triggerId: string) {
  const event = signedEvent(commandBody({ text: 'momentum on SPY', triggerId }));
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', CHILD], {
    cwd: directory,
    env: {
      ...environment,
      NODE_OPTIONS: '--enable-source-maps',
      BENCH_BUNDLE: pathToFileURL(join(directory, 'index.mjs')).href,
      BENCH_EVENT: JSON.stringify(event),
    },
  });
  return JSON.parse(stdout) as { load: number; first: number; total: number; status: number };
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
const kib = (value: number) => `${(value / 1024).toFixed(0).padStart(7)} KiB`;

/**
 * The Slack handler's cold start (a fresh process: module load plus first signed command, StartExecution
 * answered on loopback), its warm ack time over WARM_COMMANDS signed commands, and its bundle size.
 */
export async function benchSlack(): Promise<void> {
  const slack = await startFakeSlackApi({ token: BOT_TOKEN });
  const stepFunctions = await startFakeStepFunctions();
  const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-slack-bench-'));
  const environment: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    STATE_MACHINE_ARN,
    AWS_ENDPOINT_URL_SFN: stepFunctions.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench-access-key',
    AWS_SECRET_ACCESS_KEY: 'bench-secret-key',
    LOG_LEVEL: 'silent',
  };
  const saved = { ...process.env };
  const sourceMapsWere = process.sourceMapsEnabled;
  try {
    // The deployed layout: the bundle and its source map, and beside them only the runtime's AWS SDK.
    const bundled = await bundle(join(outDir, 'index.mjs'));
    await mkdir(join(outDir, 'node_modules'));
    await symlink(join(ROOT, 'node_modules', '@aws-sdk'), join(outDir, 'node_modules', '@aws-sdk'));
    const bundleUrl = pathToFileURL(join(outDir, 'index.mjs')).href;

    const colds = [];
    for (let index = 0; index < COLD_RUNS; index++) {
      colds.push(await coldStart(outDir, environment, `cold.${index}.bench`));
    }
    if (colds.some((cold) => cold.status !== 200)) throw new Error('a cold start did not answer 200');

    Object.assign(process.env, environment);
    process.setSourceMapsEnabled(true);
    const module: { handler: HttpHandler } = await import(bundleUrl);
    const first = await module.handler(
      signedEvent(commandBody({ text: 'momentum', triggerId: 'warm.0' })),
      {},
    );
    if (first.statusCode !== 200) throw new Error(`the warm-up answered ${first.statusCode}`);
    const durations: number[] = [];
    for (let index = 1; index <= WARM_COMMANDS; index++) {
      const event = signedEvent(
        commandBody({ text: `momentum variant ${index}`, triggerId: `warm.${index}` }),
      );
      const started = performance.now();
      const response = await module.handler(event, {});
      durations.push(performance.now() - started);
      if (response.statusCode !== 200 || !response.body.includes('started run')) {
        throw new Error(`command ${index} answered ${response.statusCode}: ${response.body}`);
      }
    }
    const started = new Set(stepFunctions.executions.map((execution) => execution.name));
    const commands = COLD_RUNS + 1 + WARM_COMMANDS;
    if (started.size !== commands) throw new Error(`${commands} commands started ${started.size} executions`);

    const median = (values: number[]) => percentile(values, 0.5);
    console.log('\nSlack handler (signed /quantcoder commands, StartExecution on a loopback Step Functions)');
    console.log(
      `  bundle (as deployed, SDK external) ${kib(bundled.bytes)}   gzip ${kib(bundled.gzipBytes)}`,
    );
    console.log(`  cold start, ${COLD_RUNS} fresh processes (median / max):`);
    console.log(
      `    module load              ${ms(median(colds.map((cold) => cold.load)))} / ${ms(Math.max(...colds.map((cold) => cold.load)))}`,
    );
    console.log(
      `    first request            ${ms(median(colds.map((cold) => cold.first)))} / ${ms(Math.max(...colds.map((cold) => cold.first)))}`,
    );
    const coldTotals = colds.map((cold) => cold.load + cold.first);
    console.log(
      `    load + first request     ${ms(median(coldTotals))} / ${ms(Math.max(...coldTotals))}   (target ≤ ${TARGET_COLD_MS} ms)`,
    );
    console.log(
      `    from process start       ${ms(median(colds.map((cold) => cold.total)))} / ${ms(Math.max(...colds.map((cold) => cold.total)))}`,
    );
    console.log(`  warm, ${WARM_COMMANDS} commands one after another:`);
    console.log(`    p50                      ${ms(percentile(durations, 0.5))}`);
    console.log(
      `    p99                      ${ms(percentile(durations, 0.99))}   (target ≤ ${TARGET_WARM_P99_MS} ms)`,
    );
    console.log(`    max                      ${ms(Math.max(...durations))}`);
    console.log(
      `  executions started         ${String(started.size).padStart(7)}   (one per command: ${COLD_RUNS} cold, 1 warm-up, ${WARM_COMMANDS} warm)`,
    );
  } finally {
    process.setSourceMapsEnabled(sourceMapsWere);
    for (const name of Object.keys(environment)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await slack.close();
    await stepFunctions.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
