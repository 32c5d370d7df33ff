/**
 * An invoice's state. `status` is stored and changes only by lifecycle events (issue, pay, credit, refund,
 * write off, void); "overdue" and "refund due" are derived from the due date, today and the balance, never
 * stored, so they cannot go stale.
 *
 * The balance of an invoice (what the customer still owes; negative: what the business owes them back):
 *   balance = total − credited − paid + refunded − written off
 * EN 16931's amount due (BT-115) is total − paid (+ rounding): credit notes are documents of their own, so
 * the invoice keeps its total and the credit notes that correct it lower its balance here.
 * Worked example: an invoice of 119.00, paid 119.00, then a credit note of 23.80: balance −23.80 (refund
 * due); a refund of 23.80 brings it to 0.00 and the invoice stays "paid".
 *
 * A fully credited invoice (status `credited`) owes nothing for its goods: its balance is refunded − paid.
 * That equals the formula above when the credit notes add up to the total, and also holds when several
 * partial credit notes, each with its own VAT rounding, credited every net amount of the invoice but differ
 * from its total by a rounding cent per VAT group (see credit-notes.ts).
 *
 * Credit notes have no balance to collect: their status is `issued` and their balance 0.
 */
import type { Invoice, InvoiceStatus } from './types.js';

type Money = Pick<Invoice, 'total' | 'paid' | 'status'> & Partial<Pick<Invoice, 'type' | 'credited' | 'refunds' | 'writeOff'>>;

export function isCreditNote(invoice: Pick<Invoice, 'type'>): boolean {
  return invoice.type === 'credit-note';
}

export function creditedOf(invoice: Pick<Invoice, 'credited'>): number {
  return invoice.credited ?? 0;
}

export function refundedOf(invoice: Pick<Invoice, 'refunds'>): number {
  return (invoice.refunds ?? []).reduce((sum, refund) => sum + refund.amount, 0);
}

export function writtenOffOf(invoice: Pick<Invoice, 'writeOff'>): number {
  return invoice.writeOff?.amount ?? 0;
}

/** What the customer paid and kept: payments less refunds. */
export function netPaidOf(invoice: Pick<Invoice, 'paid' | 'refunds'>): number {
  return invoice.paid - refundedOf(invoice);
}

export function balanceOf(invoice: Money): number {
  if (invoice.status === 'void' || isCreditNote(invoice)) return 0;
  if (invoice.status === 'credited') return refundedOf(invoice) - invoice.paid;
  return invoice.total - creditedOf(invoice) - netPaidOf(invoice) - writtenOffOf(invoice);
}

/** What the business owes the customer back (a credit note on a paid invoice): 0 unless the balance is negative. */
export function refundDueOf(invoice: Money): number {
  return Math.max(0, 0 - balanceOf(invoice));
}

/** Open or partly paid, and the due date is before today (due today is not yet overdue). */
export function isOverdue(invoice: Pick<Invoice, 'status' | 'dueDate'>, today: string): boolean {
  return (invoice.status === 'open' || invoice.status === 'partial') && invoice.dueDate < today;
}

/** Unpaid work for a customer: drafts, open and partly paid invoices. */
export function isUnsettled(invoice: Pick<Invoice, 'status'>): boolean {
  return invoice.status === 'draft' || invoice.status === 'open' || invoice.status === 'partial';
}

/** The status an issued invoice has after payments totalling `paid` (and nothing credited, refunded or written off). */
export function statusForPaid(total: number, paid: number): InvoiceStatus {
  if (paid >= total) return 'paid';
  return paid > 0 ? 'partial' : 'open';
}

/**
 * The status the money of an issued invoice gives it. Written off and fully credited are final (a credit
 * note cannot be taken back); otherwise paid when what was paid and kept covers the total less credit notes.
 * `fullyCredited` is the credit-note rule's verdict (credit-notes.ts); without it, credit notes adding up to
 * the total make the invoice credited.
 */
export function settlementStatus(invoice: Money, fullyCredited = false): InvoiceStatus {
  if (invoice.status === 'draft' || invoice.status === 'void') return invoice.status;
  if (isCreditNote(invoice)) return 'issued';
  if (invoice.writeOff) return 'written-off';
  const credited = creditedOf(invoice);
  if (invoice.status === 'credited' || fullyCredited || (credited > 0 && credited >= invoice.total)) return 'credited';
  return statusForPaid(invoice.total - credited, netPaidOf(invoice));
}
