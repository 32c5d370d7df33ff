/**
 * The SQL engine on SQLite (better-sqlite3): scoped reads, writes of only the rows that changed, rollback,
 * the database's own UNIQUE rules, load/isEmpty/exists, schema versions and damage found by readForCheck.
 * Rows touched are observed with SQLite triggers on the real file, not with hooks in the engine.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSampleBusiness } from '../../src/commands/demo/sample.js';
import type { SendJob, StoreDocument } from '../../src/domain/types.js';
import { StoreError } from '../../src/store/errors.js';
import { emptyDocument } from '../../src/store/schema.js';
import { openSqlStore } from '../../src/store/sql/sql-store.js';
import { loadSqliteModule } from '../../src/store/sql/sqlite-driver.js';
import { SQL_SCHEMA_VERSION } from '../../src/store/sql/tables.js';
import { type Store, Unchanged } from '../../src/store/store.js';
import { Database as SqliteDatabase } from '../support/sqlite.js';

const Database = SqliteDatabase!;

let directory: string;
let path: string;
let store: Store;

const open = (file = path) => openSqlStore({ engine: 'sqlite', path: file, label: file }, { timeoutMs: 2000, staleMs: 2000 });

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'smallpay-sql-'));
  path = join(directory, 'nested', 'books.db');
  store = await open();
});
afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

function job(id: string, invoiceId: string, number: string, state: SendJob['state']): SendJob {
  return { id, invoiceId, number, kind: 'invoice', to: ['ap@globex.test'], cc: [], bcc: [], messageId: `<${id}@northwind.test>`, state, createdAt: '2026-11-20', attempts: state === 'sent' ? 1 : 0 };
}

/** The demo's books: paid, partly paid, open, overdue, void and draft invoices; plus outbox jobs and an audit entry. */
function sample(): StoreDocument {
  const doc = emptyDocument();
  let counter = 0;
  buildSampleBusiness(doc, '2026-11-25', () => `inv_${String(++counter).padStart(4, '0')}`);
  const [first, second] = doc.invoices;
  doc.outbox.push(job('job_sent', first!.id, first!.number!, 'sent'), job('job_pending', second!.id, second!.number!, 'pending'));
  doc.audit.push({ at: '2026-11-01', event: 'customer.removed', reason: 'test' });
  return doc;
}

const numbers = (doc: StoreDocument) => doc.invoices.map((invoice) => invoice.number ?? invoice.id);

