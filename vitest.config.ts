import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Separate processes: each test file gets its own WASM parser and memory, and a crash stays local.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
