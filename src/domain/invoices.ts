/**
 * Creating, finding and editing invoices. Every change recomputes the totals through totals.ts; an edit of
 * an issued invoice keeps the version it replaces in the history.
 */
import { addDays, daysBetween, isCalendarDate } from './dates.js';
import { invalid, notFound, refused } from './errors.js';
import * as fields from './fields.js';
import { customerSnapshot, findCustomer } from './customers.js';
import { issueInvoice, requireBusiness } from './invoice-issue.js';
import { seriesKey } from './numbering.js';
import { type IssueFacts, refreshLegalNotes } from './presentation.js';
import { inputOfDocumentAdjustment } from './adjustments.js';
import { type DocumentAdjustmentInput, type FieldLabel, type ItemInput, type Totals, computeTotals, inputOfLine, jsonFieldLabel } from './totals.js';
import type { Business, CustomerSnapshot, Invoice, InvoiceVersion, StoreDocument } from './types.js';
import { categoryDefaultsFor } from './vat-categories.js';
import { assertVatRules } from './vat-rules.js';

export const MAX_NOTE_LENGTH = 2000;
export const MAX_REFERENCE_LENGTH = 200;

/** Dates are already checked calendar dates; terms a checked number of days. */
export interface InvoiceInput {
  customer: string;
  items: ItemInput[];
  issueDate?: string;
  dueDate?: string;
  terms?: number;
  currency?: string;
  note?: string;
  draft?: boolean;
  // Issue 10: dates are checked calendar dates.
  serviceDate?: string;
  servicePeriod?: { start: string; end: string };
  purchaseOrder?: string;
  buyerReference?: string;
  contract?: string;
  allowances?: DocumentAdjustmentInput[];
  charges?: DocumentAdjustmentInput[];
  /** Names item fields in errors; JSON paths unless the items came from flags. */
  itemLabel?: FieldLabel;
}

/** What an edit may change: the fields of InvoiceInput but `draft`, each optional. An empty note removes it. */
export type InvoiceChanges = Partial<Omit<InvoiceInput, 'draft'>>;

export function invoiceLabel(invoice: Pick<Invoice, 'number' | 'id'>): string {
  return invoice.number ?? `draft ${invoice.id}`;
}

/** By number (INV-2026-0001) or stable id (inv_…); numbers match case-insensitively. */
export function findInvoice(doc: StoreDocument, ref: string): Invoice {
  const wanted = ref.trim();
  const upper = wanted.toUpperCase();
  const invoice =
    doc.invoices.find((candidate) => candidate.number === wanted || candidate.id === wanted) ??
    doc.invoices.find((candidate) => candidate.number?.toUpperCase() === upper);
  if (!invoice) throw notFound(`no invoice '${ref}'`, 'smallpay invoice list shows them');
  return invoice;
}

function dueDateFor(issueDate: string, dueDate: string | undefined, terms: number): { dueDate: string; terms: number } {
  if (dueDate === undefined) {
    const due = addDays(issueDate, terms);
    if (!isCalendarDate(due)) throw invalid(`dueDate: ${terms} days after ${issueDate} is past 9999-12-31`);
    return { dueDate: due, terms };
  }
  if (dueDate < issueDate) throw invalid(`dueDate: ${dueDate} is before the issue date ${issueDate}`);
  return { dueDate, terms: daysBetween(issueDate, dueDate) };
}

function cleanNote(note: string | undefined): string | undefined {
  if (note === undefined || note.trim() === '') return undefined;
  return fields.multiLine(note, 'note', MAX_NOTE_LENGTH);
}

type References = Pick<Invoice, 'serviceDate' | 'servicePeriod' | 'purchaseOrder' | 'buyerReference' | 'contract'>;
const REFERENCE_TEXTS = ['purchaseOrder', 'buyerReference', 'contract'] as const;

/**
 * The date of supply (BT-72), period (BT-73/74) and references (BT-13, BT-10, BT-12) given, checked. A text
 * given empty is `null`: an edit removes it.
 */
function referencesOf(input: Partial<InvoiceInput>): { [K in keyof References]?: References[K] | null } {
  const references: { [K in keyof References]?: References[K] | null } = {};
  if (input.serviceDate !== undefined) references.serviceDate = input.serviceDate;
  if (input.servicePeriod !== undefined) {
    const { start, end } = input.servicePeriod;
    if (end < start) throw invalid(`servicePeriod: the start ${start} is after the end ${end}`);
    references.servicePeriod = { start, end };
  }
  for (const field of REFERENCE_TEXTS) {
    const value = input[field];
    if (value !== undefined) references[field] = value.trim() === '' ? null : fields.singleLine(value, field, MAX_REFERENCE_LENGTH);
  }
  return references;
}

