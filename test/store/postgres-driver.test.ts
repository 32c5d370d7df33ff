/**
 * The PostgreSQL driver and schema on a real server (issue 13): one-line errors that name the store and
 * never its password; row-level security holding each business role to its own rows, refused by
 * PostgreSQL itself; writers of one business serialised on the business row.
 */
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStoreLocator } from '../../src/cli/store-locator.js';
import { StoreError } from '../../src/store/errors.js';
import type { SqlDriver } from '../../src/store/sql/driver.js';
import { dialectSql } from '../../src/store/sql/ddl.js';
import { SQL_SCHEMA_VERSION } from '../../src/store/sql/tables.js';
import { openPostgresDriver } from '../../src/store/sql/postgres-driver.js';
import { openSqlStore } from '../../src/store/sql/sql-store.js';
import { openStore } from '../../src/store/store.js';
import { grantBusinessRole } from '../../src/store/sql/postgres-roles.js';
import { createTestDatabase, postgresAvailable, withDatabase } from '../support/postgres.js';

function locatorOf(url: string, business: string) {
  const locator = parseStoreLocator(`${url}${url.includes('?') ? '&' : '?'}business=${business}`, {});
  if (locator.engine !== 'postgres') throw new Error('not a postgres locator');
  return locator;
}

/** What the engine does for `createSchema` (sql-store.ts), here without it: the migrations, then the version. */
async function createSchema(url: string): Promise<void> {
  const driver = await openPostgresDriver(locatorOf(url, 'owner'), { createSchema: true });
  await driver.write(async (tx) => {
    for (const statement of dialectSql('postgres').migrations.flat()) await tx.query(statement);
    await tx.query(`INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO NOTHING`, [String(SQL_SCHEMA_VERSION)]);
  });
  await driver.close();
}

