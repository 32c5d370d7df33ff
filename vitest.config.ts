import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The end-to-end files that hold for every engine (issue 13: one suite, three engines). They run three times:
 * in the `json` project with everything else, and in the `sqlite` and `postgres` projects with the store of
 * each sandbox on that engine (test/support/engine.ts). Parts of them that are about the JSON file itself
 * (its .bak, atomic-write steps, file modes, hand edits of the text) skip themselves on other engines.
 * Files not listed here look into the JSON file by nature (store-safety, hand-edited-store) or do not touch
 * what differs between engines (help, PDF and e-invoice rendering): they run on JSON only.
 */
const ON_EVERY_ENGINE = [
  'test/e2e/invoices.test.ts',
  'test/e2e/customers.test.ts',
  'test/e2e/concurrency.test.ts',
  'test/e2e/crash.test.ts',
  'test/e2e/credit-notes.test.ts',
  'test/e2e/send.test.ts',
  'test/e2e/recurring.test.ts',
  'test/e2e/report.test.ts',
  'test/e2e/bad-input.test.ts',
  'test/e2e/store-copy.test.ts',
  'test/e2e/einvoice-export.test.ts',
];

/**
 * One real PostgreSQL server per run (test/support/postgres-global.ts) for the tests that need one: the json
 * project's PostgreSQL tests and the postgres project. Where PostgreSQL is not installed (no initdb, the same
 * places postgres-server.ts looks) or SMALLPAY_TEST_PG=off, the postgres project is left out and the global
 * setup says so in its one line; the json project's PostgreSQL tests skip themselves.
 */
const PG_SETUP = 'test/support/postgres-global.ts';
const pgSetup = existsSync(new URL(PG_SETUP, import.meta.url)) ? [PG_SETUP] : [];
function postgresInstalled(): boolean {
  if (process.env.SMALLPAY_TEST_PG_URL) return true;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) dirs.push(...readdirSync(debian).map((version) => join(debian, version, 'bin')));
  return dirs.some((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}
const withPostgres = pgSetup.length > 0 && process.env.SMALLPAY_TEST_PG !== 'off' && postgresInstalled();

export default defineConfig({
  define: { SMALLPAY_VERSION: JSON.stringify(version) },
  test: {
    // End-to-end tests spawn the CLI many times; two cores, so keep parallelism modest.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'json', include: ['test/**/*.test.ts'], globalSetup: pgSetup, env: { SMALLPAY_TEST_ENGINE: 'json' } } },
      { extends: true, test: { name: 'sqlite', include: ON_EVERY_ENGINE, env: { SMALLPAY_TEST_ENGINE: 'sqlite' } } },
      ...(withPostgres ? [{ extends: true, test: { name: 'postgres', include: ON_EVERY_ENGINE, globalSetup: pgSetup, env: { SMALLPAY_TEST_ENGINE: 'postgres' } } }] : []),
    ],
  },
});