/** Sets what `references` gives on `invoice`, removing what it gives as null. */
function applyReferences(invoice: Invoice, references: ReturnType<typeof referencesOf>): void {
  for (const [field, value] of Object.entries(references)) {
    if (value === null) delete invoice[field as keyof References];
    else Object.assign(invoice, { [field]: value });
  }
}

/** The language of an invoice's texts (exemption reasons): the customer's, else the business's. */
function languageFor(business: Business, customer: CustomerSnapshot): string {
  return customer.lang ?? business.lang;
}

/** The totals of `items` and the document's allowances and charges, with the categories and texts of this customer. */
function totalsFor(business: Business, customer: CustomerSnapshot, currency: string, input: Partial<InvoiceInput>, items: readonly ItemInput[]): Totals {
  return computeTotals(items, currency, {
    label: input.itemLabel ?? jsonFieldLabel,
    ...(input.allowances !== undefined && { allowances: input.allowances }),
    ...(input.charges !== undefined && { charges: input.charges }),
    defaults: categoryDefaultsFor(business, customer),
    lang: languageFor(business, customer),
    ...(business.postalAddress?.country !== undefined && { sellerCountry: business.postalAddress.country }),
  });
}

/** Puts totals on an invoice, removing document allowances or charges it no longer has. */
function applyTotals(invoice: Invoice, totals: Totals): void {
  delete invoice.allowances;
  delete invoice.charges;
  Object.assign(invoice, totals);
}

/**
 * Drafts an invoice and, unless `draft`, issues it at once. The invoice is added to `doc` only when it
 * keeps the VAT rules (vat-rules.ts).
 */
export function createInvoice(doc: StoreDocument, input: InvoiceInput, context: { today: string; id: string; facts?: IssueFacts }): Invoice {
  const business = requireBusiness(doc);
  const customer = findCustomer(doc, input.customer);
  const currency = fields.currency(input.currency ?? customer.currency ?? business.currency, 'currency');
  const snapshot = customerSnapshot(customer);
  const totals = totalsFor(business, snapshot, currency, input, input.items);
  const issueDate = input.issueDate ?? context.today;
  const { dueDate, terms } = dueDateFor(issueDate, input.dueDate, input.terms ?? customer.terms ?? business.terms);
  const note = cleanNote(input.note);
  const invoice: Invoice = {
    id: context.id,
    type: 'invoice',
    number: null,
    status: 'draft',
    customer: snapshot,
    issuer: null,
    issueDate,
    dueDate,
    terms,
    currency,
    ...(note !== undefined && { note }),
    // The language its texts (exemption reasons) were written in.
    lang: languageFor(business, snapshot),
    ...totals,
    paid: 0,
    payments: [],
    history: input.draft ? [{ at: context.today, event: 'created' }] : [],
    ...(input.issueDate !== undefined && { issueDateGiven: true }),
    ...(input.dueDate !== undefined && { dueDateGiven: true }),
  };
  applyReferences(invoice, referencesOf(input));
  assertVatRules(invoice, business);
  if (!input.draft) issueInvoice(doc, invoice, context.today, undefined, undefined, context.facts);
  doc.invoices.push(invoice);
  return invoice;
}

/** Whether the customer may hold this invoice: a message about it went out (its history or the outbox says so). */
export function wasSent(doc: StoreDocument, invoice: Invoice): boolean {
  return invoice.history.some((entry) => entry.event === 'sent') || doc.outbox.some((job) => job.invoiceId === invoice.id && job.state === 'sent');
}

/** A sent invoice is a document the customer keeps: it is corrected by a credit note, never changed under its number. */
function refuseEditOfSent(doc: StoreDocument, invoice: Invoice): void {
  if (invoice.number !== null && wasSent(doc, invoice)) {
    throw refused(`invoice ${invoice.number} was sent and can no longer be edited`, `correct it with a credit note: smallpay invoice credit ${invoice.number}`);
  }
}

const VERSIONED_OPTIONALS = ['lineTotal', 'allowanceTotal', 'chargeTotal', 'allowances', 'charges', 'serviceDate', 'servicePeriod', 'purchaseOrder', 'buyerReference', 'contract'] as const;

