import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLocally } from '../functions/local/generate.js';
import { createLocalEnvironment, loadLocalDefinition } from '../functions/local/local-environment.js';
import { type FakeHandler, startFakeVendor } from '../test/llm/vendors/fakes/index.js';
import { recordOfflineAnswers, replayAnswers } from '../test/local/vendor-replay.js';

const IDEA = 'momentum on the S&P 500, 20-day lookback, 2% risk per trade, 10% trailing stop';
const TARGET_INPUT_TOKENS = 40_000;
const TARGET_CACHED_SHARE = 0.5;
/** Each fake answers after this long, so the Parallel's calls overlap as they do with a real vendor. */
const VENDOR_LATENCY_MS = Number(process.env.BENCH_VENDOR_LATENCY_MS ?? 300);

function withLatency(handler: FakeHandler): FakeHandler {
  return async (request) => {
    await new Promise((resolve) => setTimeout(resolve, VENDOR_LATENCY_MS));
    return handler(request);
  };
}

/**
 * Tokens and dollars per agent for a five-file strategy with the default routing, every vendor a wire
 * fake on loopback that answers what the offline model wrote for the same idea (real code, real length)
 * to the prompts as the agents really build them. Token counts are the fakes' (about four characters a
 * token); Anthropic's prompt cache is simulated by its fake.
 */
export async function benchModelUsage(): Promise<void> {
  const recorded = await recordOfflineAnswers(loadLocalDefinition(), IDEA);
  const fakes = {
    anthropic: await startFakeVendor('anthropic', withLatency(replayAnswers(recorded))),
    mistral: await startFakeVendor('mistral', withLatency(replayAnswers(recorded))),
    compatible: await startFakeVendor('openai', withLatency(replayAnswers(recorded))),
  };
  const outDir = await mkdtemp(join(tmpdir(), 'quantcoder-bench-'));
  const environment = await createLocalEnvironment({
    ANTHROPIC_API_KEY: 'bench',
    ANTHROPIC_BASE_URL: fakes.anthropic.baseURL,
    MISTRAL_API_KEY: 'bench',
    MISTRAL_BASE_URL: fakes.mistral.baseURL,
    OPENAI_COMPATIBLE_BASE_URL: fakes.compatible.baseURL,
  });
  try {
    const { report } = await generateLocally({
      idea: IDEA,
      outDir,
      models: environment.models,
      quantConnect: environment.quantConnect,
      local: environment.local,
    });
    if (report.status !== 'succeeded') throw new Error(`bench run failed: ${JSON.stringify(report.failure)}`);
    const { entries, totals } = report.usage;
    console.log(
      `\nModel tokens and dollars per agent, five-file strategy, default routing (fakes on loopback, ${VENDOR_LATENCY_MS} ms a call)`,
    );
    console.log(`  idea: "${IDEA}"; files: ${report.files.map((file) => file.name).join(', ')}`);
    console.log(
      `  ${'role'.padEnd(12)} ${'model'.padEnd(38)} ${'input'.padStart(7)} ${'cached'.padStart(7)} ${'output'.padStart(7)} ${'dollars'.padStart(9)}`,
    );
    for (const entry of entries) {
      const dollars =
        entry.costUsd === null || entry.costUsd === undefined ? 'unpriced' : `$${entry.costUsd.toFixed(4)}`;
      console.log(
        `  ${entry.role.padEnd(12)} ${`${entry.provider}:${entry.model}`.padEnd(38)} ${String(entry.inputTokens).padStart(7)} ${String(entry.cachedInputTokens).padStart(7)} ${String(entry.outputTokens).padStart(7)} ${dollars.padStart(9)}`,
      );
    }
    console.log(
      `  total input before caching ${String(totals.inputTokens).padStart(7)} tokens   (target < ${TARGET_INPUT_TOKENS.toLocaleString('en-US')})`,
    );
    console.log(
      `  total output               ${String(totals.outputTokens).padStart(7)} tokens; $${(totals.costUsd ?? 0).toFixed(4)} priced, ${totals.unpricedCalls ?? 0} unpriced calls`,
    );
    // The coordinator's call is the run's first; every other Anthropic call may read what it cached.
    const later = entries.filter((entry) => entry.provider === 'anthropic' && entry.role !== 'coordinator');
    const input = later.reduce((sum, entry) => sum + entry.inputTokens, 0);
    const cached = later.reduce((sum, entry) => sum + entry.cachedInputTokens, 0);
    const share = input === 0 ? 0 : cached / input;
    console.log(
      `  Anthropic after the first call: ${cached} of ${input} input tokens from cache, ${(share * 100).toFixed(0)}%   (target ≥ ${TARGET_CACHED_SHARE * 100}%)`,
    );
  } finally {
    await environment.close();
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
    await rm(outDir, { recursive: true, force: true });
  }
}
