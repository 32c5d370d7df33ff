import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { optionalDate, optionalString, singleArgument } from '../../cli/flags.js';
import { singleLine } from '../../domain/fields.js';
import { findInvoice, invoiceLabel } from '../../domain/invoices.js';
import { displayMoney } from '../../domain/money-format.js';
import { writeOffInvoice } from '../../domain/write-offs.js';
import { changedInvoiceOutput } from './output.js';
import { invoiceScope } from '../../cli/scopes.js';

export interface WriteOffInvoiceOptions {
  invoice: string;
  reason?: string;
  date?: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): WriteOffInvoiceOptions {
  const reason = optionalString(opts, 'reason');
  const date = optionalDate(opts, 'date', '--date');
  return {
    invoice: singleArgument(args, 'invoice number or id'),
    ...(reason !== undefined && { reason: singleLine(reason, '--reason') }),
    ...(date !== undefined && { date }),
    json: opts.json === true,
  };
}

export async function run(options: WriteOffInvoiceOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const { invoice, writeOff } = await (await deps.store()).update((doc) => {
    const invoice = findInvoice(doc, options.invoice);
    const writeOff = writeOffInvoice(invoice, { date: options.date ?? today, ...(options.reason !== undefined && { reason: options.reason }) }, today);
    return { invoice, writeOff };
  }, invoiceScope(options.invoice));
  deps.io.err.write(`Wrote off ${displayMoney(writeOff.amount, invoice.currency)} on ${invoiceLabel(invoice)} as bad debt\n`);
  return changedInvoiceOutput(invoice, options.json, deps);
}
