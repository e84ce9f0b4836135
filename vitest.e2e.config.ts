import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium (playwright-core) and Firefox ESR (puppeteer-core,
// tests/e2e/firefox.e2e.test.ts); one file at a time on a 2-core machine.
export default defineConfig({
  test: {
    globals: true,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    // No test starts in the last 90 s before local midnight (tests read "today" in the browser and in Node).
    setupFiles: ['tests/e2e/clock-guard.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
