/** Selecting and ordering invoices for lists and reports. */
import { isOverdue, refundDueOf } from './status.js';
import type { DocumentType, Invoice, InvoiceStatus } from './types.js';

/**
 * The stored statuses, and two derived ones: overdue (open or partly paid, past due) and refund-due (a
 * credit note on a paid invoice left money to pay back). credited (fully credited) and written-off are
 * statuses of their own rather than "a balance of zero": they say why nothing is due, and a fully credited
 * invoice may still owe the customer a refund. Credit notes have the status issued.
 */
export type StatusFilter = InvoiceStatus | 'overdue' | 'refund-due';
export const STATUS_FILTERS: readonly StatusFilter[] = ['draft', 'open', 'partial', 'paid', 'void', 'credited', 'written-off', 'issued', 'overdue', 'refund-due'];
export const TYPE_FILTERS: readonly DocumentType[] = ['invoice', 'credit-note'];

export interface InvoiceFilter {
  status?: StatusFilter;
  /** Invoices or credit notes only. */
  type?: DocumentType;
  customerId?: string;
  /** Issue dates, inclusive. */
  from?: string;
  to?: string;
}

export function matchesFilter(invoice: Invoice, filter: InvoiceFilter, today: string): boolean {
  if (filter.status !== undefined) {
    if (filter.status === 'overdue') {
      if (!isOverdue(invoice, today)) return false;
    } else if (filter.status === 'refund-due') {
      if (refundDueOf(invoice) === 0) return false;
    } else if (invoice.status !== filter.status) return false;
  }
  if (filter.type !== undefined && (invoice.type ?? 'invoice') !== filter.type) return false;
  if (filter.customerId !== undefined && invoice.customer.id !== filter.customerId) return false;
  if (filter.from !== undefined && invoice.issueDate < filter.from) return false;
  if (filter.to !== undefined && invoice.issueDate > filter.to) return false;
  return true;
}

/**
 * Issue date, then number. Numbers of one format compare by length first, so INV-2026-10000 sorts after
 * INV-2026-9999; drafts (no number yet) come after the issued invoices of their day.
 */
export function compareInvoices(a: Invoice, b: Invoice): number {
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  if (a.number === null || b.number === null) {
    if (a.number !== b.number) return a.number === null ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }
  if (a.number.length !== b.number.length) return a.number.length - b.number.length;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

export function selectInvoices(invoices: readonly Invoice[], filter: InvoiceFilter, today: string): Invoice[] {
  return invoices.filter((invoice) => matchesFilter(invoice, filter, today)).sort(compareInvoices);
}