async function refusal(open: Promise<unknown>): Promise<StoreError> {
  const error = await open.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!postgresAvailable)('the PostgreSQL driver on a real server', () => {
  let url: string;
  beforeAll(async () => {
    url = await createTestDatabase('driver');
    await createSchema(url);
  });

  describe('refuses in one line naming the store, never its password', () => {
    const expectOneLine = (error: StoreError, password: string) => {
      expect(error.message).not.toContain('\n');
      expect(error.message).not.toContain(password);
      expect(error.message).toContain('127.0.0.1');
    };

    it('an unreachable server', async () => {
      const port = await closedPort();
      const locator = locatorOf(`postgres://ada:hunter2secret@127.0.0.1:${port}/books`, 'acme');
      const error = await refusal(openPostgresDriver(locator, { connectTimeoutMs: 2000 }));
      expectOneLine(error, 'hunter2secret');
      expect(error.message).toBe(`cannot reach store ${locator.label}: ECONNREFUSED`);
    });

    it('a server that never answers, after the connect timeout', async () => {
      const silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as { port: number };
      try {
        const locator = locatorOf(`postgres://ada:hunter2secret@127.0.0.1:${port}/books`, 'acme');
        const error = await refusal(openPostgresDriver(locator, { connectTimeoutMs: 300 }));
        expectOneLine(error, 'hunter2secret');
        expect(error.message).toBe(`cannot reach store ${locator.label}: no answer within 0.3 s`);
      } finally {
        silent.close();
      }
    });

    it('a wrong password', async () => {
      const wrong = new URL(url);
      wrong.password = 'not-the-password';
      const error = await refusal(openPostgresDriver(locatorOf(wrong.toString(), 'acme')));
      expectOneLine(error, 'not-the-password');
      expect(error.message).toMatch(/refused the credentials of user postgres$/);
    });

    it('a database that does not exist', async () => {
      const error = await refusal(openPostgresDriver(locatorOf(withDatabase(url, 'no_such_books'), 'acme')));
      expectOneLine(error, new URL(url).password);
      expect(error.message).toMatch(/database no_such_books does not exist$/);
    });

    it('a database without the smallpay schema, unless asked to create it', async () => {
      const empty = await createTestDatabase('driver_empty');
      const error = await refusal(openPostgresDriver(locatorOf(empty, 'acme')));
      expectOneLine(error, new URL(url).password);
      expect(error.message).toMatch(/has no smallpay schema yet$/);
      expect(error.hint).toMatch(/smallpay store init-postgres/);
      const driver = await openPostgresDriver(locatorOf(empty, 'acme'), { createSchema: true });
      await driver.close();
    });

    it('a schema newer than this program', async () => {
      const newer = await createTestDatabase('driver_newer');
      await createSchema(newer);
      const client = new pg.Client({ connectionString: newer });
      await client.connect();
      await client.query(`UPDATE smallpay.meta SET value = '99' WHERE key = 'schema_version'`);
      await client.end();
      const error = await refusal(openPostgresDriver(locatorOf(newer, 'acme')));
      expect(error.kind).toBe('too-new');
      expect(error.message).toMatch(new RegExp(`SQL schema version 99, newer than this smallpay understands \\(${SQL_SCHEMA_VERSION}\\)$`));
    });
  });

  describe('business roles, held to their own rows by row-level security', () => {
    let asA: pg.Client;
    let aUrl: string;

    beforeAll(async () => {
      // The owner (here the superuser) writes a customer and a counter for each business.
      for (const business of ['a', 'b']) {
        const driver = await openPostgresDriver(locatorOf(url, business));
        await grantBusinessRole(driver, 'owner', business, `drv_${business}`, `pw-${business}-secret`);
        await driver.write(async (tx) => {
          await tx.query(`INSERT INTO businesses (business_id, doc, schema_version) VALUES ($1, '{}', 5)`, [business]);
          await tx.query(`INSERT INTO customers (business_id, id, email, doc) VALUES ($1, 'c1', $2, '{}')`, [business, `ap@${business}.test`]);
          await tx.query(`INSERT INTO sequences (business_id, series, last) VALUES ($1, 'INV', 7)`, [business]);
        });
        await driver.close();
      }
      aUrl = withDatabase(url, new URL(url).pathname.slice(1), { user: 'drv_a', password: 'pw-a-secret' });
      asA = new pg.Client({ connectionString: aUrl });
      await asA.connect();
    });
    afterAll(async () => {
      await asA?.end();
    });

    it("A's role sees only A's rows, whatever business it asks for", async () => {
      const all = await asA.query('SELECT business_id, email FROM smallpay.customers ORDER BY business_id');
      expect(all.rows).toEqual([{ business_id: 'a', email: 'ap@a.test' }]);
      await asA.query(`SELECT set_config('smallpay.business', 'b', false)`);
      const asked = await asA.query(`SELECT business_id FROM smallpay.customers WHERE business_id = 'b'`);
      expect(asked.rows).toEqual([]);
      const businesses = await asA.query('SELECT business_id FROM smallpay.businesses');
      expect(businesses.rows).toEqual([{ business_id: 'a' }]);
    });

    it("A's role changes none of B's rows", async () => {
      const updated = await asA.query(`UPDATE smallpay.sequences SET last = 0 WHERE business_id = 'b'`);
      expect(updated.rowCount).toBe(0);
      const deleted = await asA.query(`DELETE FROM smallpay.customers WHERE business_id = 'b'`);
      expect(deleted.rowCount).toBe(0);
      await expect(asA.query(`INSERT INTO smallpay.customers (business_id, id, email, doc) VALUES ('b', 'c2', 'x@y.test', '{}')`)).rejects.toMatchObject({
        code: '42501',
        message: expect.stringContaining('row-level security'),
      });
      // Moving an own row over to B is refused as well (WITH CHECK).
      await expect(asA.query(`UPDATE smallpay.customers SET business_id = 'b' WHERE business_id = 'a'`)).rejects.toMatchObject({ code: '42501' });
      const owner = new pg.Client({ connectionString: url });
      await owner.connect();
      const b = await owner.query(`SELECT (SELECT last FROM smallpay.sequences WHERE business_id = 'b')::int AS last, (SELECT count(*) FROM smallpay.customers WHERE business_id = 'b')::int AS customers`);
      await owner.end();
      expect(b.rows).toEqual([{ last: 7, customers: 1 }]);
    });

    it("A's role can neither read nor rewrite the role mapping, nor lift the policies", async () => {
      await expect(asA.query('SELECT * FROM smallpay.roles')).rejects.toMatchObject({ code: '42501' });
      await expect(asA.query(`UPDATE smallpay.roles SET business_id = 'b'`)).rejects.toMatchObject({ code: '42501' });
      await expect(asA.query('ALTER TABLE smallpay.customers DISABLE ROW LEVEL SECURITY')).rejects.toMatchObject({ code: '42501' });
      await expect(asA.query('DROP POLICY business_rows ON smallpay.customers')).rejects.toMatchObject({ code: '42501' });
      // The audit log is append-only for a business role.
      await expect(asA.query(`DELETE FROM smallpay.audit`)).rejects.toMatchObject({ code: '42501' });
    });

    it("the driver refuses A's credentials for B's books in one line", async () => {
      const error = await refusal(openPostgresDriver(locatorOf(aUrl, 'b')));
      expect(error.message).toMatch(/user drv_a may open only business a's books$/);
      expect(error.message).not.toContain('pw-a-secret');
      const driver = await openPostgresDriver(locatorOf(aUrl, 'a'));
      const rows = await driver.read((tx) => tx.query('SELECT last FROM sequences'));
      await driver.close();
      expect(rows).toEqual([{ last: '7' }]);
    });

    it('refuses to bind a superuser or the owner itself to a business', async () => {
      const driver = await openPostgresDriver(locatorOf(url, 'a'));
      try {
        await expect(grantBusinessRole(driver, 'owner', 'a', 'postgres', 'x')).rejects.toThrow(/is the one running init-postgres/);
        await expect(grantBusinessRole(driver, 'owner', 'b', 'drv_a', 'x')).rejects.toThrow(/already belongs to business a/);
      } finally {
        await driver.close();
      }
    });
  });

  it('a writer that waits past SMALLPAY_LOCK_TIMEOUT for the business row fails as busy, and changes nothing', async () => {
    const holder = await openPostgresDriver(locatorOf(url, 'held'));
    const waiter = await openPostgresDriver(locatorOf(url, 'held'), { timeoutMs: 300 });
    await holder.write((tx) => tx.query(`INSERT INTO businesses (business_id, doc, schema_version) VALUES ('held', '{}', 5)`));
    let release!: () => void;
    const holding = holder.write(() => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const error = await refusal(waiter.write((tx) => tx.query(`UPDATE businesses SET doc = '{"x":1}' WHERE business_id = 'held'`)));
    release();
    await holding;
    expect(error.kind).toBe('locked');
    expect(error.message).toMatch(/\(business held\) is busy: another process kept these books locked for more than 0.3 s$/);
    const [row] = await waiter.read((tx) => tx.query(`SELECT doc FROM businesses WHERE business_id = 'held'`));
    expect(row).toEqual({ doc: '{}' });
    await holder.close();
    await waiter.close();
  });

  it('checks the schema version inside each write, after the business row is locked: a newer one committed since connecting is refused', async () => {
    const newer = await createTestDatabase('driver_newer_later');
    await createSchema(newer);
    const store = await openSqlStore(locatorOf(newer, 'later'), { timeoutMs: 5000, staleMs: 5000, createSchema: false });
    try {
      const driver = await openPostgresDriver(locatorOf(newer, 'later'));
      expect(driver.openedAtVersion).toBe(SQL_SCHEMA_VERSION);
      // Without a business row to lock the version is left to the engine; with one it comes with the lock.
      expect(await driver.write(async (tx, begun) => (await tx.query(`INSERT INTO businesses (business_id, doc, schema_version) VALUES ('later', '{}', 5)`), begun.schemaVersion))).toBeUndefined();
      expect(await driver.write(async (_tx, begun) => begun.schemaVersion)).toBe(SQL_SCHEMA_VERSION);
      expect(await store.exists()).toBe(true); // connected, at the current version
      // Another program upgrades the schema after this one connected.
      const client = new pg.Client({ connectionString: newer });
      await client.connect();
      await client.query(`UPDATE smallpay.meta SET value = '99' WHERE key = 'schema_version'`);
      await client.end();
      expect(await driver.write(async (_tx, begun) => begun.schemaVersion)).toBe(99);
      await driver.close();
      const error = await refusal(store.update(() => 'changed'));
      expect(error.kind).toBe('too-new');
      expect(error.message).toMatch(new RegExp(`SQL schema version 99; this one reads up to ${SQL_SCHEMA_VERSION}\\)$`));
    } finally {
      await store.close();
    }
  });

  it('connects when first used, not when opened: work that holds the event loop past the connect timeout in between costs nothing', async () => {
    // store copy reads a big JSON store (seconds of parsing and validating) after opening its target: a
    // connection begun at open could not be answered meanwhile, and pg's connect timer would fire first.
    const store = await openStore(locatorOf(url, 'busy'), { timeoutMs: 5000, staleMs: 5000, connectTimeoutMs: 300 });
    try {
      const until = Date.now() + 600;
      while (Date.now() < until); // a synchronous stretch, as JSON.parse of a big file is
      expect(await store.exists()).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('lends pg a navigator only while it loads', async () => {
    const driver = await openPostgresDriver(locatorOf(url, 'navigator'));
    await driver.close();
    expect('navigator' in globalThis).toBe(Number(process.versions.node.split('.')[0]) >= 21);
  });

  it("serialises one business's writers on its row: read-modify-write from two connections loses nothing", async () => {
    const drivers: SqlDriver[] = [await openPostgresDriver(locatorOf(url, 'counter')), await openPostgresDriver(locatorOf(url, 'counter'))];
    await drivers[0]!.write(async (tx) => {
      await tx.query(`INSERT INTO businesses (business_id, doc, schema_version) VALUES ('counter', '{}', 5)`);
      await tx.query(`INSERT INTO sequences (business_id, series, last) VALUES ('counter', 'INV', 0)`);
    });
    const bump = (driver: SqlDriver) =>
      driver.write(async (tx) => {
        const [row] = await tx.query<{ last: string }>(`SELECT last FROM sequences WHERE business_id = 'counter'`);
        await new Promise((resolve) => setTimeout(resolve, 2));
        await tx.query(`UPDATE sequences SET last = $1 WHERE business_id = 'counter'`, [Number(row!.last) + 1]);
      });
    await Promise.all(Array.from({ length: 40 }, (_, index) => bump(drivers[index % 2]!)));
    const [row] = await drivers[0]!.read((tx) => tx.query(`SELECT last FROM sequences WHERE business_id = 'counter'`));
    for (const driver of drivers) await driver.close();
    expect(row).toEqual({ last: '40' });
  });
});
