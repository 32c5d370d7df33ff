/**
 * Reads the rows of one business into a StoreDocument: the whole book, or the part a scope names (store.ts).
 * Keeps the JSON text of every row read, which is what a write compares against to find the rows that changed.
 * A row whose JSON does not parse is left out and reported as a problem: `read` refuses the store for it,
 * `readForCheck` lists it.
 */
import type { StoreDocument } from '../../domain/types.js';
import { CURRENT_SCHEMA_VERSION } from '../schema.js';
import type { ScopeFrom, StoreScope } from '../store.js';
import type { SqlRow, SqlRunner, SqlValue } from './driver.js';
import { getOrCreate } from '../../domain/reports/common.js';
import { EVENT_COLUMNS, eventRows } from './invoice-events.js';
import { CUSTOMERS, INVOICES, OUTBOX, SCHEDULES, invoiceCondition, type Collection } from './rows.js';

export type CollectionTable = Collection<unknown>['table'];

export interface LoadedRows {
  doc: StoreDocument;
  /** The document's own schema version as the rows were written (the business row's), before any migration. */
  version: number;
  /** The JSON text of each row read, by table and id. */
  texts: Record<CollectionTable, Map<string, string>>;
  businessText: string | null;
  sequences: Record<string, number>;
  /** How many audit entries were read: those after them are new. */
  auditRead: number;
  problems: string[];
}

/** Which collection of the document each table fills. */
export const DOCUMENT_FIELD = { customers: 'customers', invoices: 'invoices', outbox: 'outbox', schedules: 'recurring' } as const;

export async function readRows(tx: SqlRunner, business: string, given: StoreScope | ScopeFrom | undefined, insertionOrder: string): Promise<LoadedRows> {
  const problems: string[] = [];
  const texts: LoadedRows['texts'] = { customers: new Map(), invoices: new Map(), outbox: new Map(), schedules: new Map() };
  const parse = (what: string, key: string, text: SqlValue | undefined): unknown => {
    try {
      return JSON.parse(String(text));
    } catch {
      problems.push(`${what} '${key}': its stored JSON does not parse`);
      return undefined;
    }
  };
  const records = async <R>(collection: Collection<R>, where = '', params: SqlValue[] = []): Promise<R[]> => {
    const rows = await tx.query(`SELECT id, doc FROM ${collection.table} WHERE business_id = $1${where} ORDER BY ${insertionOrder}`, [business, ...params]);
    const out: R[] = [];
    for (const row of rows) {
      const id = String(row.id);
      const record = parse(collection.what, id, row.doc) as (R & { id?: unknown }) | undefined;
      if (record === undefined) continue;
      if (typeof record !== 'object' || record === null || record.id !== id) {
        problems.push(`${collection.what} '${id}': its stored JSON is not the record of that id`);
        continue;
      }
      texts[collection.table].set(id, String(row.doc));
      out.push(record);
    }
    return out;
  };

  const [businessRow] = await tx.query<SqlRow>('SELECT doc, schema_version FROM businesses WHERE business_id = $1', [business]);
  const businessDoc = businessRow === undefined ? null : (parse('business', business, businessRow.doc) ?? null);
  const version = businessRow === undefined ? CURRENT_SCHEMA_VERSION : Number(businessRow.schema_version);
  const sequences: Record<string, number> = {};
  for (const row of await tx.query('SELECT series, last FROM sequences WHERE business_id = $1', [business])) sequences[String(row.series)] = Number(row.last);
  const customers = await records(CUSTOMERS);
  const recurring = await records(SCHEDULES);
  const books = (): StoreDocument => ({ schemaVersion: version, business: businessDoc as StoreDocument['business'], customers, invoices: [], sequences, audit: [], outbox: [], recurring });
  const scope = typeof given === 'function' ? scopeFrom(given, books) : given;

  const whole = scope === undefined || scope.invoices === 'all';
  const condition = whole || scope?.invoices === undefined ? undefined : invoiceCondition(scope.invoices as Exclude<StoreScope['invoices'], 'all' | undefined>, 2);
  const invoices = whole ? await records(INVOICES) : condition === undefined ? [] : await records(INVOICES, ` AND (${condition.sql})`, condition.params);

  let outbox;
  if (whole || scope?.outbox === 'all') outbox = await records(OUTBOX);
  else {
    const any: string[] = [];
    if (condition !== undefined) any.push(`invoice_id IN (SELECT id FROM invoices WHERE business_id = $1 AND (${condition.sql}))`);
    if (scope?.outbox === 'active') any.push(`state NOT IN ('sent', 'cancelled')`);
    outbox = any.length === 0 ? [] : await records(OUTBOX, ` AND (${any.join(' OR ')})`, condition?.params ?? []);
  }

  const audit: StoreDocument['audit'] = [];
  if (scope === undefined || scope.audit === 'all') {
    for (const row of await tx.query('SELECT seq, doc FROM audit WHERE business_id = $1 ORDER BY seq', [business])) {
      const entry = parse('audit entry', String(row.seq), row.doc);
      if (entry !== undefined) audit.push(entry as StoreDocument['audit'][number]);
    }
  }

  const doc: StoreDocument = {
    schemaVersion: version,
    business: businessDoc as StoreDocument['business'],
    customers,
    invoices,
    sequences,
    audit,
    outbox,
    recurring,
  };
  return { doc, version, texts, businessText: businessRow === undefined ? null : String(businessRow.doc), sequences: { ...sequences }, auditRead: audit.length, problems };
}

