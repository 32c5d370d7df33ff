/**
 * SQL schema version 2 (issue 13, the dashboard in SQL): a version-1 store, made with version 1's own DDL, is
 * migrated forward in the write transaction and its derived columns and invoice_events filled from each record;
 * on PostgreSQL for every business in the database, not only the one that opened it. And `verify` (readForCheck)
 * names a derived column or an event row that a hand edit made disagree with its record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseStoreLocator } from '../../src/cli/store-locator.js';
import { dashboardFacts } from '../../src/domain/reports/dashboard-facts.js';
import type { Period } from '../../src/domain/reports/dashboard.js';
import type { StoreDocument } from '../../src/domain/types.js';
import { dialectSql } from '../../src/store/sql/ddl.js';
import { openSqlStore } from '../../src/store/sql/sql-store.js';
import { SQL_SCHEMA_VERSION } from '../../src/store/sql/tables.js';
import type { Store } from '../../src/store/store.js';
import { TODAY, reportDatasetWithCorrections } from '../domain/reports/dataset.js';
import { connectAsSuperuser, postgresAvailable, postgresUrl, withDatabase } from '../support/postgres.js';
import { Database as SqliteDatabase } from '../support/sqlite.js';

const Database = SqliteDatabase!;
const PERIOD: Period = { from: '2025-12-01', to: TODAY };
const VERSION_1_INVOICE_COLUMNS = 'business_id, id, number, type, status, customer_id, issue_date, due_date, currency, total, paid, recurring_schedule, recurring_period, doc';

/** Books with payments, refunds, a write-off and credit notes in two currencies (test/domain/reports/dataset.ts). */
const books = (): StoreDocument => reportDatasetWithCorrections().doc;

/** Payments, refunds and write-offs: a row of invoice_events each. */
const eventsOf = (doc: StoreDocument) => doc.invoices.reduce((n, i) => n + i.payments.length + (i.refunds?.length ?? 0) + (i.writeOff ? 1 : 0), 0);

async function expectMigrated(store: Store, doc: StoreDocument): Promise<void> {
  expect(await store.dashboardFacts!(PERIOD, TODAY)).toEqual(dashboardFacts(doc.invoices, PERIOD, TODAY));
  expect((await store.readForCheck()).problems).toEqual([]);
  expect(await store.read()).toEqual(doc);
}

