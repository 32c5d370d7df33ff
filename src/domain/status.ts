/**
 * An invoice's state. `status` is stored and changes only by lifecycle events (issue, pay, void);
 * "overdue" is derived from the due date and today, never stored, so it cannot go stale.
 */
import type { Invoice, InvoiceStatus } from './types.js';

export function balanceOf(invoice: Pick<Invoice, 'total' | 'paid' | 'status'>): number {
  if (invoice.status === 'void') return 0;
  return invoice.total - invoice.paid;
}

/** Open or partly paid, and the due date is before today (due today is not yet overdue). */
export function isOverdue(invoice: Pick<Invoice, 'status' | 'dueDate'>, today: string): boolean {
  return (invoice.status === 'open' || invoice.status === 'partial') && invoice.dueDate < today;
}

/** Unpaid work for a customer: drafts, open and partly paid invoices. */
export function isUnsettled(invoice: Pick<Invoice, 'status'>): boolean {
  return invoice.status === 'draft' || invoice.status === 'open' || invoice.status === 'partial';
}

/** The status an issued invoice has after payments totalling `paid`. */
export function statusForPaid(total: number, paid: number): InvoiceStatus {
  if (paid >= total) return 'paid';
  return paid > 0 ? 'partial' : 'open';
}
