import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SourceFile } from '../functions/agents/tasks.js';
import { createOfflineModel } from '../functions/llm/offline-model.js';
import { generateLocally } from '../functions/local/generate.js';
import { loadLocalDefinition } from '../functions/local/local-environment.js';
import { createInProcessEmulator } from '../functions/quantconnect/emulator/in-process-emulator.js';
import { validateProject } from '../functions/validator/index.js';
import { loadValidProjects } from '../test/validator/fixture-projects.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'validator', 'valid');
const CLI = join(ROOT, 'bin', 'quantcoder.mjs');
const TARGET_FILES_PER_SECOND = 200;
const TARGET_COLD_START_MS = 1500;
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 3);

const IDEAS = [
  'momentum on the S&P 500, 20-day lookback, 2% risk per trade',
  'mean reversion on QQQ with Bollinger bands, 5% stop loss',
  'RSI 14 on XLK, buy below 30, sell above 70',
  'SMA 50/200 crossover on SPY, long only',
  'Donchian 20-day breakout long-short on GLD and TLT',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The hand-written valid corpus plus projects the offline model writes: what the validator meets in practice. */
async function loadCorpus(): Promise<SourceFile[][]> {
  const projects: SourceFile[][] = loadValidProjects().map((project) =>
    project.files.filter((file) => file.name.endsWith('.py')),
  );
  const local = loadLocalDefinition();
  const offline = createOfflineModel();
  for (const idea of IDEAS) {
    const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-bench-'));
    const quantConnect = createInProcessEmulator({
      compileCheck: (files) => validateProject(files),
      readsUntilDone: 1,
    });
    const { runDir, report } = await generateLocally({
      idea,
      outDir,
      models: () => offline,
      quantConnect,
      local,
    });
    const python = report.files.filter((file) => file.name.endsWith('.py'));
    projects.push(
      await Promise.all(
        python.map(async (file) => ({
          name: file.name,
          content: await readFile(join(runDir, 'project', file.name), 'utf8'),
        })),
      ),
    );
    await rm(outDir, { recursive: true, force: true });
  }
  return projects;
}

async function warmThroughput(
  projects: SourceFile[][],
): Promise<{ filesPerSecond: number; lines: number; files: number }> {
  const files = projects.reduce((total, project) => total + project.length, 0);
  const lines = projects.reduce(
    (total, project) => total + project.reduce((sum, file) => sum + file.content.split('\n').length, 0),
    0,
  );
  for (const project of projects) validateProject(project);
  let validated = 0;
  const started = performance.now();
  while (performance.now() - started < WARM_SECONDS * 1000) {
    for (const project of projects) validateProject(project);
    validated += files;
  }
  return { filesPerSecond: validated / ((performance.now() - started) / 1000), lines, files };
}

async function coldStartMs(): Promise<number[]> {
  const folder = await mkdtemp(join(tmpdir(), 'quantcoder-bench-'));
  const [first] = (await readdir(CORPUS)).sort();
  const main = await readFile(join(CORPUS, first ?? '', 'main.py'), 'utf8');
  await writeFile(join(folder, 'main.py'), main);
  const times: number[] = [];
  for (let attempt = 0; attempt < COLD_RUNS; attempt++) {
    // A fresh TMPDIR each time: tsx finds no compile cache, as on the first run after `npm ci`.
    const cache = await mkdtemp(join(tmpdir(), 'quantcoder-bench-tsx-'));
    const started = performance.now();
    await run(process.execPath, [CLI, 'validate', join(folder, 'main.py')], {
      env: { ...process.env, TMPDIR: cache },
    }).catch((error: unknown) => error);
    times.push(performance.now() - started);
    await rm(cache, { recursive: true, force: true });
  }
  await rm(folder, { recursive: true, force: true });
  return times;
}

async function catalogMemory(): Promise<{
  loadMs: number;
  loadedBytes: number;
  afterCorpusBytes: number;
  types: number;
}> {
  const { stdout } = await run(process.execPath, [
    '--expose-gc',
    '--import',
    'tsx',
    join(ROOT, 'bench', 'catalog-memory.ts'),
    CORPUS,
  ]);
  return JSON.parse(stdout);
}

/** Validator throughput (warm), cold start of `quantcoder validate`, the catalog's memory; prints the figures. */
export async function benchValidator(): Promise<void> {
  const projects = await loadCorpus();
  const warm = await warmThroughput(projects);
  const cold = await coldStartMs();
  const memory = await catalogMemory();
  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log('\nStatic validator');
  console.log(
    `  corpus: ${projects.length} projects, ${warm.files} files, ${warm.lines} lines (fixtures + offline-model projects)`,
  );
  console.log(
    `  warm throughput          ${warm.filesPerSecond.toFixed(0).padStart(7)} files/s   (target ≥ ${TARGET_FILES_PER_SECOND})`,
  );
  console.log(
    `  cold start, one file     ${median(cold).toFixed(0).padStart(7)} ms median of ${cold.length} (${cold.map((time) => time.toFixed(0)).join(', ')}; new process, empty tsx cache)   (target ≤ ${TARGET_COLD_START_MS})`,
  );
  console.log(
    `  LEAN catalog             ${megabytes(memory.loadedBytes).padStart(7)} MB heap once loaded (${memory.types} types, ${memory.loadMs.toFixed(0)} ms), ${megabytes(memory.afterCorpusBytes)} MB after validating the fixtures`,
  );
}
