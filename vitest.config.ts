import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite 8 compiles with Oxc; its JSX options replace the deprecated esbuild ones.
  oxc: { jsx: { runtime: 'automatic', importSource: '@kitajs/html' } },
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.{ts,tsx}'],
          // The every-page axe runs take 70–80 s on an idle 2-core machine: under half of this.
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
