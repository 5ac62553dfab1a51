import { defineConfig } from 'vitest/config';

// Browser journeys (Playwright driving Debian's Chromium against the app in-process).
// Each file boots its own app on a fresh copy of one seeded embedded database. One file at a time:
// two in parallel saved under 10 % on 2 cores (478 s against 520 s) and made single journeys
// twice as slow, which is where timeouts come from on a busy machine.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: '@kitajs/html' } },
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // One module cache per worker for all its files (the harness closes its browser after each file).
    isolate: false,
    // Generous: in CI the journeys run beside the PostgreSQL pass, and a long journey (the survey at 320 px)
    // took 48 s alone but over 90 s beside it on a slow day. The assertions are about behaviour, not speed.
    testTimeout: 240_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
