/**
 * Which invoices a batch command works on: numbers or ids given as arguments, or --all narrowed by the list
 * filters (--status, --customer, --from, --to). Shared by `invoice pdf` and `invoice export`, so both pick
 * the same invoices for the same flags.
 */
import { customerIdForFilter } from '../domain/customers.js';
import { type InvoiceFilter, STATUS_FILTERS, type StatusFilter, selectInvoices } from '../domain/invoice-query.js';
import { findInvoice } from '../domain/invoices.js';
import type { Invoice, StoreDocument } from '../domain/types.js';
import type { ScopeFrom, StoreScope } from '../store/store.js';
import { UsageError } from './errors.js';
import { flag, optionalDate, optionalString } from './flags.js';
import { filterScope } from './scopes.js';

export interface InvoiceSelection {
  invoices: string[];
  all: boolean;
  filter: Omit<InvoiceFilter, 'customerId'>;
  customer?: string;
}

export function invoiceSelection(args: string[], opts: Record<string, unknown>): InvoiceSelection {
  const status = optionalString(opts, 'status');
  if (status !== undefined && !STATUS_FILTERS.includes(status as StatusFilter)) throw new UsageError(`--status: '${status}' is not one of ${STATUS_FILTERS.join(', ')}`);
  const from = optionalDate(opts, 'from', '--from');
  const to = optionalDate(opts, 'to', '--to');
  const customer = optionalString(opts, 'customer');
  const all = flag(opts, 'all');
  const filtering = all || status !== undefined || from !== undefined || to !== undefined || customer !== undefined;
  if (args.length > 0 && filtering) throw new UsageError('give invoice numbers, or --all and the list filters, not both');
  if (args.length === 0 && !filtering) throw new UsageError('missing invoice number (or --all, --status, --customer, --from, --to for many)');
  return {
    invoices: args,
    all,
    filter: { ...(status !== undefined && { status: status as StatusFilter }), ...(from !== undefined && { from }), ...(to !== undefined && { to }) },
    ...(customer !== undefined && { customer }),
  };
}

export function chosenInvoices(doc: StoreDocument, selection: InvoiceSelection, today: string): Invoice[] {
  if (selection.invoices.length > 0) return selection.invoices.map((reference) => findInvoice(doc, reference));
  const filter: InvoiceFilter = { ...selection.filter, ...(selection.customer !== undefined && { customerId: customerIdForFilter(doc, selection.customer) }) };
  return selectInvoices(doc.invoices, filter, today);
}

/** What chosenInvoices needs read: the invoices named, or those the filters may choose. */
export function selectionScope(selection: InvoiceSelection): StoreScope | ScopeFrom {
  return selection.invoices.length > 0 ? { invoices: { refs: selection.invoices } } : filterScope(selection.filter, selection.customer);
}
