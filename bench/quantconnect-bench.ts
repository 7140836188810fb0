import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfflineModel } from '../functions/llm/offline-model.js';
import { generateLocally } from '../functions/local/generate.js';
import { loadLocalDefinition } from '../functions/local/local-environment.js';
import { DEFAULT_LIMITS } from '../functions/pipeline/defaults.js';
import { nextPollWait } from '../functions/pipeline/stages/backtest.js';
import { startQuantConnectEmulator } from '../functions/quantconnect/emulator/http/emulator-server.js';
import type { QuantConnect } from '../functions/quantconnect/port.js';
import { QuantConnectClient } from '../functions/quantconnect/rest/client.js';
import { createRestQuantConnect } from '../functions/quantconnect/rest/rest-quantconnect.js';
import { validateProject } from '../functions/validator/index.js';

const IDEA = 'momentum on the S&P 500, 20-day lookback, 2% risk per trade';
const BACKTEST_SECONDS = Number(process.env.BENCH_BACKTEST_SECONDS ?? 300);
const TARGET_TRANSITIONS = 60;

/**
 * The pipeline's QuantConnect over HTTP to the emulator, whose backtests take BACKTEST_SECONDS on a virtual
 * clock. Each backtest read first moves the clock by the Wait the pipeline scheduled before it (the same
 * nextPollWait), so the poll count is the one a real run would see, without waiting five minutes.
 */
async function slowBacktests() {
  let clock = Date.now();
  const now = () => new Date(clock);
  const emulator = await startQuantConnectEmulator({
    compileCheck: (files) => validateProject(files),
    now,
    backtestSeconds: BACKTEST_SECONDS,
    readsUntilDone: 1,
  });
  const client = new QuantConnectClient({
    userId: emulator.userId,
    apiToken: emulator.apiToken,
    baseUrl: emulator.url,
    now,
  });
  const inner = createRestQuantConnect(client, { emulated: true, webUrl: emulator.webUrl });
  let wait = DEFAULT_LIMITS.initialPollSeconds;
  let started = clock;
  let seenDone = false;
  const quantConnect: QuantConnect = {
    ...inner,
    async createBacktest(projectId, compileId, name, parameters) {
      const created = await inner.createBacktest(projectId, compileId, name, parameters);
      started = clock;
      wait = DEFAULT_LIMITS.initialPollSeconds;
      seenDone = false;
      return created;
    },
    async readBacktest(projectId, backtestId) {
      // Reads after the one that saw the end (CheckResult's) come with no Wait before them.
      if (!seenDone) {
        clock += wait * 1000;
        wait = nextPollWait(wait, DEFAULT_LIMITS);
      }
      const snapshot = await inner.readBacktest(projectId, backtestId);
      seenDone ||= snapshot.completed;
      return snapshot;
    },
  };
  return { quantConnect, emulator, elapsed: () => (clock - started) / 1000 };
}

/** State transitions and QuantConnect calls for a run whose backtest takes five minutes; prints the figures. */
export async function benchQuantConnect(): Promise<void> {
  const slow = await slowBacktests();
  const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-bench-'));
  const offline = createOfflineModel();
  try {
    const { report, execution } = await generateLocally({
      idea: IDEA,
      outDir,
      models: () => offline,
      quantConnect: slow.quantConnect,
      local: loadLocalDefinition(),
    });
    if (report.status !== 'succeeded') throw new Error(`bench run failed: ${JSON.stringify(report.failure)}`);
    const polls = report.timings.filter((timing) => timing.stage === 'poll-backtest').length;
    const calls = Object.entries(slow.emulator.requests).sort();
    console.log(
      `\nQuantConnect and Step Functions for a run with a ${BACKTEST_SECONDS / 60}-minute backtest (HTTP emulator)`,
    );
    console.log(
      `  waits: first ${DEFAULT_LIMITS.initialPollSeconds} s, each next ×1.5 up to ${DEFAULT_LIMITS.maxPollSeconds} s; ${polls} polls, backtest seen done ${slow.elapsed()} s after it started`,
    );
    console.log(
      `  state transitions        ${String(execution.transitions).padStart(7)}   (target ≤ ${TARGET_TRANSITIONS})`,
    );
    console.log(`  QuantConnect API calls   ${String(slow.emulator.totalRequests).padStart(7)}`);
    for (const [name, count] of calls) console.log(`    ${name.padEnd(24)} ${count}`);
  } finally {
    await slow.emulator.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
