import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Both cores: the default leaves one free, and the unit suites then take twice as long.
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          maxWorkers: 2,
          pool: 'threads',
        },
      },
      // One browser per file, files one after another: two cores are not enough for more.
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      // The Firefox build in Debian's firefox-esr, over WebDriver BiDi.
      {
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
