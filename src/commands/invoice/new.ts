import type { RawInput } from '../../cli/command.js';
import { readIssueFacts } from '../../cli/issue-facts.js';
import type { Deps } from '../../cli/deps.js';
import { CancelledError, UsageError } from '../../cli/errors.js';
import { exclusive, optionalDate, optionalString, optionalTerms } from '../../cli/flags.js';
import { NUMBERING } from '../../cli/scopes.js';
import { documentFieldsFromFlags } from '../../cli/document-flags.js';
import { readInvoiceDocument } from '../../cli/invoice-document.js';
import { flagFieldLabel, itemsFromFlags } from '../../cli/item-flags.js';
import { canPrompt } from '../../cli/io.js';
import { requireSellerCountry } from '../../domain/business.js';
import { currency as checkCurrency } from '../../domain/fields.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { type InvoiceInput, createInvoice } from '../../domain/invoices.js';
import { displayMoney } from '../../domain/money-format.js';
import type { ItemInput } from '../../domain/totals.js';
import type { StoreDocument } from '../../domain/types.js';
import { cell } from '../../render/text.js';
import { askCustomer, askItems, writesDecimalComma } from './ask.js';
import { changedInvoiceOutput } from './output.js';

export interface NewInvoiceOptions {
  input?: string;
  /** What the flags gave; they win over the --input document. */
  flags: Partial<Omit<InvoiceInput, 'items'>> & { items?: ItemInput[] };
  json: boolean;
}

export function toOptions({ opts }: RawInput): NewInvoiceOptions {
  exclusive(opts, ['due', 'terms']);
  const items = itemsFromFlags(opts);
  const input = optionalString(opts, 'input');
  if (input !== undefined && items !== undefined) throw new UsageError('give the items either with --item or in the --input document, not both');
  const flags: NewInvoiceOptions['flags'] = documentFieldsFromFlags(opts);
  const customer = optionalString(opts, 'customer');
  const issueDate = optionalDate(opts, 'date', '--date');
  const dueDate = optionalDate(opts, 'due', '--due');
  const terms = optionalTerms(opts, 'terms', '--terms');
  const currency = optionalString(opts, 'currency');
  const note = optionalString(opts, 'note');
  if (customer !== undefined) flags.customer = customer;
  if (items !== undefined) flags.items = items;
  if (issueDate !== undefined) flags.issueDate = issueDate;
  if (dueDate !== undefined) flags.dueDate = dueDate;
  if (issueDate !== undefined && dueDate !== undefined && dueDate < issueDate) throw new UsageError(`--due ${dueDate} is before --date ${issueDate}`);
  if (terms !== undefined) flags.terms = terms;
  if (currency !== undefined) flags.currency = checkCurrency(currency, '--currency');
  if (note !== undefined) flags.note = note;
  if (opts.draft === true) flags.draft = true;
  return { ...(input !== undefined && { input }), flags, json: opts.json === true };
}

async function completeInput(options: NewInvoiceOptions, deps: Deps, doc: () => Promise<StoreDocument>): Promise<{ input: InvoiceInput; asked: boolean }> {
  const document = options.input === undefined ? {} : await readInvoiceDocument(options.input, deps.io);
  // A due date and terms say the same thing: the one a flag gives replaces the other from the document.
  if (options.flags.terms !== undefined) delete document.dueDate;
  if (options.flags.dueDate !== undefined) delete document.terms;
  const merged = { ...document, ...options.flags };
  const fromFlags = options.flags.items !== undefined;
  let { customer, items } = merged;
  if (customer !== undefined && items !== undefined) return { input: { ...merged, customer, items, ...(fromFlags && { itemLabel: flagFieldLabel }) }, asked: false };
  if (!canPrompt(deps.io)) {
    throw new UsageError(`${customer === undefined ? '--customer' : '--item (with --price)'} is required (no terminal to ask on)`);
  }
  const current = await doc();
  // Before any question: answers given for an invoice that cannot be made would be lost.
  requireSellerCountry(requireBusiness(current));
  customer ??= await askCustomer(current, deps);
  items ??= await askItems(deps, { taxRate: current.business?.tax?.defaultRate ?? '0', decimalComma: writesDecimalComma(deps.env) });
  return { input: { ...merged, customer, items, ...(fromFlags && { itemLabel: flagFieldLabel }) }, asked: true };
}

/**
 * The seller's country must be known before an invoice is made (lines that name no VAT category get the
 * customer's treatment, or the small-business category, in the core: createInvoice).
 */
function createWithSellerCountry(doc: StoreDocument, input: InvoiceInput, context: Parameters<typeof createInvoice>[2]) {
  requireSellerCountry(requireBusiness(doc));
  return createInvoice(doc, input, context);
}

/**
 * After questions, the invoice as it will be (computed by the core on a copy of the store, so the figures
 * are the ones that will be stored), and a last chance to say no before it is issued.
 */
async function confirmPreview(doc: StoreDocument, input: InvoiceInput, context: { today: string; id: string }, deps: Deps): Promise<void> {
  const preview = createWithSellerCountry(structuredClone(doc), input, context);
  const { renderInvoiceDetail } = await import('../../render/invoice-views.js');
  deps.io.err.write(`\n${renderInvoiceDetail({ ...preview, history: [] }, context.today, deps.io)}\n`);
  const total = displayMoney(preview.total, preview.currency);
  const question = preview.number ? `Issue ${preview.number} to ${cell(preview.customer.name)} for ${total}?` : `Save this draft for ${cell(preview.customer.name)} (${total})?`;
  if (!(await deps.prompter.confirm(question, true))) throw new CancelledError('cancelled');
}

export async function run(options: NewInvoiceOptions, deps: Deps): Promise<string> {
  const store = await deps.store();
  // The questions and the preview need the settings and customers only, as the invoice itself does.
  const { input, asked } = await completeInput(options, deps, () => store.read({}));
  const today = deps.today();
  const id = deps.newId('inv');
  if (asked) await confirmPreview(await store.read({}), input, { today, id }, deps);
  // No other invoice is read: the number comes from the series' counter, and the database's unique index
  // on numbers backs it up (see store.ts on scopes); the audit log holds the numbers of deleted invoices.
  const invoice = await store.update(async (doc) => createWithSellerCountry(doc, input, { today, id, facts: input.draft ? {} : await readIssueFacts(doc.business) }), NUMBERING);
  const amount = displayMoney(invoice.total, invoice.currency);
  deps.io.err.write(
    invoice.number
      ? `Issued ${invoice.number} to ${cell(invoice.customer.name)}: ${amount}, due ${invoice.dueDate}\n`
      : `Drafted ${invoice.id} for ${cell(invoice.customer.name)}: ${amount}; issue it with smallpay invoice issue ${invoice.id}\n`,
  );
  return changedInvoiceOutput(invoice, options.json, deps);
}
