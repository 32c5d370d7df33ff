/**
 * The VAT report (`report vat`): net amount and VAT per currency, VAT category and rate for a period — the
 * figures of a VAT return. Other modules (the journal exports) call it as
 *
 *   vatReport(doc, { from, to, basis, asOf }) → { asOf, from, to, basis, currency, rows, totals }
 *
 * with `doc` the store (its business and invoices), dates "YYYY-MM-DD" (inclusive), basis 'invoice' or
 * 'payment', and amounts in minor units. Per document, the same rules are `taxPointOf` (the day a group
 * counts on invoice basis) and payment-shares.ts `cashShares` (what each payment and refund counts). Rows come per currency (the business's own first, then the
 * others by code), then by category (S, Z, E, AE, K, G, O), then rate from high to low; a row whose net and
 * VAT are both 0 is left out. Amounts in another currency than the business's are `foreign`: never
 * converted, never added to the business's own.
 *
 * Invoice basis (accrual, the default): every issued invoice counts its VAT breakdown at its tax point
 * (`taxPointOf`): the date of supply (service date, or the end of the service period) where set, else the
 * issue date — except intra-community supplies of goods (K), which count at the issue date, as the VAT
 * Directive (art. 69) dates them by the invoice. A credit note counts its breakdown negative at its own
 * issue date, the period in which the correction happens (§ 17 (1) UStG), whatever date of supply it
 * repeats from the invoice. Drafts and void invoices never count; a write-off does not lower the VAT here
 * (it is not a credit note; see docs/reports.md).
 *
 * Payment basis (cash accounting): only money moves count, on the day it moves: each payment counts its
 * share of each group of the invoice, each refund its negative share (payment-shares.ts has the exact
 * rule). Credit notes count nothing by themselves on this basis: they lower what the customer pays, and
 * so the payments' shares; a credit note after payment counts through its refund.
 *
 * Worked example: an invoice of 1,000.00 at 19 % (VAT 190.00) and 100.00 at 7 % (VAT 7.00), issued
 * 2026-08-20, paid 500.00 on 2026-09-15 and 797.00 on 2026-10-05. Invoice basis: Q3 counts 1,000.00/190.00
 * and 100.00/7.00; Q4 nothing. Payment basis: Q3 counts 385.50/73.25 and 38.55/2.70; Q4 614.50/116.75
 * and 61.45/4.30.
 */
import { groupOf } from '../credit-notes.js';
import { canonicalText, compareDecimals, parseDecimal } from '../decimal.js';
import { isCreditNote } from '../status.js';
import type { Invoice, StoreDocument, VatCategory } from '../types.js';
import { VAT_CATEGORIES } from '../vat-categories.js';
import { addMoney, counts, getOrCreate } from './common.js';
import { cashShares } from './payment-shares.js';

export const VAT_BASES = ['invoice', 'payment'] as const;
export type VatBasis = (typeof VAT_BASES)[number];

export interface VatRow {
  currency: string;
  category: VatCategory;
  /** Percent, canonical: "19", "7", "0". */
  rate: string;
  net: number;
  tax: number;
  /** Not the business's currency: listed apart, never converted. */
  foreign: boolean;
}

export interface VatTotal {
  currency: string;
  net: number;
  tax: number;
  foreign: boolean;
}

export interface VatReport {
  asOf: string;
  from: string;
  to: string;
  basis: VatBasis;
  /** The business's currency; null before `init`. */
  currency: string | null;
  rows: VatRow[];
  /** Per currency, in the order of the rows. */
  totals: VatTotal[];
}

export interface VatReportOptions {
  from: string;
  to: string;
  basis: VatBasis;
  asOf: string;
}

/**
 * The day a document's group at `category` counts on invoice basis (header): a credit note's issue date; K
 * at the issue date; otherwise the date of supply where set, else the issue date.
 */
export function taxPointOf(document: Pick<Invoice, 'type' | 'issueDate' | 'serviceDate' | 'servicePeriod'>, category: VatCategory): string {
  if (isCreditNote(document) || category === 'K') return document.issueDate;
  return document.serviceDate ?? document.servicePeriod?.end ?? document.issueDate;
}

