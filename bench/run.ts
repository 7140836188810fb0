import { benchPipeline } from './pipeline-bench.js';
import { benchValidator } from './validator-bench.js';

// Benchmarks print figures; they are not tests and assert nothing about this machine's speed.
// BENCH_ONLY=validator (or pipeline) runs one of them.
const only = process.env.BENCH_ONLY;
if (!only || only === 'pipeline') await benchPipeline();
if (!only || only === 'validator') await benchValidator();
