/**
 * Which engine the end-to-end tests run on (issue 13: one suite, three engines): SMALLPAY_TEST_ENGINE=json
 * (the default), sqlite or postgres, set per vitest project (vitest.config.ts).
 *   json      <home>/store.json
 *   sqlite    sqlite:<home>/store.db
 *   postgres  one database per test file (this module is loaded once per file), created when the file
 *             starts; each sandbox is a business of its own in it (?business=t<random>).
 * readBooks / updateBooks go through the store interface (src/store/store.ts), so a test that looks at or
 * edits the books directly does so the same way on every engine.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreDocument } from '../../src/domain/types.js';
import { parseStoreLocator } from '../../src/cli/store-locator.js';
import { serializeDocument } from '../../src/store/atomic-file.js';
import { openStore } from '../../src/store/store.js';
import { createTestDatabase, postgresAvailable } from './postgres.js';

export type TestEngine = 'json' | 'sqlite' | 'postgres';

function engineOf(value: string | undefined): TestEngine {
  if (value === undefined || value === '' || value === 'json') return 'json';
  if (value === 'sqlite' || value === 'postgres') return value;
  throw new Error(`SMALLPAY_TEST_ENGINE: '${value}' is not json, sqlite or postgres`);
}

export const testEngine: TestEngine = engineOf(process.env.SMALLPAY_TEST_ENGINE);

/** This test file's PostgreSQL database (superuser URL, no business=), made once when the file loads. */
const database: string | undefined = testEngine === 'postgres' ? await fileDatabase() : undefined;

/** The PostgreSQL harness (postgres.ts; it loads `pg` only when a database is made). */
export async function postgresHarness(): Promise<{ createTestDatabase(prefix: string): Promise<string>; postgresAvailable: boolean }> {
  return { createTestDatabase, postgresAvailable };
}

async function fileDatabase(): Promise<string> {
  const { createTestDatabase, postgresAvailable } = await postgresHarness();
  if (!postgresAvailable) throw new Error('SMALLPAY_TEST_ENGINE=postgres, but no PostgreSQL server runs for this test run (SMALLPAY_TEST_PG_URL is unset)');
  return createTestDatabase('e2e');
}

export function sandboxStore(home: string): { store: string; files: string } {
  switch (testEngine) {
    case 'json':
      return { store: join(home, 'store.json'), files: home };
    case 'sqlite':
      return { store: `sqlite:${join(home, 'store.db')}`, files: home };
    case 'postgres': {
      const business = `t${randomBytes(6).toString('hex')}`;
      const url = new URL(database as string);
      url.searchParams.set('business', business);
      // As deps.ts places a PostgreSQL store's files: the data directory (baseEnv's XDG_DATA_HOME), per business.
      return { store: url.toString(), files: join(home, '.local', 'share', 'smallpay', business) };
    }
  }
}

async function withStore<T>(store: string, work: (opened: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const opened = await openStore(parseStoreLocator(store, {}), { timeoutMs: 15_000, staleMs: 10_000 });
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/** The whole books, as a command with every scope would see them. */
export function readBooks(store: string): Promise<StoreDocument> {
  return withStore(store, (opened) => opened.read({ invoices: 'all', outbox: 'all', audit: 'all' }));
}

/**
 * A direct change to the books, as a person editing them by hand would make it: a JSON file is parsed, changed
 * and written back as text (no validation, no lock: the hand edit tests were written for); a database's rows
 * are changed in one transaction through the store interface.
 */
export async function updateBooks(store: string, change: (doc: StoreDocument) => void): Promise<void> {
  const locator = parseStoreLocator(store, {});
  if (locator.engine === 'json') {
    const doc = JSON.parse(readFileSync(locator.path, 'utf8')) as StoreDocument;
    change(doc);
    writeFileSync(locator.path, JSON.stringify(doc, null, 2));
    return;
  }
  return withStore(store, (opened) => opened.update((doc) => void change(doc), { invoices: 'all', outbox: 'all', audit: 'all' }));
}

/**
 * What "nothing was changed" is checked against: for a JSON store the bytes of the file and of its .bak
 * (a run that changes nothing must not even rewrite them), on a database the books read whole.
 */
export async function snapshotBooks(store: string): Promise<string> {
  const locator = parseStoreLocator(store, {});
  if (locator.engine === 'json') {
    const read = (path: string) => (existsSync(path) ? readFileSync(path, 'latin1') : '<none>');
    return `${read(locator.path)}\n--- .bak ---\n${read(`${locator.path}.bak`)}`;
  }
  return JSON.stringify(await readBooks(store));
}

/** Writes whole books into the sandbox's empty store: a JSON file as the program writes it, a database through `load`. */
export async function loadBooks(store: string, doc: StoreDocument): Promise<void> {
  const locator = parseStoreLocator(store, {});
  if (locator.engine === 'json') {
    writeFileSync(locator.path, serializeDocument(doc), { mode: 0o600 });
    return;
  }
  const opened = await openStore(locator, { timeoutMs: 15_000, staleMs: 10_000, createSchema: true });
  try {
    await opened.load(doc);
  } finally {
    await opened.close();
  }
}
