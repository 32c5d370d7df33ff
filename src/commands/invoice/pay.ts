import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { applyPayment } from '../../domain/invoice-settlement.js';
import { findInvoice, invoiceLabel } from '../../domain/invoices.js';
import { displayMoney } from '../../domain/money-format.js';
import { balanceOf } from '../../domain/status.js';
import { type MoneyMovementOptions, toMoneyMovementOptions } from './money-movement.js';
import { changedInvoiceOutput } from './output.js';
import { invoiceScope } from '../../cli/scopes.js';

export type PayInvoiceOptions = MoneyMovementOptions;

export const toOptions: (raw: RawInput) => PayInvoiceOptions = toMoneyMovementOptions;

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
  }, invoiceScope(options.invoice));
  const money = (minor: number) => displayMoney(minor, invoice.currency);
  deps.io.err.write(`Recorded ${money(payment.amount)} on ${invoiceLabel(invoice)}; ${invoice.status === 'paid' ? 'paid in full' : `balance due ${money(balanceOf(invoice))}`}\n`);
  return changedInvoiceOutput(invoice, options.json, deps);
}