/** Issued credit notes by the id of the invoice they correct. */
export function creditNotesByInvoice(invoices: readonly Invoice[]): Map<string, Invoice[]> {
  const notes = new Map<string, Invoice[]>();
  for (const document of invoices) {
    const invoiceId = document.precedingInvoice?.invoiceId;
    if (isCreditNote(document) && counts(document) && invoiceId !== undefined) getOrCreate(notes, invoiceId, () => []).push(document);
  }
  return notes;
}

/** Rows sorted as the header says: the business's currency first. */
export function compareTaxRows(home: string | null) {
  const rank = (currency: string) => (currency === home ? '' : currency);
  return (a: { currency: string; category?: VatCategory; rate?: string }, b: { currency: string; category?: VatCategory; rate?: string }): number => {
    const byCurrency = rank(a.currency) < rank(b.currency) ? -1 : rank(a.currency) > rank(b.currency) ? 1 : 0;
    if (byCurrency !== 0 || a.category === undefined || b.category === undefined) return byCurrency;
    const byCategory = VAT_CATEGORIES.indexOf(a.category) - VAT_CATEGORIES.indexOf(b.category);
    if (byCategory !== 0) return byCategory;
    const [rateA, rateB] = [parseDecimal(a.rate ?? '0'), parseDecimal(b.rate ?? '0')];
    return rateA && rateB ? compareDecimals(rateB, rateA) : 0;
  };
}

export function vatReport(doc: Pick<StoreDocument, 'business' | 'invoices'>, options: VatReportOptions): VatReport {
  const { from, to, basis } = options;
  const home = doc.business?.currency ?? null;
  const inPeriod = (date: string) => date >= from && date <= to;
  const rows = new Map<string, VatRow>();
  // "19.0" and "19" are one rate: keys use the canonical text (a store holds a handful of rates).
  const canonicalRates = new Map<string, string>();
  const add = (currency: string, category: VatCategory, rate: string, net: number, tax: number) => {
    const canonical = getOrCreate(canonicalRates, rate, () => canonicalText(parseDecimal(rate) ?? { coef: 0n, scale: 0 }));
    const row = getOrCreate(rows, `${currency} ${category} ${canonical}`, () => ({ currency, category, rate: canonical, net: 0, tax: 0, foreign: currency !== home }));
    row.net = addMoney(row.net, net);
    row.tax = addMoney(row.tax, tax);
  };

  if (basis === 'invoice') {
    for (const document of doc.invoices) {
      if (!counts(document)) continue;
      const sign = isCreditNote(document) ? -1 : 1;
      for (const line of document.taxes) {
        const { category } = groupOf(line);
        if (inPeriod(taxPointOf(document, category))) add(document.currency, category, line.rate, sign * line.base, sign * line.tax);
      }
    }
  } else {
    const notes = creditNotesByInvoice(doc.invoices);
    for (const invoice of doc.invoices) {
      if (!counts(invoice) || isCreditNote(invoice) || (invoice.payments.length === 0 && (invoice.refunds ?? []).length === 0)) continue;
      for (const share of cashShares(invoice, notes.get(invoice.id) ?? [])) {
        if (!inPeriod(share.date)) continue;
        for (const group of share.groups) add(invoice.currency, group.category, group.rate, group.net, group.tax);
      }
    }
  }

  const sorted = [...rows.values()].filter((row) => row.net !== 0 || row.tax !== 0).sort(compareTaxRows(home));
  const totals = new Map<string, VatTotal>();
  for (const row of sorted) {
    const total = getOrCreate(totals, row.currency, () => ({ currency: row.currency, net: 0, tax: 0, foreign: row.foreign }));
    total.net = addMoney(total.net, row.net);
    total.tax = addMoney(total.tax, row.tax);
  }
  return { asOf: options.asOf, from, to, basis, currency: home, rows: sorted, totals: [...totals.values()] };
}
