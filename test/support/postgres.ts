/**
 * PostgreSQL for the tests (issue 13). The server is started once per run by test/support/postgres-global.ts;
 * here each test file takes a database of its own:
 *
 *   describe.skipIf(!postgresAvailable)('…', () => {
 *     let url: string;
 *     beforeAll(async () => { url = await createTestDatabase('recurring'); });
 *     …  SMALLPAY_STORE: `${url}?business=acme`  …
 *   });
 */
import type { Client as PgClient } from 'pg';

/** The superuser URL to the `postgres` database of the test server, when there is one. */
export const postgresUrl: string | undefined = process.env.SMALLPAY_TEST_PG_URL || undefined;

/** Whether a PostgreSQL server runs for this test run (false: PostgreSQL is not installed here). */
export const postgresAvailable: boolean = postgresUrl !== undefined;

/** A superuser connection to `database` of the test server (the caller ends it). */
export async function connectAsSuperuser(database = 'postgres'): Promise<PgClient> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: withDatabase(requireUrl(), database) });
  await client.connect();
  return client;
}

/** A fresh, empty database named `<prefix>_<random>`; returns its superuser postgres:// URL (no business=). */
export async function createTestDatabase(prefix: string): Promise<string> {
  const name = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40)}_${Math.random().toString(36).slice(2, 10)}`;
  const client = await connectAsSuperuser();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(requireUrl(), name);
}

/** The same server and credentials with another database (or user and password when given). */
export function withDatabase(url: string, database: string, credentials?: { user: string; password: string }): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (credentials) {
    parsed.username = encodeURIComponent(credentials.user);
    parsed.password = encodeURIComponent(credentials.password);
  }
  return parsed.toString();
}

function requireUrl(): string {
  if (postgresUrl === undefined) throw new Error('no PostgreSQL server for this run: guard the test with describe.skipIf(!postgresAvailable)');
  return postgresUrl;
}
