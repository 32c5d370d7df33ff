import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { optionalString, singleArgument } from '../../cli/flags.js';
import { singleLine } from '../../domain/fields.js';
import { voidInvoice } from '../../domain/invoice-settlement.js';
import { findInvoice, invoiceLabel } from '../../domain/invoices.js';
import { changedInvoiceOutput } from './output.js';
import { invoiceScope } from '../../cli/scopes.js';

export interface VoidInvoiceOptions {
  invoice: string;
  reason?: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): VoidInvoiceOptions {
  const reason = optionalString(opts, 'reason');
  return { invoice: singleArgument(args, 'invoice number or id'), ...(reason !== undefined && { reason: singleLine(reason, '--reason') }), json: opts.json === true };
}

export async function run(options: VoidInvoiceOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const invoice = await (await deps.store()).update((doc) => {
    const invoice = findInvoice(doc, options.invoice);
    voidInvoice(invoice, today, options.reason);
    return invoice;
  }, invoiceScope(options.invoice));
  deps.io.err.write(`Voided ${invoiceLabel(invoice)}\n`);
  return changedInvoiceOutput(invoice, options.json, deps);
}
