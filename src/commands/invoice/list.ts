import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalDate, optionalString } from '../../cli/flags.js';
import { customerIdForFilter } from '../../domain/customers.js';
import { type InvoiceFilter, STATUS_FILTERS, type StatusFilter, TYPE_FILTERS, selectInvoices } from '../../domain/invoice-query.js';
import type { DocumentType } from '../../domain/types.js';
import type { StoreScope } from '../../store/store.js';
import { invoiceJson, jsonArrayChunks } from '../../render/json.js';

export interface ListInvoicesOptions {
  filter: Omit<InvoiceFilter, 'customerId'>;
  customer?: string;
  json: boolean;
}

export function toOptions({ opts }: RawInput): ListInvoicesOptions {
  const status = optionalString(opts, 'status');
  if (status !== undefined && !STATUS_FILTERS.includes(status as StatusFilter)) {
    throw new UsageError(`--status: '${status}' is not one of ${STATUS_FILTERS.join(', ')}`);
  }
  const type = optionalString(opts, 'type');
  if (type !== undefined && !TYPE_FILTERS.includes(type as DocumentType)) throw new UsageError(`--type: '${type}' is not one of ${TYPE_FILTERS.join(', ')}`);
  const from = optionalDate(opts, 'from', '--from');
  const to = optionalDate(opts, 'to', '--to');
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const customer = optionalString(opts, 'customer');
  return {
    filter: { ...(status !== undefined && { status: status as StatusFilter }), ...(type !== undefined && { type: type as DocumentType }), ...(from !== undefined && { from }), ...(to !== undefined && { to }) },
    ...(customer !== undefined && { customer }),
    json: opts.json === true,
  };
}

/**
 * The invoices a database needs to load for a status filter (the filter itself is applied exactly after):
 * overdue ones are open or partly paid; refund-due is worked out from payments and credits, so it loads all.
 */
function scopeFor(status: StatusFilter | undefined, customer: string | undefined): StoreScope {
  // A removed customer is found through its invoices (customerIdForFilter), so --customer reads them all.
  if (status === undefined || status === 'refund-due' || customer !== undefined) return { invoices: 'all' };
  return { invoices: { statuses: status === 'overdue' ? ['open', 'partial'] : [status] } };
}

export async function run(options: ListInvoicesOptions, deps: Deps): Promise<string | Iterable<string>> {
  const scope = scopeFor(options.filter.status, options.customer);
  const doc = await (await deps.store()).read(scope);
  const today = deps.today();
  const filter: InvoiceFilter = { ...options.filter, ...(options.customer !== undefined && { customerId: customerIdForFilter(doc, options.customer) }) };
  const invoices = selectInvoices(doc.invoices, filter, today);
  if (options.json) return jsonArrayChunks(invoices, (invoice) => invoiceJson(invoice, today), deps.io.stdoutIsTTY);
  if (invoices.length === 0) {
    const none = scope.invoices === 'all' && doc.invoices.length === 0;
    deps.io.err.write(none ? 'No invoices yet; create one with smallpay invoice new.\n' : 'No invoices match.\n');
    return '';
  }
  const { renderInvoiceList } = await import('../../render/invoice-views.js');
  return renderInvoiceList(invoices, today, deps.io);
}
