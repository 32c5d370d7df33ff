/**
 * Writes a changed document back as the rows that changed: a record whose JSON differs from the row read is
 * updated, a new one inserted, one gone from a collection that was read deleted; rows never read are never
 * touched. Audit entries are only ever appended. `insertDocument` writes a whole document into an empty
 * store in multi-row INSERTs (`store copy`: 100,000 invoices in a few statements per thousand rows).
 */
import type { Invoice, StoreDocument } from '../../domain/types.js';
import { CURRENT_SCHEMA_VERSION } from '../schema.js';
import type { SqlRunner } from './driver.js';
import { EVENT_COLUMNS, deleteEvents, eventRows, writeEvents } from './invoice-events.js';
import { insertMany, placeholders } from './insert-many.js';
import { DOCUMENT_FIELD, type LoadedRows } from './read-rows.js';
import { CUSTOMERS, INVOICES, OUTBOX, SCHEDULES, type Collection } from './rows.js';

/** What a write did, for tests and messages: rows inserted, updated and deleted. */
export interface WriteCounts {
  inserted: number;
  updated: number;
  deleted: number;
}

const COLLECTIONS = [CUSTOMERS, INVOICES, OUTBOX, SCHEDULES] as Collection<unknown>[];

/** Thrown for a row that breaks a UNIQUE rule of the database: the engine turns it into a one-line StoreError. */
export class DuplicateRowError extends Error {
  override readonly name = 'DuplicateRowError';
}

/** Whether the database refused a row for a UNIQUE or PRIMARY KEY rule (SQLite, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

async function guarded<T>(what: () => string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateRowError(what());
    throw error;
  }
}

function duplicateOf(collection: Collection<unknown>, record: unknown): string {
  const invoice = record as { number?: string | null; recurring?: { scheduleId: string; period: string } };
  if (collection === INVOICES) {
    return `another invoice already has number ${invoice.number ?? '(none)'}${invoice.recurring ? ` or bills period ${invoice.recurring.period} of schedule ${invoice.recurring.scheduleId}` : ''}`;
  }
  return `another ${collection.what} already has id '${(record as { id: string }).id}'`;
}

export async function writeChanges(tx: SqlRunner, business: string, read: LoadedRows, doc: StoreDocument): Promise<WriteCounts> {
  const counts: WriteCounts = { inserted: 0, updated: 0, deleted: 0 };
  const businessText = doc.business === null ? null : JSON.stringify(doc.business);
  if (businessText === null && read.businessText !== null) {
    await tx.query('DELETE FROM businesses WHERE business_id = $1', [business]);
    counts.deleted += 1;
  } else if (businessText !== null && read.businessText === null) {
    await tx.query('INSERT INTO businesses (business_id, doc, schema_version) VALUES ($1, $2, $3)', [business, businessText, CURRENT_SCHEMA_VERSION]);
    counts.inserted += 1;
  } else if (businessText !== null && (read.version !== CURRENT_SCHEMA_VERSION || !sameJson(businessText, read.businessText!))) {
    await tx.query('UPDATE businesses SET doc = $2, schema_version = $3 WHERE business_id = $1', [business, businessText, CURRENT_SCHEMA_VERSION]);
    counts.updated += 1;
  }

  for (const [series, last] of Object.entries(doc.sequences)) {
    const before = read.sequences[series];
    if (before === last) continue;
    if (before === undefined) await tx.query('INSERT INTO sequences (business_id, series, last) VALUES ($1, $2, $3)', [business, series, last]);
    else await tx.query('UPDATE sequences SET last = $3 WHERE business_id = $1 AND series = $2', [business, series, last]);
    counts[before === undefined ? 'inserted' : 'updated'] += 1;
  }
  for (const series of Object.keys(read.sequences)) {
    if (series in doc.sequences) continue;
    await tx.query('DELETE FROM sequences WHERE business_id = $1 AND series = $2', [business, series]);
    counts.deleted += 1;
  }

  for (const collection of COLLECTIONS) {
    const before = read.texts[collection.table];
    const records = doc[DOCUMENT_FIELD[collection.table]] as { id: string }[];
    const kept = new Set(records.map((record) => record.id));
    // Deletions first: a row removed may free a number or a period that a new row takes.
    for (const id of before.keys()) {
      if (kept.has(id)) continue;
      await tx.query(`DELETE FROM ${collection.table} WHERE business_id = $1 AND id = $2`, [business, id]);
      if (collection === INVOICES) await deleteEvents(tx, business, id);
      counts.deleted += 1;
    }
    const set = collection.columns.slice(1).map((column, index) => `${column} = $${index + 3}`).join(', ');
    for (const record of records) {
      const text = JSON.stringify(record);
      const old = before.get(record.id);
      if (old !== undefined && sameJson(text, old)) continue;
      const values = collection.values(record, text);
      await guarded(
        () => duplicateOf(collection, record),
        () =>
          old === undefined
            ? tx.query(`INSERT INTO ${collection.table} (business_id, ${collection.columns.join(', ')}) VALUES (${placeholders(values.length + 1, 1)})`, [business, ...values])
            : tx.query(`UPDATE ${collection.table} SET ${set} WHERE business_id = $1 AND id = $2`, [business, ...values]),
      );
      // An invoice's money events (invoice-events.ts) are rewritten with it.
      if (collection === INVOICES) await writeEvents(tx, business, record as Invoice, old !== undefined);
      counts[old === undefined ? 'inserted' : 'updated'] += 1;
    }
  }

  const appended = doc.audit.slice(read.auditRead);
  if (appended.length > 0) {
    const [row] = await tx.query('SELECT COALESCE(MAX(seq), 0) AS last FROM audit WHERE business_id = $1', [business]);
    const first = Number(row?.last ?? 0) + 1;
    await insertMany(tx, 'audit', ['business_id', 'seq', 'doc'], appended.map((entry, index) => [business, first + index, JSON.stringify(entry)]));
    counts.inserted += appended.length;
  }
  return counts;
}

/** Rows as written by one serializer compare as text; rows another wrote (jsonb, a hand edit) are normalised first. */
function sameJson(text: string, stored: string): boolean {
  if (text === stored) return true;
  try {
    return JSON.stringify(JSON.parse(stored)) === text;
  } catch {
    return false;
  }
}

/** Every row of a whole document, in multi-row INSERTs: the store must be empty. */
export async function insertDocument(tx: SqlRunner, business: string, doc: StoreDocument): Promise<void> {
  if (doc.business !== null) {
    await tx.query('INSERT INTO businesses (business_id, doc, schema_version) VALUES ($1, $2, $3)', [business, JSON.stringify(doc.business), CURRENT_SCHEMA_VERSION]);
  }
  await insertMany(tx, 'sequences', ['business_id', 'series', 'last'], Object.entries(doc.sequences).map(([series, last]) => [business, series, last]));
  for (const collection of COLLECTIONS) {
    const records = doc[DOCUMENT_FIELD[collection.table]] as unknown[];
    await insertMany(tx, collection.table, ['business_id', ...collection.columns], records.map((record) => [business, ...collection.values(record, JSON.stringify(record))]));
  }
  await insertMany(tx, 'invoice_events', EVENT_COLUMNS, doc.invoices.flatMap((invoice) => eventRows(business, invoice)));
  await insertMany(tx, 'audit', ['business_id', 'seq', 'doc'], doc.audit.map((entry, index) => [business, index + 1, JSON.stringify(entry)]));
}
