/**
 * How an issued invoice ends: paid (in one or more payments), voided, or — for mistakes — deleted with a
 * copy kept in the audit log. Numbers of deleted invoices are never given again.
 */
import { invalid, refused } from './errors.js';
import * as fields from './fields.js';
import { invoiceLabel } from './invoices.js';
import { parseAmount } from './money.js';
import { displayMoney } from './money-format.js';
import { balanceOf, statusForPaid } from './status.js';
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
  const balance = balanceOf(invoice);
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
  invoice.status = statusForPaid(invoice.total, invoice.paid);
  invoice.history.push({ at: today, event: 'payment', amount, date: input.date });
  return payment;
}

/** Voids an open invoice: it stays in the books, numbered, with nothing due. */
export function voidInvoice(invoice: Invoice, today: string, reason?: string): void {
  const label = invoiceLabel(invoice);
  if (invoice.status === 'draft') throw refused(`invoice ${label} is a draft`, `delete it instead: smallpay invoice delete ${invoice.id}`);
  if (invoice.status === 'void') throw refused(`invoice ${label} is already void`);
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
  doc.invoices = doc.invoices.filter((candidate) => candidate !== invoice);
  if (invoice.status === 'draft') return { audited: false };
  const reason = options.reason === undefined ? undefined : fields.singleLine(options.reason, 'reason');
  doc.audit.push({ at: options.today, event: 'invoice.deleted', ...(reason !== undefined && { reason }), invoice });
  return { audited: true };
}
