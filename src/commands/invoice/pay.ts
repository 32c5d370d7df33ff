import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalDate, optionalString, singleArgument } from '../../cli/flags.js';
import { parseDecimal } from '../../domain/decimal.js';
import { singleLine } from '../../domain/fields.js';
import { applyPayment } from '../../domain/invoice-settlement.js';
import { findInvoice, invoiceLabel } from '../../domain/invoices.js';
import { displayMoney } from '../../domain/money-format.js';
import { balanceOf } from '../../domain/status.js';
import { changedInvoiceOutput } from './output.js';

export interface PayInvoiceOptions {
  invoice: string;
  amount?: string;
  date?: string;
  method?: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): PayInvoiceOptions {
  const amount = optionalString(opts, 'amount');
  if (amount !== undefined) {
    const value = parseDecimal(amount);
    if (!value) throw new UsageError(`--amount: '${amount}' is not a decimal amount (write it like 1234.56)`);
    if (value.coef <= 0n) throw new UsageError('--amount: must be greater than 0');
  }
  const date = optionalDate(opts, 'date', '--date');
  const method = optionalString(opts, 'method');
  return {
    invoice: singleArgument(args, 'invoice number or id'),
    ...(amount !== undefined && { amount }),
    ...(date !== undefined && { date }),
    ...(method !== undefined && { method: singleLine(method, '--method') }),
    json: opts.json === true,
  };
}

export async function run(options: PayInvoiceOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const { invoice, payment } = await (await deps.store()).update((doc) => {
    const invoice = findInvoice(doc, options.invoice);
    const payment = applyPayment(
      invoice,
      { date: options.date ?? today, ...(options.amount !== undefined && { amount: options.amount }), ...(options.method !== undefined && { method: options.method }) },
      today,
    );
    return { invoice, payment };
  });
  const money = (minor: number) => displayMoney(minor, invoice.currency);
  deps.io.err.write(`Recorded ${money(payment.amount)} on ${invoiceLabel(invoice)}; ${invoice.status === 'paid' ? 'paid in full' : `balance due ${money(balanceOf(invoice))}`}\n`);
  return changedInvoiceOutput(invoice, options.json, deps);
}
