import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfflineModel } from '../functions/llm/offline-model.js';
import { generateLocally } from '../functions/local/generate.js';
import { loadLocalDefinition } from '../functions/local/local-environment.js';
import { DEFAULT_LIMITS } from '../functions/pipeline/defaults.js';
import { initialState } from '../functions/pipeline/initial-state.js';
import type { RunReport } from '../functions/pipeline/run-report.js';
import { BRANCH_STAGES, type StageId } from '../functions/pipeline/stage-ids.js';
import { createInProcessEmulator } from '../functions/quantconnect/emulator/in-process-emulator.js';
import { createDiskArtifactStore } from '../functions/shared/disk-artifact-store.js';
import { silentLogger } from '../functions/shared/logger.js';
import { silentNotifier } from '../functions/shared/notifier.js';
import { validateProject } from '../functions/validator/index.js';
import { withVendorLatency } from './latency-model.js';
import { runSequentially } from './sequential-baseline.js';

const IDEA = 'momentum on the S&P 500, 20-day lookback, 2% risk per trade, 10% trailing stop';
const FILE_MS = Number(process.env.BENCH_FILE_MS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function emulator() {
  return createInProcessEmulator({ compileCheck: (files) => validateProject(files) });
}

/**
 * The longest chain of stage time: parallel writers count once, as the slowest of them. The report
 * stage writes report.json before its own timing exists, so its time counts as overhead: conservative.
 */
function criticalPathMs(report: RunReport): number {
  let sequential = 0;
  let slowestWriter = 0;
  for (const timing of report.timings) {
    if (BRANCH_STAGES.has(timing.stage as StageId))
      slowestWriter = Math.max(slowestWriter, timing.durationMs);
    else sequential += timing.durationMs;
  }
  return sequential + slowestWriter;
}

async function referenceFileChars(local: ReturnType<typeof loadLocalDefinition>): Promise<number> {
  const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-bench-'));
  const offline = createOfflineModel();
  const { report } = await generateLocally({
    idea: IDEA,
    outDir,
    models: () => offline,
    quantConnect: emulator(),
    local,
  });
  await rm(outDir, { recursive: true, force: true });
  const python = report.files.filter((file) => file.name.endsWith('.py'));
  return python.reduce((sum, file) => sum + file.bytes, 0) / python.length;
}

/** Pipeline against a sequential single agent, with vendor latency simulated; prints the figures. */
export async function benchPipeline(): Promise<{ speedUp: number; overhead: number }> {
  const local = loadLocalDefinition();
  const reference = await referenceFileChars(local);
  const walls: number[] = [];
  const criticalPaths: number[] = [];
  const sequentials: number[] = [];
  let latencies: Array<{ role: string; sleptMs: number }> = [];
  for (let run = 0; run < RUNS; run++) {
    const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-bench-'));
    const model = withVendorLatency(createOfflineModel(), { fileMs: FILE_MS, referenceFileChars: reference });
    const started = performance.now();
    const { report } = await generateLocally({
      idea: IDEA,
      outDir,
      models: () => model,
      quantConnect: emulator(),
      local,
    });
    walls.push(performance.now() - started);
    criticalPaths.push(criticalPathMs(report));
    if (report.status !== 'succeeded') throw new Error(`bench run failed: ${JSON.stringify(report.failure)}`);
    latencies = model.records;

    const baselineModel = withVendorLatency(createOfflineModel(), {
      fileMs: FILE_MS,
      referenceFileChars: reference,
    });
    const baselineStarted = performance.now();
    await runSequentially(
      initialState({
        runId: `baseline-${run}`,
        request: { idea: IDEA, source: 'cli', requestedAt: new Date().toISOString() },
        limits: { ...DEFAULT_LIMITS, initialPollSeconds: 0 },
      }),
      {
        models: () => baselineModel,
        store: createDiskArtifactStore(outDir),
        quantConnect: emulator(),
        notifier: silentNotifier,
        logger: silentLogger,
        now: () => new Date(),
        sleep: async () => {},
      },
    );
    sequentials.push(performance.now() - baselineStarted);
    await rm(outDir, { recursive: true, force: true });
  }
  const wall = median(walls);
  const criticalPath = median(criticalPaths);
  const sequential = median(sequentials);
  const speedUp = sequential / wall;
  const overhead = wall / criticalPath;
  console.log(`\nPipeline vs a sequential single agent (${RUNS} runs each, medians)`);
  console.log(`  idea: "${IDEA}"`);
  console.log(
    `  simulated vendor latency: a file ${FILE_MS} ms (one file ≈ 60 s, scaled); other calls by output size`,
  );
  console.log(`  per call: ${latencies.map((record) => `${record.role} ${record.sleptMs} ms`).join(', ')}`);
  console.log(`  pipeline wall time       ${wall.toFixed(0).padStart(7)} ms`);
  console.log(`  critical path            ${criticalPath.toFixed(0).padStart(7)} ms`);
  console.log(`  sequential baseline      ${sequential.toFixed(0).padStart(7)} ms`);
  console.log(
    `  speed-up                 ${speedUp.toFixed(2).padStart(7)} ×   target ≥ 3.00 ×   ${speedUp >= 3 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  wall / critical path     ${overhead.toFixed(3).padStart(7)}     target ≤ 1.100     ${overhead <= 1.1 ? 'met' : 'NOT met'}`,
  );
  return { speedUp, overhead };
}
