/**
 * Refunds: money paid back to the customer, typically after a credit note on a paid invoice. A refund is
 * the opposite of a payment: it raises the balance by its amount, and reports count it against received.
 * The default amount is what is owed back (the negative balance); no refund may exceed what was paid and
 * not yet refunded.
 */
import { invalid, refused } from './errors.js';
import * as fields from './fields.js';
import { invoiceLabel } from './invoices.js';
import { parseAmount } from './money.js';
import { displayMoney } from './money-format.js';
import { balanceOf, isCreditNote, netPaidOf, refundDueOf, settlementStatus } from './status.js';
import type { Invoice, Refund } from './types.js';

export interface RefundInput {
  /** Decimal text; what is owed back when absent. */
  amount?: string;
  date: string;
  method?: string;
}

export function applyRefund(invoice: Invoice, input: RefundInput, today: string): Refund {
  const label = invoiceLabel(invoice);
  const money = (minor: number) => displayMoney(minor, invoice.currency);
  if (isCreditNote(invoice)) throw refused(`${label} is a credit note`, `record the refund on the invoice it corrects (${invoice.precedingInvoice?.number ?? 'see invoice show'})`);
  if (invoice.status === 'draft') throw refused(`invoice ${label} is a draft`);
  if (invoice.status === 'void') throw refused(`invoice ${label} is void`);
  if (invoice.status === 'written-off') throw refused(`invoice ${label} is written off`);
  if (input.date < invoice.issueDate) throw refused(`date: ${input.date} is before the invoice's issue date ${invoice.issueDate}`);
  if (input.date > today) throw refused(`date: ${input.date} is in the future (today is ${today}); record a refund when it is made`);
  const refundable = netPaidOf(invoice);
  if (refundable <= 0) throw refused(`nothing was paid on ${label}, so nothing can be refunded`);
  let amount: number;
  if (input.amount === undefined) {
    amount = refundDueOf(invoice);
    if (amount === 0) throw refused(`nothing is owed back on ${label} (balance due ${money(balanceOf(invoice))})`, `credit it first (smallpay invoice credit ${label}), or give --amount`);
  } else {
    amount = parseAmount(input.amount, invoice.currency, 'amount');
  }
  if (amount <= 0) throw invalid('amount: must be greater than 0');
  if (amount > refundable) throw refused(`amount: ${money(amount)} is more than the ${money(refundable)} paid on ${label}`);
  const refund: Refund = { amount, date: input.date };
  if (input.method !== undefined) refund.method = fields.singleLine(input.method, 'method');
  invoice.refunds = [...(invoice.refunds ?? []), refund];
  invoice.history.push({ at: today, event: 'refund', amount, date: input.date });
  invoice.status = settlementStatus(invoice);
  return refund;
}
