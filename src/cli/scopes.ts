/**
 * What of the books a command reads (store.ts, "Scopes"): everything the domain function it feeds looks at,
 * and no more, so that on SQLite and PostgreSQL a command on one invoice or customer costs the same at
 * 1,000 invoices as at 1,000,000. docs/store.md has the table of what each command reads.
 */
import { lookupCustomer } from '../domain/customers.js';
import type { InvoiceFilter } from '../domain/invoice-query.js';
import type { ScopeFrom, StoreScope } from '../store/store.js';

/**
 * What giving out an invoice number also reads: the audit log, where the numbers of invoices deleted with
 * --force live on (numberInUse refuses them). Numbers of invoices still there are unique in the database too.
 */
export const NUMBERING: StoreScope = { audit: 'all' };

/** One invoice or credit note by number or id, with its outbox jobs (wasSent, planSend read them). */
export function invoiceScope(ref: string): StoreScope {
  return { invoices: { refs: [ref] } };
}

/**
 * Every invoice of the customer a reference names, by id or email, found inside the transaction. A
 * reference that names no live customer reads the invoices still carrying it as their customer's id: a
 * removed customer's, which customerIdForFilter finds that way.
 */
export function customerScope(ref: string, more: Omit<StoreScope, 'invoices'> = {}): ScopeFrom {
  return (books) => ({ invoices: { customers: [lookupCustomer(books, ref)?.id ?? ref.trim()] }, ...more });
}

/**
 * The invoices a list filter may choose: those of one of its conditions (a scope names a union, a filter
 * an intersection), which the filter then narrows exactly. refund-due is worked out from payments and
 * credits, so it reads them all.
 */
export function filterScope(filter: Omit<InvoiceFilter, 'customerId'>, customer: string | undefined): StoreScope | ScopeFrom {
  if (customer !== undefined) return customerScope(customer);
  const { status, from, to } = filter;
  if (status !== undefined && status !== 'refund-due') return { invoices: { statuses: status === 'overdue' ? ['open', 'partial'] : [status] } };
  if (from !== undefined || to !== undefined) return { invoices: { ...(from !== undefined && { issuedFrom: from }), ...(to !== undefined && { issuedTo: to }) } };
  return { invoices: 'all' };
}
