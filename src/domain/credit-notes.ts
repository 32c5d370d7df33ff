/**
 * Credit notes (EN 16931 document type 381): documents of their own that correct an issued invoice, with the
 * same parties, currency, VAT categories and references, numbered in a gapless series of their own
 * (creditNumberFormat, default CN-{YYYY}-{SEQ:4}). Amounts are positive, as on the document; the invoice
 * they correct gains `credited` (the sum of their totals) and its balance drops (status.ts).
 *
 * What may be credited is counted per VAT group (category, rate), on the net (the group's base, BT-116): a
 * credit note may not credit more net in a group than the invoice's base there less what earlier credit
 * notes credited, nor credit in a group the invoice does not have (a credit note corrects the VAT that was
 * charged), nor more than the invoice total in all.
 *
 * `--all` credits everything left:
 *   - nothing credited yet, and no document-level allowances or charges: the invoice's own lines, again —
 *     the credit note totals exactly the invoice;
 *   - otherwise one line per VAT group with the net left in it ("INV-2026-0007, 19 %: 40.00").
 * Worked example: an invoice of 100.00 + 19 % = 119.00; a credit note of 30.00 net (35.70); then --all:
 * one line of 70.00 net at 19 % (83.30); credited 119.00 = the total. VAT is rounded once per group on each
 * document, so after partial credit notes the last one may differ from "total − credited" by a rounding
 * cent per group: an invoice of 0.06 net at 19 % is 0.07 (0.0114 → 0.01 VAT); a credit note of 0.03 net is
 * 0.04 (0.0057 → 0.01), and so is the rest. The net of every group is then credited in full and the invoice
 * is fully credited (status `credited`, nothing due for its goods), though its credit notes add up to 0.08.
 */
import { canonicalText, parseDecimal } from './decimal.js';
import { refused } from './errors.js';
import * as fields from './fields.js';
import { minorDigits } from './currency.js';
import { issueInvoice, requireBusiness } from './invoice-issue.js';
import type { IssueFacts } from './presentation.js';
import { MAX_NOTE_LENGTH, invoiceLabel } from './invoices.js';
import { displayMoney } from './money-format.js';
import { validateNumberFormat } from './numbering.js';
import { DEFAULT_CREDIT_NUMBER_FORMAT } from './business.js';
import { creditedOf, isCreditNote, settlementStatus } from './status.js';
import { type FieldLabel, type ItemInput, computeTotals, inputOfLine, jsonFieldLabel } from './totals.js';
import type { Invoice, StoreDocument, TaxLine, VatCategory } from './types.js';
import { categoryDefaultsFor } from './vat-categories.js';
import { assertVatRules } from './vat-rules.js';

export interface CreditNoteInput {
  /** Credit everything left (see the header); otherwise `items`. */
  all?: boolean;
  items?: ItemInput[];
  /** Why, printed on the credit note (as its note, before any `note`). */
  reason?: string;
  note?: string;
  /** Default: today. Not before the invoice's issue date. */
  issueDate?: string;
  purchaseOrder?: string;
  buyerReference?: string;
  contract?: string;
  itemLabel?: FieldLabel;
}

/** A VAT group: EN 16931 groups by category and rate. Stores before schema 4 have no category: S or Z by rate. */
export function groupOf(line: Pick<TaxLine, 'category' | 'rate'>): { key: string; category: VatCategory } {
  const category = line.category ?? (Number(line.rate) > 0 ? 'S' : 'Z');
  return { key: `${category} ${line.rate}`, category };
}

export function groupLabel(key: string): string {
  const [category, rate] = key.split(' ');
  return `${rate} % (category ${category})`;
}

/** The issued credit notes that correct `invoice`, oldest first. */
export function creditNotesOf(doc: Pick<StoreDocument, 'invoices'>, invoice: Pick<Invoice, 'id'>): Invoice[] {
  return doc.invoices.filter((candidate) => isCreditNote(candidate) && candidate.precedingInvoice?.invoiceId === invoice.id && candidate.status !== 'draft');
}

/** Net per VAT group the invoice charged and its credit notes have not yet credited (may be negative in a damaged store). */
export function netLeftToCredit(invoice: Invoice, notes: readonly Invoice[]): Map<string, { line: TaxLine; left: number }> {
  const left = new Map<string, { line: TaxLine; left: number }>();
  for (const line of invoice.taxes) {
    const { key } = groupOf(line);
    const entry = left.get(key) ?? { line, left: 0 };
    entry.left += line.base;
    left.set(key, entry);
  }
  for (const note of notes) {
    for (const line of note.taxes) {
      const entry = left.get(groupOf(line).key);
      if (entry) entry.left -= line.base;
    }
  }
  return left;
}

