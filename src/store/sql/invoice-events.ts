/**
 * invoice_events (schema version 2, tables.ts): one row per payment, refund and write-off of an invoice, as the
 * domain lists them (moneyEvents), with the invoice's currency, status and type, so that the dashboard sums
 * money by date in SQL without reading a document. Always rewritten with its invoice, in the same transaction:
 * a changed invoice has its rows deleted and inserted again, a deleted invoice has them deleted.
 */
import { moneyEvents } from '../../domain/reports/dashboard-facts.js';
import type { Invoice } from '../../domain/types.js';
import type { SqlRunner, SqlValue } from './driver.js';
import { insertMany } from './insert-many.js';

export const EVENT_COLUMNS = ['business_id', 'invoice_id', 'seq', 'kind', 'event_date', 'currency', 'amount', 'status', 'invoice_type'] as const;

/** The rows of an invoice's events, in EVENT_COLUMNS' order. */
export function eventRows(business: string, invoice: Invoice): SqlValue[][] {
  return moneyEvents(invoice).map((event, seq) => [business, invoice.id, seq, event.kind, event.date, invoice.currency, event.amount, invoice.status, invoice.type ?? 'invoice']);
}

export async function deleteEvents(tx: SqlRunner, business: string, invoiceId: string): Promise<void> {
  await tx.query('DELETE FROM invoice_events WHERE business_id = $1 AND invoice_id = $2', [business, invoiceId]);
}

/** Replaces the events of an invoice (`existed`: it had a row, so it may have events to delete). */
export async function writeEvents(tx: SqlRunner, business: string, invoice: Invoice, existed: boolean): Promise<void> {
  if (existed) await deleteEvents(tx, business, invoice.id);
  await insertMany(tx, 'invoice_events', EVENT_COLUMNS, eventRows(business, invoice));
}
