/**
 * vitest globalSetup: ONE PostgreSQL server per test run, when PostgreSQL is installed (issue 13).
 * Its superuser URL goes to the workers in SMALLPAY_TEST_PG_URL (they start after this and inherit the
 * environment). A URL already set there (a developer's own server) is used as it is and nothing is started.
 * Without initdb the PostgreSQL tests are skipped, and the run says so in one line; SMALLPAY_TEST_PG=off skips
 * them too (a quick run of unrelated test files saves the server's start-up).
 */
import { findPostgresBin, startPostgres } from './postgres-server.js';

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.SMALLPAY_TEST_PG_URL) return undefined;
  if (process.env.SMALLPAY_TEST_PG === 'off') {
    process.stderr.write('SMALLPAY_TEST_PG=off: no PostgreSQL server for this run; the PostgreSQL tests are skipped.\n');
    return undefined;
  }
  const binDir = findPostgresBin();
  if (binDir === undefined) {
    process.stderr.write('PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin): the PostgreSQL tests are skipped.\n');
    return undefined;
  }
  const server = await startPostgres(binDir);
  process.env.SMALLPAY_TEST_PG_URL = server.url;
  return () => server.stop();
}
