import { benchModelUsage } from './model-usage-bench.js';
import { benchPipeline } from './pipeline-bench.js';
import { benchQuantConnect } from './quantconnect-bench.js';
import { benchSlack } from './slack-bench.js';
import { benchValidator } from './validator-bench.js';

// Benchmarks print figures; they are not tests and assert nothing about this machine's speed.
// BENCH_ONLY=pipeline|validator|quantconnect|models|slack runs one of them.
const benches: Record<string, () => Promise<unknown>> = {
  pipeline: benchPipeline,
  validator: benchValidator,
  quantconnect: benchQuantConnect,
  models: benchModelUsage,
  slack: benchSlack,
};
const only = process.env.BENCH_ONLY;
if (only && !(only in benches))
  throw new Error(`BENCH_ONLY takes one of: ${Object.keys(benches).join(', ')}`);
for (const [name, bench] of Object.entries(benches)) if (!only || only === name) await bench();
