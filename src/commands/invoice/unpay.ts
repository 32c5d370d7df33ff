import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalString } from '../../cli/flags.js';
import { singleLine } from '../../domain/fields.js';
import { removePayment } from '../../domain/invoice-settlement.js';
import { findInvoice, invoiceLabel } from '../../domain/invoices.js';
import { displayMoney } from '../../domain/money-format.js';
import { balanceOf } from '../../domain/status.js';
import { changedInvoiceOutput } from './output.js';
import { invoiceScope } from '../../cli/scopes.js';

export interface UnpayInvoiceOptions {
  invoice: string;
  /** 1-based, as `invoice show` lists the payments. */
  index: number;
  reason?: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): UnpayInvoiceOptions {
  const [invoice, index] = args;
  if (invoice === undefined || invoice.trim() === '') throw new UsageError('missing invoice number or id');
  if (index === undefined) throw new UsageError('missing payment index (1 for the first payment invoice show lists)');
  if (!/^[1-9][0-9]{0,5}$/.test(index)) throw new UsageError(`payment index: '${index}' is not a number from 1 (the first payment invoice show lists)`);
  const reason = optionalString(opts, 'reason');
  return { invoice, index: Number(index), ...(reason !== undefined && { reason: singleLine(reason, '--reason') }), json: opts.json === true };
}

export async function run(options: UnpayInvoiceOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const { invoice, payment } = await (await deps.store()).update((doc) => {
    const invoice = findInvoice(doc, options.invoice);
    const payment = removePayment(doc, invoice, options.index, { today, ...(options.reason !== undefined && { reason: options.reason }) });
    return { invoice, payment };
  }, invoiceScope(options.invoice));
  const money = (minor: number) => displayMoney(minor, invoice.currency);
  deps.io.err.write(`Removed payment ${options.index} (${money(payment.amount)} of ${payment.date}) from ${invoiceLabel(invoice)}; balance due ${money(balanceOf(invoice))}\n`);
  return changedInvoiceOutput(invoice, options.json, deps);
}