/** Logs every row SQLite inserts, updates or deletes in the tables that hold records. */
function recordTouches(file: string): () => string[] {
  const db = new Database(file);
  db.exec('CREATE TABLE IF NOT EXISTS touched (what TEXT)');
  for (const table of ['businesses', 'customers', 'invoices', 'sequences', 'outbox', 'schedules', 'audit']) {
    const key = table === 'businesses' ? 'business_id' : table === 'sequences' ? 'series' : table === 'audit' ? 'seq' : 'id';
    for (const [event, row] of [['INSERT', 'NEW'], ['UPDATE', 'NEW'], ['DELETE', 'OLD']]) {
      db.exec(`CREATE TRIGGER touch_${table}_${event} AFTER ${event} ON ${table} BEGIN INSERT INTO touched VALUES ('${event} ${table} ' || ${row}.${key}); END`);
    }
  }
  db.close();
  return () => {
    const reader = new Database(file, { readonly: true });
    const rows = reader.prepare('SELECT what FROM touched').all() as { what: string }[];
    reader.close();
    return rows.map((row) => row.what);
  };
}

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe.skipIf(SqliteDatabase === undefined)('a SQLite store', () => {
  it('reads empty before the first write and creates nothing; the first write creates the file 0600', async () => {
    expect(await store.exists()).toBe(false);
    expect(await store.isEmpty()).toBe(true);
    expect(await store.read()).toEqual(emptyDocument());
    expect(() => statSync(path)).toThrow();
    expect(await store.update(() => new Unchanged('nothing to do'))).toBe('nothing to do');
    expect(await store.exists()).toBe(false);
    await store.update((doc) => void (doc.business = sample().business));
    expect(await store.exists()).toBe(true);
    expect(await store.isEmpty()).toBe(false);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(store.filesFolder).toBe(join(directory, 'nested'));
    expect(store.path).toBe(path);
  });

  it('load writes a whole document that reads back equal, and refuses a store that is not empty', async () => {
    const doc = sample();
    await store.load(doc);
    expect(await store.read()).toEqual(doc);
    const error = await storeError(store.load(doc));
    expect(error.message).toBe(`store ${path} is not empty`);
    expect(await store.read()).toEqual(doc);
  });

  it('loads only what a scope names: invoices by condition, their outbox jobs, audit only when asked', async () => {
    const doc = sample();
    await store.load(doc);
    const [paid, partial] = doc.invoices;

    const none = await store.read({});
    expect(none.invoices).toEqual([]);
    expect(none.outbox).toEqual([]);
    expect(none.audit).toEqual([]);
    expect(none.customers).toEqual(doc.customers);
    expect(none.sequences).toEqual(doc.sequences);
    expect(none.business).toEqual(doc.business);

    const one = await store.read({ invoices: { refs: [partial!.number!] } });
    expect(numbers(one)).toEqual([partial!.number]);
    expect(one.outbox.map((j) => j.id)).toEqual(['job_pending']);
    expect(numbers(await store.read({ invoices: { refs: [paid!.id] } }))).toEqual([paid!.number]);

    const unsettled = doc.invoices.filter((i) => ['open', 'partial'].includes(i.status));
    expect(unsettled.length).toBeGreaterThan(1);
    expect(numbers(await store.read({ invoices: { unsettled: true } }))).toEqual(numbers({ ...doc, invoices: unsettled }));
    expect((await store.read({ invoices: { drafts: true } })).invoices.map((i) => i.status)).toEqual(['draft']);
    expect(numbers(await store.read({ invoices: { customers: ['initech'] } }))).toEqual(numbers({ ...doc, invoices: doc.invoices.filter((i) => i.customer.id === 'initech') }));
    const from = doc.invoices[3]!.issueDate;
    expect(numbers(await store.read({ invoices: { issuedFrom: from, issuedTo: '2026-11-25' } }))).toEqual(numbers({ ...doc, invoices: doc.invoices.filter((i) => i.issueDate >= from) }));

    expect((await store.read({ outbox: 'active' })).outbox.map((j) => j.id)).toEqual(['job_pending']);
    expect((await store.read({ outbox: 'all' })).outbox.map((j) => j.id)).toEqual(['job_sent', 'job_pending']);
    expect((await store.read({ audit: 'all' })).audit).toEqual(doc.audit);
    expect(await store.read({ invoices: 'all', outbox: 'all', audit: 'all' })).toEqual(doc);
  });

  it('loads the credit notes of an invoice, the invoices with a waiting job, and scopes worked out from the customers', async () => {
    const doc = sample();
    const [paid, partial] = doc.invoices;
    const note = { ...structuredClone(paid!), id: 'inv_cn1', number: 'CN-2026-0001', type: 'credit-note' as const, status: 'issued' as const, paid: 0, payments: [], precedingInvoice: { invoiceId: paid!.id, number: paid!.number!, issueDate: paid!.issueDate } };
    doc.invoices.push(note);
    await store.load(doc);

    const credit = await store.read({ invoices: { refs: [paid!.number!], creditNotesOf: [paid!.number!.toLowerCase()] } });
    expect(numbers(credit)).toEqual([paid!.number, note.number]);
    expect(numbers(await store.read({ invoices: { creditNotesOf: [partial!.id] } }))).toEqual(paid!.customer.id === partial!.customer.id ? [note.number] : []);
    expect(numbers(await store.read({ invoices: { withActiveJobs: true } }))).toEqual([partial!.number]);

    let seen: StoreDocument | undefined;
    const customer = doc.customers.find((c) => c.id === partial!.customer.id)!;
    const byEmail = await store.read((books) => {
      seen = books;
      return { invoices: { customers: [books.customers.find((c) => c.email === customer.email)!.id] } };
    });
    expect(seen).toMatchObject({ invoices: [], outbox: [], audit: [], customers: doc.customers, business: doc.business });
    expect(numbers(byEmail)).toEqual(numbers({ ...doc, invoices: doc.invoices.filter((i) => i.customer.id === customer.id) }));
    // A scope that cannot be worked out reads everything: always a correct answer.
    const whole = await store.read(() => {
      throw new Error('no such customer');
    });
    expect(whole).toEqual(doc);
  });

  it('writes back only the rows that changed, and appends audit entries without loading the log', async () => {
    const doc = sample();
    await store.load(doc);
    const touched = recordTouches(path);
    const partial = doc.invoices[1]!;
    await store.update(
      (books) => {
        books.invoices[0]!.note = 'paid in full, thank you';
        books.audit.push({ at: '2026-11-25', event: 'payment.removed', reason: 'duplicate' });
      },
      { invoices: { refs: [partial.id, doc.invoices[0]!.id] } },
    );
    expect(touched()).toEqual([`UPDATE invoices ${doc.invoices[0]!.id}`, 'INSERT audit 2']);
    const after = await store.read();
    expect(after.invoices[0]!.note).toBe('paid in full, thank you');
    expect(after.invoices.slice(1)).toEqual(doc.invoices.slice(1));
    expect(after.audit.map((entry) => entry.event)).toEqual(['customer.removed', 'payment.removed']);
  });

  it('deletes a record removed from a collection it read, and never a row it did not read', async () => {
    const doc = sample();
    await store.load(doc);
    const draft = doc.invoices.find((i) => i.status === 'draft')!;
    await store.update((books) => void books.invoices.splice(books.invoices.findIndex((i) => i.id === draft.id), 1), { invoices: { drafts: true } });
    const after = await store.read();
    expect(after.invoices.map((i) => i.id)).toEqual(doc.invoices.filter((i) => i !== draft).map((i) => i.id));
  });

  it('an Unchanged change writes nothing; a change that throws rolls everything back', async () => {
    await store.load(sample());
    const touched = recordTouches(path);
    expect(await store.update(() => new Unchanged(42))).toBe(42);
    await expect(
      store.update((books) => {
        books.invoices[0]!.note = 'never stored';
        books.sequences['INV-2026'] = 999;
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(touched()).toEqual([]);
    expect((await store.read()).invoices[0]!.note).toBeUndefined();
  });

  it('refuses an invalid document as the JSON engine does, writing nothing', async () => {
    await store.load(sample());
    await expect(store.update((books) => void (books.invoices[0]!.total = 1.5))).rejects.toThrow(/refusing to write an invalid store: invoices\[0\]\.total/);
    expect((await store.read()).invoices[0]!.total).toBe(sample().invoices[0]!.total);
  });

  it('refuses a number another invoice already has even when the change did not load it', async () => {
    const doc = sample();
    await store.load(doc);
    const [first, second] = doc.invoices;
    const error = await storeError(store.update((books) => void (books.invoices[0]!.number = first!.number), { invoices: { refs: [second!.id] } }));
    expect(error.message).toBe(`store ${path}: nothing was changed: another invoice already has number ${first!.number}`);
    expect(numbers(await store.read())).toEqual(numbers(doc));
  });

  it('refuses a recurring period issued twice', async () => {
    const doc = sample();
    doc.invoices[0]!.recurring = { scheduleId: 'sch_monthly', period: '2026-10' };
    await store.load(doc);
    const error = await storeError(store.update((books) => void (books.invoices[0]!.recurring = { scheduleId: 'sch_monthly', period: '2026-10' }), { invoices: { refs: [doc.invoices[1]!.id] } }));
    expect(error.message).toMatch(/nothing was changed: another invoice already has number .* or bills period 2026-10 of schedule sch_monthly/);
  });

  it('keeps the order of records as they were added', async () => {
    await store.load(sample());
    await store.update((books) => void books.customers.push({ id: 'aaa', name: 'First by name', email: 'a@a.test', createdAt: '2026-11-25' }));
    expect((await store.read()).customers.map((c) => c.id)).toEqual(['globex', 'initech', 'umbrella', 'zoe', 'aaa']);
  });

  it('refuses a schema newer than this program, and the rows of a newer document schema', async () => {
    await store.load(sample());
    const db = new Database(path);
    db.prepare(`UPDATE meta SET value = '99' WHERE key = 'schema_version'`).run();
    db.close();
    for (const attempt of [store.read(), store.update(() => undefined)]) {
      const error = await storeError(attempt);
      expect(error.kind).toBe('too-new');
      expect(error.message).toBe(`store ${path} was written by a newer SmallPay (SQL schema version 99; this one reads up to ${SQL_SCHEMA_VERSION})`);
    }
    expect((await store.readForCheck()).problems).toEqual([`store ${path} was written by a newer SmallPay (SQL schema version 99; this one reads up to ${SQL_SCHEMA_VERSION})`]);

    const db2 = new Database(path);
    db2.prepare(`UPDATE meta SET value = $version WHERE key = 'schema_version'`).run({ version: String(SQL_SCHEMA_VERSION) });
    db2.prepare(`UPDATE businesses SET schema_version = 7`).run();
    db2.close();
    const error = await storeError(store.read());
    expect(error.kind).toBe('too-new');
    expect(error.message).toMatch(/schema version 7; this one reads up to 4/);
  });

  it('reports a row whose JSON is damaged: read refuses the store, readForCheck lists it', async () => {
    const doc = sample();
    await store.load(doc);
    const db = new Database(path);
    db.prepare('UPDATE invoices SET doc = $doc WHERE id = $id').run({ doc: '{"id": "inv_0002", truncated', id: 'inv_0002' });
    db.close();
    const error = await storeError(store.read());
    expect(error.kind).toBe('corrupt');
    expect(error.message).toBe(`store ${path} is invalid: invoice 'inv_0002': its stored JSON does not parse`);
    await expect(store.update(() => undefined)).rejects.toThrow(/its stored JSON does not parse/);
    const checked = await store.readForCheck();
    expect(checked.problems).toContain("invoice 'inv_0002': its stored JSON does not parse");
  });

  it('readForCheck finds no problem in sound books, and lists columns that disagree with their record', async () => {
    const doc = sample();
    await store.load(doc);
    expect(await store.readForCheck()).toEqual({ doc, problems: [] });
    const db = new Database(path);
    db.prepare(`UPDATE invoices SET number = 'INV-1999-0001', total = 1 WHERE id = 'inv_0001'`).run();
    db.close();
    expect((await store.readForCheck()).problems).toEqual([
      `invoice 'inv_0001': column number is "INV-1999-0001" but its record says "${doc.invoices[0]!.number}"`,
      `invoice 'inv_0001': column total is 1 but its record says ${doc.invoices[0]!.total}`,
    ]);
  });

  it('reports a file that is not a SQLite database, without overwriting it', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    const other = join(directory, 'not-a.db');
    writeFileSync(other, 'this is not a database, but it is long enough to look like a header of one..........');
    const damaged = await open(other);
    const error = await storeError(damaged.read());
    expect(error.kind).toBe('corrupt');
    expect(error.message).toMatch(new RegExp(`^store ${other} is not a SQLite database or is damaged`));
    expect((await damaged.readForCheck()).problems).toHaveLength(1);
    expect(await damaged.exists()).toBe(true);
    await damaged.close();
    expect(readFileSync(other, 'utf8')).toMatch(/^this is not a database/);
  });

  it('says in one line how to install SQLite support when better-sqlite3 cannot be loaded', async () => {
    const error = await storeError(loadSqliteModule('/tmp/books.db', 'better-sqlite3-missing'));
    expect(error.kind).toBe('io');
    expect(error.message).toMatch(/^store \/tmp\/books\.db: SQLite support is not installed \(better-sqlite3-missing could not be loaded: .*\); install it with: npm install better-sqlite3@12$/);
    expect(error.message).not.toContain('\n');
  });
});
