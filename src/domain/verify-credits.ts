/**
 * The `credits` check of `smallpay verify` (see verify.ts): credit notes, refunds, write-offs and the
 * statuses they give, checked against each other in a store that may have been edited by hand.
 */
import { groupLabel, groupOf, netLeftToCredit } from './credit-notes.js';
import { invoiceLabel } from './invoices.js';
import { displayMoney } from './money-format.js';
import { creditedOf, isCreditNote, netPaidOf, refundedOf, settlementStatus } from './status.js';
import type { Invoice, StoreDocument } from './types.js';

function checkCreditNote(byId: ReadonlyMap<string, Invoice>, note: Invoice): string[] {
  const label = invoiceLabel(note);
  const preceding = note.precedingInvoice;
  if (!preceding) return [`${label}: a credit note that names no invoice it corrects`];
  const invoice = byId.get(preceding.invoiceId);
  if (!invoice || isCreditNote(invoice)) return [`${label}: corrects invoice ${preceding.number} (${preceding.invoiceId}), which does not exist`];
  const problems: string[] = [];
  if (invoice.number !== preceding.number) problems.push(`${label}: names invoice ${preceding.number}, but ${preceding.invoiceId} is numbered ${invoice.number ?? 'nothing (a draft)'}`);
  if (invoice.customer.id !== note.customer.id) problems.push(`${label}: its customer ${note.customer.id} is not the customer ${invoice.customer.id} of ${invoiceLabel(invoice)}`);
  if (invoice.currency !== note.currency) problems.push(`${label}: in ${note.currency}, but ${invoiceLabel(invoice)} is in ${invoice.currency}`);
  if (note.payments.length > 0 || note.paid !== 0) problems.push(`${label}: a credit note with payments`);
  return problems;
}

function checkInvoiceMoney(invoice: Invoice, notes: readonly Invoice[]): string[] {
  const label = invoiceLabel(invoice);
  const money = (minor: number) => displayMoney(minor, invoice.currency);
  const problems: string[] = [];
  const paid = invoice.payments.reduce((sum, payment) => sum + payment.amount, 0);
  if (paid !== invoice.paid) return problems; // the totals check reports it; a status from wrong figures says nothing more
  const credited = notes.reduce((sum, note) => sum + note.total, 0);
  if (credited !== creditedOf(invoice)) problems.push(`${label}: credited is ${money(creditedOf(invoice))}, its credit notes add up to ${money(credited)}`);
  const charged = new Set(netLeftToCredit(invoice, []).keys());
  for (const note of notes) {
    for (const line of note.taxes) {
      const { key } = groupOf(line);
      if (!charged.has(key)) problems.push(`${label}: credit note ${invoiceLabel(note)} credits at ${groupLabel(key)}, which the invoice does not charge`);
    }
  }
  const fullyCredited = notes.length > 0 && [...netLeftToCredit(invoice, notes).values()].every((entry) => entry.left <= 0);
  for (const entry of netLeftToCredit(invoice, notes).values()) {
    if (entry.left < 0) problems.push(`${label}: credited ${money(-entry.left)} more net at ${entry.line.rate} % than the invoice charged`);
  }
  if (!fullyCredited && credited > invoice.total) problems.push(`${label}: credited ${money(credited)} is more than its total ${money(invoice.total)}`);
  if (netPaidOf(invoice) < 0) problems.push(`${label}: refunds of ${money(refundedOf(invoice))} are more than the ${money(invoice.paid)} paid`);
  if (invoice.status === 'draft' || invoice.status === 'void') return problems;
  const expected = settlementStatus({ ...invoice, status: 'open' }, fullyCredited);
  if (invoice.status !== expected) {
    problems.push(`${label}: status is ${invoice.status}, but ${money(invoice.paid)} paid of ${money(invoice.total)}${credited > 0 ? `, ${money(credited)} credited` : ''} makes it ${expected}`);
  }
  // Paid beyond the total less credit notes is a refund due, not a fault; paid beyond the total is.
  if (netPaidOf(invoice) > invoice.total) problems.push(`${label}: paid ${money(netPaidOf(invoice))} is more than its total ${money(invoice.total)}`);
  return problems;
}

export function checkCredits(doc: StoreDocument): string[] {
  // One pass to find every invoice's credit notes: a store of 100,000 invoices is checked in linear time.
  const byId = new Map(doc.invoices.map((invoice) => [invoice.id, invoice]));
  const notesOf = new Map<string, Invoice[]>();
  for (const invoice of doc.invoices) {
    const corrected = invoice.precedingInvoice?.invoiceId;
    if (!isCreditNote(invoice) || corrected === undefined || invoice.status === 'draft') continue;
    notesOf.set(corrected, [...(notesOf.get(corrected) ?? []), invoice]);
  }
  return doc.invoices.flatMap((invoice) => (isCreditNote(invoice) ? checkCreditNote(byId, invoice) : checkInvoiceMoney(invoice, notesOf.get(invoice.id) ?? [])));
}
