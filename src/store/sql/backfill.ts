/**
 * What a SQL schema migration computes in JavaScript, after its statements (ddl.ts): values derived from each
 * record by the domain's own functions, which SQL cannot compute from the JSON text. BACKFILLS[n] runs after
 * MIGRATIONS[n] on a store that held rows (version n > 0), in the same write transaction; on PostgreSQL it
 * runs for every business in the database, past row-level security (DialectSql.backfill).
 */
import type { Invoice } from '../../domain/types.js';
import type { SqlRunner, SqlValue } from './driver.js';
import { EVENT_COLUMNS, eventRows } from './invoice-events.js';
import { INVOICES } from './rows.js';
import { insertMany } from './insert-many.js';

const BATCH = 1000;
const DERIVED = ['balance', 'paid_on', 'days_to_pay'];

/**
 * Version 1 → 2: balance, paid_on and days_to_pay of every invoice, and its rows of invoice_events. A page of
 * invoices at a time (keyset, over the primary key): a million invoices never sit in memory at once, and each
 * page is one UPDATE … FROM a list of values and a few multi-row INSERTs, not a statement per invoice.
 */
async function deriveInvoiceColumns(tx: SqlRunner): Promise<void> {
  const at = DERIVED.map((column) => INVOICES.columns.indexOf(column));
  let after: SqlValue[] = ['', ''];
  for (;;) {
    const rows = await tx.query(`SELECT business_id, id, doc FROM invoices WHERE (business_id, id) > ($1, $2) ORDER BY business_id, id LIMIT ${BATCH}`, after);
    if (rows.length === 0) return;
    const updates: SqlValue[][] = [];
    const events: SqlValue[][] = [];
    for (const row of rows) {
      const business = String(row.business_id);
      try {
        const invoice = JSON.parse(String(row.doc)) as Invoice;
        const values = INVOICES.values(invoice, '');
        updates.push([business, String(row.id), ...at.map((index) => values[index] ?? null)]);
        events.push(...eventRows(business, { ...invoice, id: String(row.id) }));
      } catch {
        // A row that does not parse stays as it is: reading refuses it and `verify` names it.
      }
    }
    if (updates.length > 0) {
      // Typed placeholders: PostgreSQL types a VALUES list by its first row; SQLite takes BIGINT as INTEGER.
      const tuples = updates.map((_, row) => `(CAST($${row * 5 + 1} AS TEXT), CAST($${row * 5 + 2} AS TEXT), CAST($${row * 5 + 3} AS BIGINT), CAST($${row * 5 + 4} AS TEXT), CAST($${row * 5 + 5} AS BIGINT))`);
      await tx.query(
        `WITH derived (business_id, id, balance, paid_on, days_to_pay) AS (VALUES ${tuples.join(', ')})
         UPDATE invoices SET balance = derived.balance, paid_on = derived.paid_on, days_to_pay = derived.days_to_pay
         FROM derived WHERE invoices.business_id = derived.business_id AND invoices.id = derived.id`,
        updates.flat(),
      );
    }
    await insertMany(tx, 'invoice_events', EVENT_COLUMNS, events);
    const last = rows[rows.length - 1]!;
    after = [last.business_id!, last.id!];
  }
}

export const BACKFILLS: Partial<Record<number, (tx: SqlRunner) => Promise<void>>> = { 1: deriveInvoiceColumns };
