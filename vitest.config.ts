import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { SMALLPAY_VERSION: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    // One real PostgreSQL server per run when PostgreSQL is installed (test/support/postgres-global.ts).
    globalSetup: ['test/support/postgres-global.ts'],
    // End-to-end tests spawn the CLI many times; two cores, so keep parallelism modest.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
