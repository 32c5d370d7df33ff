/**
 * How an issued invoice ends: paid (in one or more payments), voided, or — for mistakes — deleted with a
 * copy kept in the audit log. Numbers of deleted invoices are never given again. A payment recorded by
 * mistake is removed (unpay), kept in the invoice's history and the audit log. Credit notes, refunds and
 * write-offs have modules of their own (credit-notes.ts, refunds.ts, write-offs.ts).
 */
import { invalid, refused } from './errors.js';
import * as fields from './fields.js';
import { invoiceLabel } from './invoices.js';
import { parseAmount } from './money.js';
import { displayMoney } from './money-format.js';
import { balanceOf, creditedOf, isCreditNote, netPaidOf, refundedOf, settlementStatus } from './status.js';
import type { Invoice, Payment, StoreDocument } from './types.js';

export interface PaymentInput {
  /** Decimal text; the whole balance when absent. */
  amount?: string;
  date: string;
  method?: string;
}

/** Records a payment; partial payments accumulate. Overpaying, and paying drafts or void invoices, is refused. */
export function applyPayment(invoice: Invoice, input: PaymentInput, today: string): Payment {
  const label = invoiceLabel(invoice);
  if (invoice.status === 'draft') throw refused(`invoice ${label} is a draft`, `issue it first: smallpay invoice issue ${invoice.id}`);
  if (invoice.status === 'void') throw refused(`invoice ${label} is void and cannot be paid`);
  if (isCreditNote(invoice)) throw refused(`${label} is a credit note: it has nothing to pay`);
  if (invoice.status === 'written-off') throw refused(`invoice ${label} is written off`);
  const balance = balanceOf(invoice);
  if (invoice.status === 'credited') throw refused(`invoice ${label} is fully credited: nothing is due`);
  if (invoice.status === 'paid' || balance <= 0) throw refused(`invoice ${label} is already paid in full`);
  if (input.date < invoice.issueDate) throw refused(`date: ${input.date} is before the invoice's issue date ${invoice.issueDate}`);
  if (input.date > today) throw refused(`date: ${input.date} is in the future (today is ${today}); record a payment when it arrives`);
  const amount = input.amount === undefined ? balance : parseAmount(input.amount, invoice.currency, 'amount');
  if (amount <= 0) throw invalid(`amount: must be greater than 0`);
  if (amount > balance) {
    throw refused(
      `amount: ${displayMoney(amount, invoice.currency)} is more than the balance due of ${displayMoney(balance, invoice.currency)} on ${label}`,
    );
  }
  const payment: Payment = { amount, date: input.date };
  if (input.method !== undefined) payment.method = fields.singleLine(input.method, 'method');
  invoice.payments.push(payment);
  invoice.paid += amount;
  invoice.status = settlementStatus(invoice);
  invoice.history.push({ at: today, event: 'payment', amount, date: input.date });
  return payment;
}

/** Voids an open invoice: it stays in the books, numbered, with nothing due. */
export function voidInvoice(invoice: Invoice, today: string, reason?: string): void {
  const label = invoiceLabel(invoice);
  if (invoice.status === 'draft') throw refused(`invoice ${label} is a draft`, `delete it instead: smallpay invoice delete ${invoice.id}`);
  if (invoice.status === 'void') throw refused(`invoice ${label} is already void`);
  if (isCreditNote(invoice)) throw refused(`${label} is a credit note and cannot be voided`, 'a credit note is final; issue a new invoice to undo it');
  if (creditedOf(invoice) > 0) throw refused(`invoice ${label} has credit notes and cannot be voided`, `smallpay invoice credit ${label} --all credits what is left`);
  if (invoice.status === 'written-off') throw refused(`invoice ${label} is written off and cannot be voided`);
  // Payments decide, not the status: an invoice of 0.00 is "paid" without any, and may be voided.
  if (invoice.payments.length > 0) {
    throw refused(
      invoice.status === 'paid'
        ? `invoice ${label} is paid and cannot be voided`
        : `invoice ${label} has payments of ${displayMoney(invoice.paid, invoice.currency)} and cannot be voided`,
    );
  }
  invoice.status = 'void';
  const text = reason === undefined ? undefined : fields.singleLine(reason, 'reason');
  invoice.history.push({ at: today, event: 'voided', ...(text !== undefined && { reason: text }) });
}

/**
 * Deletes a draft outright. An issued invoice is refused unless `force`; then it leaves the invoice list
 * but is kept whole in the audit log, and its number is never reused.
 */
export function deleteInvoice(doc: StoreDocument, invoice: Invoice, options: { force: boolean; today: string; reason?: string }): { audited: boolean } {
  const label = invoiceLabel(invoice);
  if (invoice.status !== 'draft' && !options.force) {
    throw refused(`invoice ${label} is issued and cannot be deleted`, `void it instead (smallpay invoice void ${label}), or pass --force to delete it and keep it in the audit log`);
  }
  // A credit note and the invoice it corrects refer to each other: deleting either would leave the other wrong.
  if (invoice.status !== 'draft' && isCreditNote(invoice)) throw refused(`${label} is a credit note and cannot be deleted`, 'a credit note is final; issue a new invoice to undo it');
  if (creditedOf(invoice) > 0) throw refused(`invoice ${label} has credit notes and cannot be deleted`);
  doc.invoices = doc.invoices.filter((candidate) => candidate !== invoice);
  if (invoice.status === 'draft') return { audited: false };
  const reason = options.reason === undefined ? undefined : fields.singleLine(options.reason, 'reason');
  doc.audit.push({ at: options.today, event: 'invoice.deleted', ...(reason !== undefined && { reason }), invoice });
  return { audited: true };
}

/**
 * Removes a payment recorded by mistake: `index` is 1-based, in the order `invoice show` lists the payments.
 * The payment stays in the invoice's history (payment-removed) and the invoice as it was goes to the audit
 * log (payment.removed). Refused when refunds would then exceed what remains paid, and on written-off
 * invoices (the write-off was measured against the payments).
 */
export function removePayment(doc: StoreDocument, invoice: Invoice, index: number, options: { today: string; reason?: string }): Payment {
  const label = invoiceLabel(invoice);
  if (isCreditNote(invoice)) throw refused(`${label} is a credit note: it has no payments`);
  if (invoice.status === 'written-off') throw refused(`invoice ${label} is written off; its payments can no longer change`);
  const payment = invoice.payments[index - 1];
  if (!Number.isSafeInteger(index) || index < 1 || payment === undefined) {
    throw invalid(
      invoice.payments.length === 0 ? `invoice ${label} has no payments` : `payment ${index}: invoice ${label} has payments 1 to ${invoice.payments.length}`,
      `smallpay invoice show ${label} lists them`,
    );
  }
  if (netPaidOf(invoice) - payment.amount < 0) {
    throw refused(`removing payment ${index} would leave refunds of ${displayMoney(refundedOf(invoice), invoice.currency)} larger than what was paid on ${label}`);
  }
  const reason = options.reason === undefined ? undefined : fields.singleLine(options.reason, 'reason');
  doc.audit.push({ at: options.today, event: 'payment.removed', ...(reason !== undefined && { reason }), invoice: structuredClone(invoice) });
  invoice.payments.splice(index - 1, 1);
  invoice.paid -= payment.amount;
  invoice.history.push({ at: options.today, event: 'payment-removed', payment, index, ...(reason !== undefined && { reason }) });
  invoice.status = settlementStatus(invoice);
  return payment;
}