describe.skipIf(SqliteDatabase === undefined)('SQL schema version 2 on SQLite', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'smallpay-schema2-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));
  const open = (file: string) => openSqlStore({ engine: 'sqlite', path: file, label: file }, { timeoutMs: 2000, staleMs: 2000 });

  /** A version-1 file: version 1's statements, and the rows of a version-2 store copied into its columns. */
  async function version1Store(doc: StoreDocument): Promise<string> {
    const current = join(directory, 'current.db');
    const store = await open(current);
    await store.load(doc);
    await store.close();
    const path = join(directory, 'v1.db');
    const db = new Database(path);
    for (const statement of dialectSql('sqlite').migrations[0]!) db.exec(statement);
    db.exec(`INSERT INTO meta (key, value) VALUES ('schema_version', '1')`);
    db.exec(`ATTACH DATABASE '${current}' AS current`);
    for (const table of ['businesses', 'customers', 'sequences', 'outbox', 'schedules', 'audit']) db.exec(`INSERT INTO ${table} SELECT * FROM current.${table}`);
    db.exec(`INSERT INTO invoices SELECT ${VERSION_1_INVOICE_COLUMNS} FROM current.invoices ORDER BY rowid`);
    db.exec('DETACH DATABASE current');
    db.close();
    return path;
  }

  it('migrates a version-1 store forward: new columns and invoice_events filled from each record', async () => {
    const doc = books();
    const path = await version1Store(doc);
    const store = await open(path);
    try {
      await expectMigrated(store, doc);
      const db = new Database(path, { readonly: true });
      const version = db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as { value: string };
      const events = db.prepare('SELECT COUNT(*) AS n FROM invoice_events').get() as { n: number };
      const unfilled = db.prepare('SELECT COUNT(*) AS n FROM invoices WHERE balance IS NULL').get() as { n: number };
      db.close();
      expect(version.value).toBe(String(SQL_SCHEMA_VERSION));
      const expected = eventsOf(doc);
      expect(expected).toBeGreaterThan(10);
      expect([events.n, unfilled.n]).toEqual([expected, 0]);
    } finally {
      await store.close();
    }
  });

  it('verify names a derived column or an event row that disagrees with its record', async () => {
    const path = join(directory, 'books.db');
    const doc = books();
    const store = await open(path);
    try {
      await store.load(doc);
      const paid = doc.invoices.find((invoice) => invoice.status === 'paid')!;
      const open = doc.invoices.find((invoice) => invoice.status === 'open')!;
      const db = new Database(path);
      db.prepare('UPDATE invoices SET balance = balance + 1 WHERE id = ?').run(open.id);
      db.prepare(`UPDATE invoice_events SET amount = amount + 1 WHERE invoice_id = ? AND kind = 'payment'`).run(paid.id);
      db.prepare(`INSERT INTO invoice_events VALUES ('default', 'inv_ghost', 0, 'payment', '2026-11-01', 'EUR', 100, 'paid', 'invoice')`).run();
      db.close();
      expect((await store.readForCheck()).problems).toEqual([
        `invoice '${open.id}': column balance is ${open.total + 1} but its record says ${open.total}`,
        `invoice '${paid.id}': its rows in invoice_events (payments, refunds, write-off) disagree with its record`,
        `invoice_events: rows for invoice 'inv_ghost', which does not exist`,
      ]);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!postgresAvailable)('SQL schema version 2 on PostgreSQL', () => {
  it('migrates a version-1 database forward for every business in it, run by an owner bound by row-level security', async () => {
    // As on a managed service: the database belongs to an ordinary role, whom FORCE ROW LEVEL SECURITY binds.
    const name = `schema2_${Math.random().toString(36).slice(2, 10)}`;
    const admin = await connectAsSuperuser();
    try {
      await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD 'owner-secret'`);
      await admin.query(`CREATE ROLE ${name}_acme LOGIN PASSWORD 'acme-secret'`);
      await admin.query(`CREATE DATABASE ${name} OWNER ${name}`);
    } finally {
      await admin.end();
    }
    const ownerUrl = withDatabase(postgresUrl!, name, { user: name, password: 'owner-secret' });
    const open = (business: string) => openSqlStore(parseStoreLocator(`${ownerUrl}?business=${business}`, {}), { timeoutMs: 5000, staleMs: 5000, createSchema: true });
    const docs = { acme: books(), globex: books() };
    for (const [business, doc] of Object.entries(docs)) {
      const store = await open(business);
      await store.load(doc);
      await store.close();
    }
    // Back to what version 1's DDL made: no invoice_events, no derived columns, version 1's indexes; and a
    // business role made then.
    const client = await connectAsSuperuser(name);
    const superuser = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];
    try {
      // load() vacuumed and analysed what it wrote (ddl.ts afterLoad): pages all-visible, rows counted.
      expect(await superuser(`SELECT relallvisible > 0 AND reltuples > 0 AS vacuumed FROM pg_class WHERE oid = 'smallpay.invoices'::regclass`)).toEqual([{ vacuumed: true }]);
      await superuser(`DROP TABLE smallpay.invoice_events`);
      for (const index of ['invoices_issued', 'invoices_status_currency', 'invoices_paid_on']) await superuser(`DROP INDEX smallpay.${index}`);
      await superuser(`ALTER TABLE smallpay.invoices DROP COLUMN balance, DROP COLUMN paid_on, DROP COLUMN days_to_pay`);
      await superuser(`CREATE INDEX invoices_status ON smallpay.invoices (business_id, status)`);
      await superuser(`CREATE INDEX invoices_issue_date ON smallpay.invoices (business_id, issue_date)`);
      await superuser(`UPDATE smallpay.meta SET value = '1' WHERE key = 'schema_version'`);
      await superuser(`INSERT INTO smallpay.roles (role_name, business_id) VALUES ('${name}_acme', 'acme')`);
      // A mapping whose role was dropped by hand: the migration's grants pass over it.
      await superuser(`INSERT INTO smallpay.roles (role_name, business_id) VALUES ('${name}_gone', 'gone')`);
      for (const grant of [
        `GRANT USAGE ON SCHEMA smallpay TO ${name}_acme`,
        `GRANT SELECT ON smallpay.meta TO ${name}_acme`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON smallpay.businesses, smallpay.customers, smallpay.invoices, smallpay.sequences, smallpay.outbox, smallpay.schedules TO ${name}_acme`,
        `GRANT SELECT, INSERT ON smallpay.audit TO ${name}_acme`,
        `GRANT USAGE ON ALL SEQUENCES IN SCHEMA smallpay TO ${name}_acme`,
        `GRANT EXECUTE ON FUNCTION smallpay.current_business() TO ${name}_acme`,
      ]) {
        await superuser(grant);
      }
      // The business role cannot upgrade the schema, and says who can, in one line; nothing changes.
      const asRole = await openSqlStore(parseStoreLocator(`${withDatabase(postgresUrl!, name, { user: `${name}_acme`, password: 'acme-secret' })}?business=acme`, {}), { timeoutMs: 5000, staleMs: 5000 });
      try {
        await expect(asRole.read()).rejects.toThrow(/needs its SQL schema upgraded from version 1 to 2, which only the owner of its tables may do$/);
      } finally {
        await asRole.close();
      }
      expect(await superuser(`SELECT value FROM smallpay.meta WHERE key = 'schema_version'`)).toEqual([{ value: '1' }]);

      const globex = await open('globex');
      try {
        await expectMigrated(globex, docs.globex);
      } finally {
        await globex.close();
      }
      // Opening globex's books migrated acme's rows too, and bound the owner again.
      expect(await superuser(`SELECT count(*)::int AS unfilled FROM smallpay.invoices WHERE balance IS NULL`)).toEqual([{ unfilled: 0 }]);
      expect(await superuser(`SELECT business_id, count(*)::int AS events FROM smallpay.invoice_events GROUP BY 1 ORDER BY 1`)).toEqual([
        { business_id: 'acme', events: eventsOf(docs.acme) },
        { business_id: 'globex', events: eventsOf(docs.globex) },
      ]);
      expect(await superuser(`SELECT relname, relforcerowsecurity AS forced FROM pg_class WHERE relname IN ('invoices', 'invoice_events') ORDER BY 1`)).toEqual([
        { relname: 'invoice_events', forced: true },
        { relname: 'invoices', forced: true },
      ]);
      expect(await superuser(`SELECT has_table_privilege('${name}_acme', 'smallpay.invoice_events', 'SELECT, INSERT, DELETE') AS granted`)).toEqual([{ granted: true }]);
      // Inserting an event draws its ord from the table's own sequence: a role made before version 2 needs it too.
      expect(await superuser(`SELECT has_sequence_privilege('${name}_acme', 'smallpay.invoice_events_ord_seq', 'USAGE') AS granted`)).toEqual([{ granted: true }]);
    } finally {
      await client.end();
    }
    const acme = await open('acme');
    try {
      await expectMigrated(acme, docs.acme);
    } finally {
      await acme.close();
    }
  });
});
