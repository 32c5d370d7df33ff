import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { CancelledError, UsageError } from '../../cli/errors.js';
import { flag, optionalString, singleArgument } from '../../cli/flags.js';
import { canPrompt } from '../../cli/io.js';
import { singleLine } from '../../domain/fields.js';
import { deleteInvoice } from '../../domain/invoice-settlement.js';
import { findInvoice, invoiceLabel } from '../../domain/invoices.js';
import { invoiceJson, toJsonText } from '../../render/json.js';
import { cell } from '../../render/text.js';
import { invoiceScope } from '../../cli/scopes.js';

export interface DeleteInvoiceOptions {
  invoice: string;
  force: boolean;
  yes: boolean;
  reason?: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): DeleteInvoiceOptions {
  const reason = optionalString(opts, 'reason');
  return {
    invoice: singleArgument(args, 'invoice number or id'),
    force: flag(opts, 'force'),
    yes: flag(opts, 'yes'),
    ...(reason !== undefined && { reason: singleLine(reason, '--reason') }),
    json: flag(opts, 'json'),
  };
}

export async function run(options: DeleteInvoiceOptions, deps: Deps): Promise<string> {
  const store = await deps.store();
  const today = deps.today();
  const removal = { force: options.force, today, ...(options.reason !== undefined && { reason: options.reason }) };
  if (!options.yes) {
    if (!canPrompt(deps.io)) throw new UsageError('--yes is required to delete when not running interactively');
    // Try the deletion on the copy just read (never written), so a refusal comes before the question.
    const preview = await store.read(invoiceScope(options.invoice));
    const invoice = findInvoice(preview, options.invoice);
    deleteInvoice(preview, invoice, removal);
    const question = `Delete ${invoiceLabel(invoice)} (${cell(invoice.customer.name)})${invoice.status === 'draft' ? '' : '; it stays in the audit log'}?`;
    if (!(await deps.prompter.confirm(question))) throw new CancelledError('cancelled');
  }
  const { invoice, audited } = await store.update((doc) => {
    const invoice = findInvoice(doc, options.invoice);
    return { invoice, ...deleteInvoice(doc, invoice, removal) };
  }, invoiceScope(options.invoice));
  deps.io.err.write(`Deleted ${invoiceLabel(invoice)}${audited ? '; a copy is kept in the audit log (smallpay audit)' : ''}\n`);
  return options.json ? toJsonText(invoiceJson(invoice, today), deps.io.stdoutIsTTY) : `${invoice.number ?? invoice.id}\n`;
}
