import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: '@kitajs/html' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    exclude: ['test/browser/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Files share a worker's module cache: importing the whole app anew for each of ~115 files took
    // more time than the tests. Nothing here mocks modules; state lives in each file's own database.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000, // booting a fresh database copy takes seconds; minutes on a machine under heavy load
    env: { NODE_ENV: 'test' },
  },
});
