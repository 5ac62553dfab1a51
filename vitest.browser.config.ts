import { defineConfig } from 'vitest/config';

// Browser journeys (Playwright driving Debian's Chromium against the app in-process).
// Each file boots its own app on a fresh embedded database; one file at a time, so two
// Chromiums and two PGlites never fight over the 2 cores.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: '@kitajs/html' } },
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
