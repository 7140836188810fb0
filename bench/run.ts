import { benchPipeline } from './pipeline-bench.js';

// Benchmarks print figures; they are not tests and assert nothing about this machine's speed.
await benchPipeline();