function versionOf(invoice: Invoice): InvoiceVersion {
  const { number, issueDate, dueDate, terms, note, items, taxes, subtotal, tax, total } = invoice;
  const version: InvoiceVersion = { number, issueDate, dueDate, terms, ...(note !== undefined && { note }), items, taxes, subtotal, tax, total };
  for (const field of VERSIONED_OPTIONALS) if (invoice[field] !== undefined) Object.assign(version, { [field]: invoice[field] });
  return version;
}

/**
 * Drafts change freely. An issued invoice with no payment may change its items, dates and note, keeping the
 * replaced version in its history; partly paid, paid and void invoices are refused.
 */
export function editInvoice(doc: StoreDocument, invoice: Invoice, changes: InvoiceChanges, today: string): Invoice {
  const business = requireBusiness(doc);
  const label = invoiceLabel(invoice);
  const issued = invoice.status !== 'draft';
  // Payments, not the status, decide: an invoice of 0.00 is "paid" without any.
  if (invoice.type === 'credit-note' && issued) throw refused(`${label} is a credit note and can no longer be edited`, 'a credit note is final; issue another one to correct it');
  if ((invoice.credited ?? 0) > 0 || invoice.writeOff !== undefined) {
    throw refused(`invoice ${label} is ${invoice.writeOff ? 'written off' : 'credited'} and can no longer be edited`, invoice.writeOff ? undefined : `smallpay invoice credit ${label} corrects it`);
  }
  if (invoice.status === 'void' || invoice.payments.length > 0) {
    throw refused(`invoice ${label} is ${invoice.status} and can no longer be edited`, invoice.status === 'void' ? undefined : `correct it with a credit note: smallpay invoice credit ${label}`);
  }
  refuseEditOfSent(doc, invoice);
  if (issued && (changes.customer !== undefined || changes.currency !== undefined)) {
    throw refused(`invoice ${label} is issued: its customer and currency are fixed`, 'void it and issue a new one');
  }
  const previous = versionOf(invoice);
  const customer = changes.customer !== undefined ? customerSnapshot(findCustomer(doc, changes.customer)) : undefined;
  const currency = changes.currency !== undefined ? fields.currency(changes.currency, 'currency') : invoice.currency;
  // Stored lines and document allowances are priced again as given (a percentage stays a percentage).
  const repriced: Partial<InvoiceInput> = {
    ...changes,
    allowances: changes.allowances ?? invoice.allowances?.map((entry) => inputOfDocumentAdjustment(entry, invoice.currency)) ?? [],
    charges: changes.charges ?? invoice.charges?.map((entry) => inputOfDocumentAdjustment(entry, invoice.currency)) ?? [],
  };
  const items = changes.items ?? invoice.items.map((line) => inputOfLine(line, invoice.currency));
  const totals = totalsFor(business, customer ?? invoice.customer, currency, repriced, items);
  const references = referencesOf(changes);
  const issueDate = changes.issueDate ?? invoice.issueDate;
  const format = invoice.numberFormat ?? business.numberFormat;
  const series = invoice.series ?? seriesKey(format, invoice.issueDate);
  if (issued && invoice.number !== null && seriesKey(format, issueDate) !== series) {
    throw refused(`issueDate: ${issueDate} would move ${label} out of its number series`, 'void it and issue a new one with that date');
  }
  const keepDue = changes.dueDate === undefined && changes.terms === undefined && changes.issueDate === undefined;
  const due = keepDue
    ? { dueDate: invoice.dueDate, terms: invoice.terms }
    : dueDateFor(issueDate, changes.dueDate, changes.terms ?? invoice.terms);
  // The rules are checked on the invoice as it would be, before anything of it changes.
  const candidate: Invoice = { ...invoice, ...(customer && { customer }), currency };
  applyTotals(candidate, totals);
  applyReferences(candidate, references);
  assertVatRules(candidate, invoice.issuer ?? business);

  if (customer) invoice.customer = customer;
  invoice.currency = currency;
  invoice.lang = languageFor(business, invoice.customer);
  applyTotals(invoice, totals);
  applyReferences(invoice, references);
  Object.assign(invoice, { issueDate, dueDate: due.dueDate, terms: due.terms });
  if (changes.note !== undefined) {
    const note = cleanNote(changes.note);
    if (note === undefined) delete invoice.note;
    else invoice.note = note;
  }
  if (!issued) {
    if (changes.issueDate !== undefined) invoice.issueDateGiven = true;
    if (changes.dueDate !== undefined) invoice.dueDateGiven = true;
    return invoice;
  }
  invoice.status = totals.total === 0 ? 'paid' : 'open';
  invoice.history.push({ at: today, event: 'edited', previous });
  refreshLegalNotes(invoice);
  return invoice;
}
