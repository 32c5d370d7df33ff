/**
 * SQLite keeps planner statistics (sqlite_stat1) up to date after writes (sqlite-driver.ts). Without them it
 * takes `business_id = ?`, the first column of every index, for a selective condition, though a SQLite file
 * holds one business, and finds an invoice by reading all of them (bench/engines.mjs, docs/performance.md).
 * What is checked is the plan SQLite chooses for the engine's own lookup, not a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSampleBusiness } from '../../src/commands/demo/sample.js';
import { emptyDocument } from '../../src/store/schema.js';
import { invoiceCondition } from '../../src/store/sql/rows.js';
import { openSqlStore } from '../../src/store/sql/sql-store.js';
import { Database } from '../support/sqlite.js';

let directory: string;
let path: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'smallpay-sqlstat-'));
  path = join(directory, 'books.db');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** How SQLite would run the engine's lookup of one invoice by number (read-rows.ts, rows.ts). */
function lookupPlan(file: string, number: string): string {
  const db = new Database!(file, { readonly: true });
  try {
    const condition = invoiceCondition({ refs: [number] }, 2)!;
    const sql = `SELECT id, doc FROM invoices WHERE business_id = $1 AND (${condition.sql}) ORDER BY rowid`.replace(/\$\d+/g, '?');
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('default', ...condition.params) as { detail: string }[];
    return rows.map((row) => row.detail).join('\n');
  } finally {
    db.close();
  }
}

describe.skipIf(Database === undefined)('SQLite planner statistics', () => {
  it('are there after a write, and a lookup by number searches the number index instead of reading every invoice', async () => {
    const store = await openSqlStore({ engine: 'sqlite', path, label: path }, { timeoutMs: 2000, staleMs: 2000 });
    const doc = emptyDocument();
    let counter = 0;
    buildSampleBusiness(doc, '2026-11-25', () => `inv_${String(++counter).padStart(4, '0')}`);
    // Enough invoices for reading them all to cost more than two index searches.
    const template = doc.invoices.find((invoice) => invoice.number !== undefined)!;
    for (let index = 0; index < 2000; index += 1) {
      doc.invoices.push({ ...structuredClone(template), id: `inv_copy${index}`, number: `COPY-${String(index).padStart(4, '0')}` });
    }
    await store.load(doc);
    await store.close();

    const db = new Database!(path, { readonly: true });
    const analysed = db.prepare(`SELECT idx FROM sqlite_stat1 WHERE tbl = 'invoices'`).all() as { idx: string }[];
    db.close();
    expect(analysed.map((row) => row.idx)).toContain('invoices_number_upper');

    const plan = lookupPlan(path, 'COPY-1000');
    expect(plan).toContain('MULTI-INDEX OR');
    expect(plan).toMatch(/invoices_number_upper \(business_id=\? AND <expr>=\?\)/);
  });
});