function decimalOf(minor: number, currency: string): string {
  return canonicalText({ coef: BigInt(minor), scale: minorDigits(currency) });
}

/** The items of a credit note for everything left (see the header). */
function itemsForTheRest(invoice: Invoice, notes: readonly Invoice[]): ItemInput[] {
  const label = invoiceLabel(invoice);
  const adjusted = (invoice.allowances?.length ?? 0) > 0 || (invoice.charges?.length ?? 0) > 0;
  if (notes.length === 0 && !adjusted) return invoice.items.map((line) => inputOfLine(line, invoice.currency));
  const items: ItemInput[] = [];
  for (const { line, left } of netLeftToCredit(invoice, notes).values()) {
    if (left <= 0) continue;
    const { category } = groupOf(line);
    items.push({
      description: `${label}, ${line.rate} %`,
      unitPrice: decimalOf(left, invoice.currency),
      taxRate: line.rate,
      ...(line.category !== undefined && { taxCategory: category }),
      ...(line.exemptionReason !== undefined && { exemptionReason: line.exemptionReason }),
      ...(line.exemptionCode !== undefined && { exemptionCode: line.exemptionCode }),
    });
  }
  if (items.length === 0) throw refused(`invoice ${label} is already fully credited`);
  return items;
}

/**
 * Items given without a VAT category take the invoice's category at their rate, when it has just one there:
 * crediting a reverse-charge invoice with "--tax 0" credits AE at 0 %, not Z.
 */
function withInvoiceCategories(items: readonly ItemInput[], invoice: Invoice): ItemInput[] {
  return items.map((item) => {
    if (item.taxCategory !== undefined) return item;
    const rate = parseDecimal(item.taxRate ?? '0');
    const groups = invoice.taxes.filter((line) => rate !== undefined && line.rate === canonicalText(rate));
    const [group] = groups;
    if (groups.length !== 1 || group?.category === undefined) return item;
    return {
      ...item,
      taxCategory: group.category,
      ...(item.exemptionReason === undefined && item.exemptionCode === undefined && group.exemptionReason !== undefined && { exemptionReason: group.exemptionReason }),
      ...(item.exemptionReason === undefined && item.exemptionCode === undefined && group.exemptionCode !== undefined && { exemptionCode: group.exemptionCode }),
    };
  });
}

function checkCreditable(invoice: Invoice): void {
  const label = invoiceLabel(invoice);
  if (isCreditNote(invoice)) throw refused(`${label} is a credit note`, `credit the invoice it corrects (${invoice.precedingInvoice?.number ?? 'see invoice show'})`);
  if (invoice.status === 'draft') throw refused(`invoice ${label} is a draft`, `edit or delete it instead: smallpay invoice edit ${invoice.id}`);
  if (invoice.status === 'void') throw refused(`invoice ${label} is void: there is nothing to credit`);
  if (invoice.status === 'written-off') throw refused(`invoice ${label} is written off`);
  if (invoice.status === 'credited') throw refused(`invoice ${label} is already fully credited`);
}

/**
 * Checks the new credit note's groups against what is left of the invoice (header), and says whether the
 * invoice is then fully credited: the net of every group credited in full.
 */
function checkAgainstInvoice(invoice: Invoice, notes: readonly Invoice[], note: Pick<Invoice, 'taxes' | 'total'>): { fullyCredited: boolean } {
  const label = invoiceLabel(invoice);
  const money = (minor: number) => displayMoney(minor, invoice.currency);
  const left = netLeftToCredit(invoice, notes);
  for (const line of note.taxes) {
    const { key } = groupOf(line);
    const entry = left.get(key);
    if (!entry) throw refused(`the credit note has lines at ${groupLabel(key)}, which invoice ${label} does not charge`, 'a credit note corrects the VAT the invoice charged: give each item the invoice\'s rate and category');
    if (line.base > entry.left) {
      throw refused(`the credit note credits ${money(line.base)} net at ${groupLabel(key)}, but only ${money(Math.max(0, entry.left))} is left to credit there on ${label}`, `smallpay invoice credit ${label} --all credits everything left`);
    }
    entry.left -= line.base;
  }
  const fullyCredited = [...left.values()].every((entry) => entry.left <= 0);
  const credited = creditedOf(invoice);
  if (!fullyCredited && credited + note.total > invoice.total) {
    throw refused(`the credit note of ${money(note.total)} and the ${money(credited)} already credited are more than the total ${money(invoice.total)} of ${label}`);
  }
  return { fullyCredited };
}

