import { defineConfig } from 'vitest/config';

/** Route handlers against the real node at AIOPS_URL (seeded by standalone/seed.mjs first); scripts/test.sh runs them. */
export default defineConfig({
  test: {
    include: ['server/**/*.node.test.ts'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 30000,
  },
});
