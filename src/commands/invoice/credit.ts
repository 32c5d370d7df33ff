import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalDate, optionalString, singleArgument } from '../../cli/flags.js';
import { NUMBERING } from '../../cli/scopes.js';
import { readInvoiceDocument } from '../../cli/invoice-document.js';
import { flagFieldLabel, itemsFromFlags } from '../../cli/item-flags.js';
import { readIssueFacts } from '../../cli/issue-facts.js';
import { type CreditNoteInput, issueCreditNote } from '../../domain/credit-notes.js';
import { singleLine } from '../../domain/fields.js';
import { findInvoice, invoiceLabel } from '../../domain/invoices.js';
import { displayMoney } from '../../domain/money-format.js';
import { balanceOf, refundDueOf } from '../../domain/status.js';
import type { ItemInput } from '../../domain/totals.js';
import { changedInvoiceOutput } from './output.js';

export interface CreditInvoiceOptions {
  invoice: string;
  all: boolean;
  items?: ItemInput[];
  input?: string;
  reason?: string;
  date?: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): CreditInvoiceOptions {
  const items = itemsFromFlags(opts);
  const input = optionalString(opts, 'input');
  const all = opts.all === true;
  const given = [all && '--all', items !== undefined && '--item', input !== undefined && '--input'].filter(Boolean);
  if (given.length === 0) throw new UsageError('say what to credit: --all, --item … or --input <file|->');
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} cannot be used together`);
  const reason = optionalString(opts, 'reason');
  const date = optionalDate(opts, 'date', '--date');
  return {
    invoice: singleArgument(args, 'invoice number or id'),
    all,
    ...(items !== undefined && { items }),
    ...(input !== undefined && { input }),
    ...(reason !== undefined && { reason: singleLine(reason, '--reason') }),
    ...(date !== undefined && { date }),
    json: opts.json === true,
  };
}

/** The --input document: the items (and note, date, references) of the credit note; its parties are the invoice's. */
async function documentInput(input: string, deps: Deps): Promise<Partial<CreditNoteInput>> {
  const document = await readInvoiceDocument(input, deps.io);
  for (const field of ['customer', 'currency', 'dueDate', 'terms', 'draft'] as const) {
    if (document[field] !== undefined) throw new UsageError(`--input ${input}: ${field}: a credit note takes the invoice's customer, currency and terms; leave it out`);
  }
  if (document.items === undefined) throw new UsageError(`--input ${input}: items: missing; a credit note needs at least one item`);
  const { items, note, issueDate, purchaseOrder, buyerReference, contract } = document;
  return {
    items,
    ...(note !== undefined && { note }),
    ...(issueDate !== undefined && { issueDate }),
    ...(purchaseOrder !== undefined && { purchaseOrder }),
    ...(buyerReference !== undefined && { buyerReference }),
    ...(contract !== undefined && { contract }),
  };
}

export async function run(options: CreditInvoiceOptions, deps: Deps): Promise<string> {
  const fromDocument = options.input === undefined ? {} : await documentInput(options.input, deps);
  const input: CreditNoteInput = {
    ...fromDocument,
    ...(options.all && { all: true }),
    ...(options.items !== undefined && { items: options.items, itemLabel: flagFieldLabel }),
    ...(options.reason !== undefined && { reason: options.reason }),
    ...(options.date !== undefined && { issueDate: options.date }),
  };
  const today = deps.today();
  const id = deps.newId('inv');
  // What is left to credit is the invoice less its earlier credit notes: both are read.
  const { note, invoice } = await (await deps.store()).update(async (doc) => {
    const invoice = findInvoice(doc, options.invoice);
    // The logo's digest, frozen like an invoice's (issue 10): read here, since the core reads no files.
    const facts = await readIssueFacts(doc.business);
    return { note: issueCreditNote(doc, invoice, input, { today, id, facts }), invoice };
  }, { invoices: { refs: [options.invoice], creditNotesOf: [options.invoice] }, ...NUMBERING });
  const money = (minor: number) => displayMoney(minor, invoice.currency);
  const owed = refundDueOf(invoice);
  const after = owed > 0 ? `refund due ${money(owed)} (smallpay invoice refund ${invoiceLabel(invoice)})` : `balance due ${money(balanceOf(invoice))}`;
  deps.io.err.write(`Issued credit note ${invoiceLabel(note)} for ${money(note.total)} against ${invoiceLabel(invoice)}; ${invoice.status === 'credited' ? 'fully credited, ' : ''}${after}\n`);
  return changedInvoiceOutput(note, options.json, deps);
}
