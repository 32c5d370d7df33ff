import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { findInvoice, invoiceLabel } from '../../domain/invoices.js';
import { displayMoney } from '../../domain/money-format.js';
import { applyRefund } from '../../domain/refunds.js';
import { balanceOf, refundDueOf } from '../../domain/status.js';
import { type MoneyMovementOptions, toMoneyMovementOptions } from './money-movement.js';
import { changedInvoiceOutput } from './output.js';
import { invoiceScope } from '../../cli/scopes.js';

export type RefundInvoiceOptions = MoneyMovementOptions;

export const toOptions: (raw: RawInput) => RefundInvoiceOptions = toMoneyMovementOptions;

export async function run(options: RefundInvoiceOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const { invoice, refund } = await (await deps.store()).update((doc) => {
    const invoice = findInvoice(doc, options.invoice);
    const refund = applyRefund(
      invoice,
      { date: options.date ?? today, ...(options.amount !== undefined && { amount: options.amount }), ...(options.method !== undefined && { method: options.method }) },
      today,
    );
    return { invoice, refund };
  }, invoiceScope(options.invoice));
  const money = (minor: number) => displayMoney(minor, invoice.currency);
  const owed = refundDueOf(invoice);
  deps.io.err.write(`Recorded a refund of ${money(refund.amount)} on ${invoiceLabel(invoice)}; ${owed > 0 ? `still owed back ${money(owed)}` : `balance due ${money(balanceOf(invoice))}`}\n`);
  return changedInvoiceOutput(invoice, options.json, deps);
}
