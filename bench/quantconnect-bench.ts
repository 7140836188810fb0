import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfflineModel } from '../functions/llm/offline-model.js';
import { generateLocally } from '../functions/local/generate.js';
import { loadLocalDefinition } from '../functions/local/local-environment.js';
import { DEFAULT_LIMITS } from '../functions/pipeline/defaults.js';
import { nextPollWait } from '../functions/pipeline/stages/backtest.js';
import { createInProcessEmulator } from '../functions/quantconnect/emulator/in-process-emulator.js';
import type { QuantConnect } from '../functions/quantconnect/port.js';
import { validateProject } from '../functions/validator/index.js';

const IDEA = 'momentum on the S&P 500, 20-day lookback, 2% risk per trade';
const BACKTEST_SECONDS = Number(process.env.BENCH_BACKTEST_SECONDS ?? 300);
const TARGET_TRANSITIONS = 60;

/**
 * QuantConnect whose backtests take BACKTEST_SECONDS of virtual time. Each poll happens after the Wait
 * state the pipeline scheduled (the same nextPollWait), so the poll count is the one a real run would see.
 */
function slowBacktests(inner: QuantConnect, calls: Map<string, number>) {
  let elapsed = 0;
  let wait = DEFAULT_LIMITS.initialPollSeconds;
  const count = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1);
  const tally = <T>(name: string, result: T): T => {
    count(name);
    return result;
  };
  const counted: QuantConnect = {
    emulated: inner.emulated,
    backtestUrl: inner.backtestUrl,
    createProject: (name) => tally('projects/create', inner.createProject(name)),
    writeFiles: (projectId, files) => tally('files/update', inner.writeFiles(projectId, files)),
    createCompile: (projectId) => tally('compile/create', inner.createCompile(projectId)),
    readCompile: (projectId, compileId) => tally('compile/read', inner.readCompile(projectId, compileId)),
    checkInitialization: (files) => tally('ai/tools/backtest-init', inner.checkInitialization(files)),
    createBacktest: (projectId, compileId, name, parameters) => {
      count('backtests/create');
      elapsed = 0;
      wait = DEFAULT_LIMITS.initialPollSeconds;
      return inner.createBacktest(projectId, compileId, name, parameters);
    },
    async readBacktest(projectId, backtestId) {
      count('backtests/read');
      if (elapsed < BACKTEST_SECONDS) {
        elapsed += wait;
        wait = nextPollWait(wait, DEFAULT_LIMITS);
      }
      const snapshot = await inner.readBacktest(projectId, backtestId);
      if (elapsed >= BACKTEST_SECONDS) return snapshot;
      const progress = elapsed / BACKTEST_SECONDS;
      return {
        ...snapshot,
        status: `Running: ${Math.round(progress * 100)}%`,
        completed: false,
        progress,
        statistics: {},
      };
    },
    readChart: (projectId, backtestId, chart) =>
      tally('backtests/chart/read', inner.readChart(projectId, backtestId, chart)),
  };
  return { quantConnect: counted, elapsed: () => elapsed };
}

/** State transitions and QuantConnect calls for a run whose backtest takes five minutes; prints the figures. */
export async function benchQuantConnect(): Promise<void> {
  const calls = new Map<string, number>();
  const emulator = createInProcessEmulator({
    compileCheck: (files) => validateProject(files),
    readsUntilDone: 1,
  });
  const slow = slowBacktests(emulator, calls);
  const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-bench-'));
  const offline = createOfflineModel();
  const { report, execution } = await generateLocally({
    idea: IDEA,
    outDir,
    models: () => offline,
    quantConnect: slow.quantConnect,
    local: loadLocalDefinition(),
  });
  await rm(outDir, { recursive: true, force: true });
  if (report.status !== 'succeeded') throw new Error(`bench run failed: ${JSON.stringify(report.failure)}`);
  const polls = report.timings.filter((timing) => timing.stage === 'poll-backtest').length;
  const total = [...calls.values()].reduce((sum, value) => sum + value, 0);
  console.log(`\nQuantConnect and Step Functions for a run with a ${BACKTEST_SECONDS / 60}-minute backtest`);
  console.log(
    `  waits: first ${DEFAULT_LIMITS.initialPollSeconds} s, each next ×1.5 up to ${DEFAULT_LIMITS.maxPollSeconds} s; ${polls} polls, backtest seen done after ${slow.elapsed()} s`,
  );
  console.log(
    `  state transitions        ${String(execution.transitions).padStart(7)}   (target ≤ ${TARGET_TRANSITIONS})`,
  );
  console.log(`  QuantConnect API calls   ${String(total).padStart(7)}`);
  for (const [name, count] of [...calls].sort()) console.log(`    ${name.padEnd(24)} ${count}`);
}
