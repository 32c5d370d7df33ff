/**
 * Issuing: a draft becomes a numbered, frozen invoice. Numbers are given here and only here (as Stripe
 * does), so deleting a draft never leaves a gap in the numbering.
 */
import { addDays, isCalendarDate } from './dates.js';
import { invalid, refused } from './errors.js';
import { nextInvoiceNumber } from './numbering.js';
import { customerSnapshot } from './customers.js';
import { type IssueFacts, currentPresentation } from './presentation.js';
import { statusForPaid } from './status.js';
import type { Business, Invoice, IssuerSnapshot, StoreDocument } from './types.js';

export function requireBusiness(doc: StoreDocument): Business {
  if (!doc.business) throw refused('no business is set up in this store', 'run smallpay init --name <name> --email <email> first');
  return doc.business;
}

/** The business as the invoice shows it, frozen at issue: name, email, addresses, tax ids, registration, contact. */
export function issuerSnapshot(business: Business): IssuerSnapshot {
  const { name, email, address, taxId, postalAddress, taxNumber, registration, endpoint, contact } = business;
  return structuredClone({
    name,
    email,
    ...(address !== undefined && { address }),
    ...(taxId !== undefined && { taxId }),
    ...(postalAddress !== undefined && { postalAddress }),
    ...(taxNumber !== undefined && { taxNumber }),
    ...(registration !== undefined && { registration }),
    ...(endpoint !== undefined && { endpoint }),
    ...(contact !== undefined && { contact }),
  });
}

function numberInUse(doc: StoreDocument, number: string): boolean {
  return doc.invoices.some((invoice) => invoice.number === number) || doc.audit.some((entry) => entry.invoice?.number === number);
}

/**
 * Gives a draft its number and freezes the customer and issuer details and what its PDF shows (see
 * presentation.ts; `facts` carries the logo's digest). A draft's issue date becomes the day it is issued (or
 * `issueDate`) unless a date was given when it was drafted; likewise its due date.
 * `numberFormat` is the series to number it in: the business's invoice numbers unless said (credit notes).
 */
export function issueInvoice(doc: StoreDocument, invoice: Invoice, today: string, issueDate?: string, numberFormat?: string, facts: IssueFacts = {}): void {
  const business = requireBusiness(doc);
  const format = numberFormat ?? business.numberFormat;
  if (invoice.status !== 'draft') throw refused(`invoice ${invoice.number ?? invoice.id} is already issued`);
  if (issueDate !== undefined || !invoice.issueDateGiven) invoice.issueDate = issueDate ?? today;
  if (!invoice.dueDateGiven) invoice.dueDate = addDays(invoice.issueDate, invoice.terms);
  if (!isCalendarDate(invoice.dueDate)) throw invalid(`dueDate: ${invoice.terms} days after ${invoice.issueDate} is past 9999-12-31`);
  if (invoice.dueDate < invoice.issueDate) {
    throw refused(`dueDate: ${invoice.dueDate} is before the issue date ${invoice.issueDate}`, 'pass --date or change the due date');
  }
  const liveCustomer = doc.customers.find((customer) => customer.id === invoice.customer.id);
  if (liveCustomer) invoice.customer = customerSnapshot(liveCustomer);
  const { number, series, sequence } = nextInvoiceNumber(doc.sequences, format, invoice.issueDate);
  if (numberInUse(doc, number)) {
    throw refused(`invoice number ${number} is already in use`, 'check the numberFormat setting (smallpay config show)');
  }
  doc.sequences[series] = sequence;
  invoice.number = number;
  invoice.series = series;
  invoice.sequence = sequence;
  invoice.numberFormat = format;
  invoice.issuer = issuerSnapshot(business);
  invoice.presentation = currentPresentation(invoice, business, facts);
  invoice.status = statusForPaid(invoice.total, invoice.paid);
  delete invoice.issueDateGiven;
  delete invoice.dueDateGiven;
  invoice.history.push({ at: today, event: 'issued' });
}
