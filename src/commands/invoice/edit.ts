import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { exclusive, optionalDate, optionalString, optionalTerms, singleArgument } from '../../cli/flags.js';
import { documentFieldsFromFlags } from '../../cli/document-flags.js';
import { readInvoiceDocument } from '../../cli/invoice-document.js';
import { flagFieldLabel, itemsFromFlags } from '../../cli/item-flags.js';
import { currency as checkCurrency } from '../../domain/fields.js';
import { displayMoney } from '../../domain/money-format.js';
import { type InvoiceChanges, editInvoice, findInvoice, invoiceLabel } from '../../domain/invoices.js';
import { changedInvoiceOutput } from './output.js';
import { invoiceScope } from '../../cli/scopes.js';

export interface EditInvoiceOptions {
  invoice: string;
  input?: string;
  changes: InvoiceChanges;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): EditInvoiceOptions {
  exclusive(opts, ['due', 'terms']);
  const items = itemsFromFlags(opts);
  const input = optionalString(opts, 'input');
  if (input !== undefined && items !== undefined) throw new UsageError('give the items either with --item or in the --input document, not both');
  const changes: InvoiceChanges = documentFieldsFromFlags(opts);
  const issueDate = optionalDate(opts, 'date', '--date');
  const dueDate = optionalDate(opts, 'due', '--due');
  const terms = optionalTerms(opts, 'terms', '--terms');
  const note = optionalString(opts, 'note');
  const customer = optionalString(opts, 'customer');
  const currency = optionalString(opts, 'currency');
  if (items !== undefined) Object.assign(changes, { items, itemLabel: flagFieldLabel });
  if (issueDate !== undefined) changes.issueDate = issueDate;
  if (dueDate !== undefined) changes.dueDate = dueDate;
  if (terms !== undefined) changes.terms = terms;
  if (note !== undefined) changes.note = note;
  if (customer !== undefined) changes.customer = customer;
  if (currency !== undefined) changes.currency = checkCurrency(currency, '--currency');
  if (input === undefined && Object.keys(changes).length === 0) {
    throw new UsageError('nothing to change: give --item, --date, --due, --terms, --note, --customer, --currency, --service-date, --period, --po, --buyer-reference, --contract, --invoice-discount, --charge or --input');
  }
  return { invoice: singleArgument(args, 'invoice number or id'), ...(input !== undefined && { input }), changes, json: opts.json === true };
}

export async function run(options: EditInvoiceOptions, deps: Deps): Promise<string> {
  let changes = options.changes;
  if (options.input !== undefined) {
    const { draft: _draft, ...document } = await readInvoiceDocument(options.input, deps.io);
    if (changes.terms !== undefined) delete document.dueDate;
    if (changes.dueDate !== undefined) delete document.terms;
    changes = { ...document, ...changes };
  }
  const today = deps.today();
  const invoice = await (await deps.store()).update((doc) => editInvoice(doc, findInvoice(doc, options.invoice), changes, today), invoiceScope(options.invoice));
  deps.io.err.write(`Updated ${invoiceLabel(invoice)}: total ${displayMoney(invoice.total, invoice.currency)}, due ${invoice.dueDate}\n`);
  return changedInvoiceOutput(invoice, options.json, deps);
}
