import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['{common,server,public,standalone}/**/*.test.{ts,tsx}'],
    // *.node.test.ts run against a real node: vitest.node.config.mts.
    exclude: ['**/node_modules/**', '**/*.node.test.ts'],
    environment: 'node',
    css: false,
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 20000,
  },
});