function noteText(input: CreditNoteInput): string | undefined {
  const parts = [input.reason, input.note].filter((text): text is string => text !== undefined && text.trim() !== '');
  return parts.length === 0 ? undefined : fields.multiLine(parts.join('\n\n'), 'reason', MAX_NOTE_LENGTH);
}

/** Issues a credit note against `invoice` and records it there; both change in `doc`. Returns the credit note. */
export function issueCreditNote(doc: StoreDocument, invoice: Invoice, input: CreditNoteInput, context: { today: string; id: string; facts?: IssueFacts }): Invoice {
  const business = requireBusiness(doc);
  checkCreditable(invoice);
  const label = invoiceLabel(invoice);
  const notes = creditNotesOf(doc, invoice);
  const issueDate = input.issueDate ?? context.today;
  if (issueDate < invoice.issueDate) throw refused(`date: ${issueDate} is before the issue date ${invoice.issueDate} of ${label}`);
  if (input.all !== true && (input.items === undefined || input.items.length === 0)) throw refused('a credit note needs --all or items');
  const items = input.all === true ? itemsForTheRest(invoice, notes) : withInvoiceCategories(input.items as ItemInput[], invoice);
  // The same arithmetic, category defaults and texts (in the invoice's language) as the invoice had.
  const totals = computeTotals(items, invoice.currency, {
    label: input.itemLabel ?? jsonFieldLabel,
    defaults: categoryDefaultsFor(business, invoice.customer),
    lang: invoice.lang ?? invoice.customer.lang ?? business.lang,
    ...(business.postalAddress?.country !== undefined && { sellerCountry: business.postalAddress.country }),
  });
  if (totals.total <= 0) throw refused(`the credit note credits ${displayMoney(totals.total, invoice.currency)}: a credit note credits more than nothing`);
  const { fullyCredited } = checkAgainstInvoice(invoice, notes, totals);

  const text = noteText(input);
  const purchaseOrder = input.purchaseOrder ?? invoice.purchaseOrder;
  const buyerReference = input.buyerReference ?? invoice.buyerReference;
  const contract = input.contract ?? invoice.contract;
  const note: Invoice = {
    id: context.id,
    type: 'credit-note',
    number: null,
    status: 'draft',
    customer: invoice.customer,
    issuer: null,
    issueDate,
    dueDate: issueDate,
    terms: 0,
    currency: invoice.currency,
    ...(text !== undefined && { note: text }),
    ...(invoice.lang !== undefined && { lang: invoice.lang }),
    ...totals,
    paid: 0,
    payments: [],
    history: [],
    ...(invoice.serviceDate !== undefined && { serviceDate: invoice.serviceDate }),
    ...(invoice.servicePeriod !== undefined && { servicePeriod: invoice.servicePeriod }),
    ...(purchaseOrder !== undefined && { purchaseOrder }),
    ...(buyerReference !== undefined && { buyerReference }),
    ...(contract !== undefined && { contract }),
    precedingInvoice: { invoiceId: invoice.id, number: invoice.number as string, issueDate: invoice.issueDate },
  };
  assertVatRules(note, invoice.issuer ?? business);
  const format = business.creditNumberFormat ?? DEFAULT_CREDIT_NUMBER_FORMAT;
  validateNumberFormat(format, 'creditNumberFormat');
  issueInvoice(doc, note, context.today, issueDate, format, context.facts);
  // The same parties as the invoice it corrects, whatever changed in the customer list or settings since.
  note.customer = invoice.customer;
  if (invoice.issuer) note.issuer = invoice.issuer;
  note.status = 'issued';
  doc.invoices.push(note);

  invoice.credited = creditedOf(invoice) + note.total;
  invoice.history.push({ at: context.today, event: 'credited', creditNoteId: note.id, number: note.number as string, amount: note.total });
  invoice.status = settlementStatus(invoice, fullyCredited);
  return note;
}