/** A scope worked out from the books read so far; a damaged row or a mistake in it reads everything instead. */
function scopeFrom(from: ScopeFrom, books: () => StoreDocument): StoreScope | undefined {
  try {
    return from(structuredClone(books()));
  } catch {
    return undefined;
  }
}

/**
 * Rows whose columns disagree with their own record (a hand edit of one but not the other): scoped reads
 * filter and the UNIQUE rules work on the columns, so `verify` reports every such row.
 */
export async function columnProblems(tx: SqlRunner, business: string, doc: StoreDocument): Promise<string[]> {
  const problems: string[] = [];
  for (const collection of [CUSTOMERS, INVOICES, OUTBOX, SCHEDULES] as Collection<unknown>[]) {
    const columns = collection.columns.slice(0, -1);
    if (columns.length < 2) continue;
    const stored = new Map<string, SqlRow>();
    for (const row of await tx.query(`SELECT ${columns.join(', ')} FROM ${collection.table} WHERE business_id = $1`, [business])) stored.set(String(row.id), row);
    for (const record of doc[DOCUMENT_FIELD[collection.table]] as { id: string }[]) {
      const row = stored.get(record.id);
      if (row === undefined) continue;
      const expected = collection.values(record, '');
      columns.forEach((column, index) => {
        const want = expected[index] ?? null;
        const have = row[column] ?? null;
        if (want === null ? have !== null : have === null || String(have) !== String(want)) {
          problems.push(`${collection.what} '${record.id}': column ${column} is ${JSON.stringify(have)} but its record says ${JSON.stringify(want)}`);
        }
      });
    }
  }
  problems.push(...(await eventProblems(tx, business, doc)));
  return problems;
}

/** Rows of invoice_events that are not exactly the money events of their invoice's record (schema version 2). */
async function eventProblems(tx: SqlRunner, business: string, doc: StoreDocument): Promise<string[]> {
  const line = (row: readonly (SqlValue | undefined)[]) => row.map((value) => String(value ?? null)).join(' ');
  const stored = new Map<string, string[]>();
  const columns = EVENT_COLUMNS.slice(1);
  for (const row of await tx.query(`SELECT ${columns.join(', ')} FROM invoice_events WHERE business_id = $1`, [business])) {
    getOrCreate(stored, String(row.invoice_id), () => []).push(line(columns.map((column) => row[column])));
  }
  const problems: string[] = [];
  for (const invoice of doc.invoices) {
    const want = eventRows(business, invoice).map((row) => line(row.slice(1))).sort();
    const have = (stored.get(invoice.id) ?? []).sort();
    stored.delete(invoice.id);
    if (want.join('\n') !== have.join('\n')) problems.push(`invoice '${invoice.id}': its rows in invoice_events (payments, refunds, write-off) disagree with its record`);
  }
  for (const id of stored.keys()) problems.push(`invoice_events: rows for invoice '${id}', which does not exist`);
  return problems;
}
