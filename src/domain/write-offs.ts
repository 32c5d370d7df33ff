/**
 * Write-offs: an unpaid balance closed as bad debt. It is not a payment — reports show it as written off,
 * never as received — and it is final: a written-off invoice takes no more payments, credit notes or
 * refunds. The amount is the whole balance at the time.
 */
import { refused } from './errors.js';
import * as fields from './fields.js';
import { invoiceLabel } from './invoices.js';
import { balanceOf, isCreditNote, settlementStatus } from './status.js';
import type { Invoice, WriteOff } from './types.js';

export function writeOffInvoice(invoice: Invoice, input: { date: string; reason?: string }, today: string): WriteOff {
  const label = invoiceLabel(invoice);
  if (isCreditNote(invoice)) throw refused(`${label} is a credit note: it has no balance to write off`);
  if (invoice.status === 'draft') throw refused(`invoice ${label} is a draft`, `delete it instead: smallpay invoice delete ${invoice.id}`);
  if (invoice.status === 'void') throw refused(`invoice ${label} is void`);
  if (invoice.status === 'written-off') throw refused(`invoice ${label} is already written off`);
  if (input.date < invoice.issueDate) throw refused(`date: ${input.date} is before the invoice's issue date ${invoice.issueDate}`);
  if (input.date > today) throw refused(`date: ${input.date} is in the future (today is ${today})`);
  const amount = balanceOf(invoice);
  if (amount <= 0) throw refused(`invoice ${label} has no unpaid balance to write off`);
  const reason = input.reason === undefined ? undefined : fields.singleLine(input.reason, 'reason');
  const writeOff: WriteOff = { amount, date: input.date, ...(reason !== undefined && { reason }) };
  invoice.writeOff = writeOff;
  invoice.history.push({ at: today, event: 'written-off', amount, ...(reason !== undefined && { reason }) });
  invoice.status = settlementStatus(invoice);
  return writeOff;
}
