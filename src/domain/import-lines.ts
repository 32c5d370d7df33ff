/**
 * An invoice as the rows of an accounting import file (Xero's and QuickBooks Online's invoice CSVs): one
 * row per line, plus one per allowance or charge, each with an exact quantity × unit amount and its share
 * of the VAT, so that the software's arithmetic gives back the invoice's own figures to the cent.
 *
 * Why allowances are rows of their own: both templates take a line as quantity × unit price (Xero's
 * Discount column is a percentage of that, rounded once). EN 16931 rounds q × price, then each allowance
 * separately (totals.ts), which can differ by a cent; a row of −10.00 "Discount" keeps every figure exact.
 *
 * Why a line may become "1 × its amount": both programs take at most 4 decimals in quantities and prices,
 * and neither knows a price per base quantity (12 × 5.00 per dozen). Such a line is written as quantity 1
 * at its gross amount, and its description says what was sold: "Bolts (12 × 5.00 per 12)".
 *
 * Why VAT per row: EN 16931 rounds tax per (category, rate) group. Each group's tax is shared out over its
 * rows in proportion to their amounts (rounded half away from zero), the remainder on the group's last row,
 * so Σ rows = the group's tax exactly. Worked example, S 19 %: rows 89.99 and 5.00, group tax 18.05:
 *   18.05 × 89.99 / 94.99 = 17.0999… → 17.10;  last row 18.05 − 17.10 = 0.95.
 *
 * A credit note's rows are negated (unit amounts, hence amounts, and tax): its figures are positive on the
 * document, and Xero's import takes an invoice with a negative total as a credit note.
 */
import { divideRoundHalfAwayFromZero } from './decimal.js';
import type { DateFormat } from './accounting-import-settings.js';
import { groupKey } from './adjustments.js';
import { formatAmount } from './money-format.js';
import type { Invoice, LineAdjustment, VatCategory } from './types.js';

/** Decimals both Xero and QuickBooks Online accept in quantities and unit prices. */
const MAX_IMPORT_DECIMALS = 4;

export interface ImportRow {
  description: string;
  /** Decimal text. */
  quantity: string;
  /** Decimal text, negated on credit notes. */
  unitAmount: string;
  /** quantity × unitAmount in minor units, as the invoice computed it. */
  amount: number;
  /** This row's share of its VAT group's tax, minor units. */
  tax: number;
  category: VatCategory;
  rate: string;
}

const decimals = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);
const negated = (text: string) => (text.startsWith('-') ? text.slice(1) : /^[0.]+$/.test(text) ? text : `-${text}`);
const sum = (entries: readonly LineAdjustment[] | undefined) => (entries ?? []).reduce((total, entry) => total + entry.amount, 0);

function adjustmentLabel(kind: string, entry: LineAdjustment): string {
  return `${kind}${entry.reason !== undefined ? `: ${entry.reason}` : ''}${entry.percent !== undefined ? ` (${entry.percent}%)` : ''}`;
}

interface UnsignedRow extends Omit<ImportRow, 'tax'> {}

function rowsOf(invoice: Invoice): UnsignedRow[] {
  const rows: UnsignedRow[] = [];
  const adjustmentRows = (entries: readonly LineAdjustment[] | undefined, kind: string, sign: 1 | -1, category: VatCategory, rate: string) => {
    for (const entry of entries ?? []) {
      const amount = sign * entry.amount;
      rows.push({ description: adjustmentLabel(kind, entry), quantity: '1', unitAmount: formatAmount(amount, invoice.currency), amount, category, rate });
    }
  };
  for (const line of invoice.items) {
    const category = line.taxCategory ?? (line.taxRate === '0' ? 'Z' : 'S');
    const gross = line.net + sum(line.allowances) - sum(line.charges);
    const exact = line.baseQuantity === undefined && decimals(line.quantity) <= MAX_IMPORT_DECIMALS && decimals(line.unitPrice) <= MAX_IMPORT_DECIMALS;
    rows.push(
      exact
        ? { description: line.description, quantity: line.quantity, unitAmount: line.unitPrice, amount: gross, category, rate: line.taxRate }
        : {
            description: `${line.description} (${line.quantity} × ${line.unitPrice}${line.baseQuantity !== undefined ? ` per ${line.baseQuantity}` : ''})`,
            quantity: '1',
            unitAmount: formatAmount(gross, invoice.currency),
            amount: gross,
            category,
            rate: line.taxRate,
          },
    );
    adjustmentRows(line.allowances, 'Discount', -1, category, line.taxRate);
    adjustmentRows(line.charges, 'Charge', 1, category, line.taxRate);
  }
  for (const entry of invoice.allowances ?? []) adjustmentRows([entry], 'Invoice discount', -1, entry.taxCategory, entry.taxRate);
  for (const entry of invoice.charges ?? []) adjustmentRows([entry], 'Charge', 1, entry.taxCategory, entry.taxRate);
  return rows;
}

/** Each VAT group's tax over its rows, in proportion to their amounts; the remainder on the last row. */
function shareTax(invoice: Invoice, rows: readonly UnsignedRow[]): number[] {
  const taxes = new Map(invoice.taxes.map((line) => [groupKey(line.category ?? (line.rate === '0' ? 'Z' : 'S'), line.rate), line]));
  const lastRow = new Map<string, number>();
  rows.forEach((row, index) => lastRow.set(groupKey(row.category, row.rate), index));
  const given = new Map<string, number>();
  return rows.map((row, index) => {
    const key = groupKey(row.category, row.rate);
    const group = taxes.get(key);
    if (!group) return 0;
    const sofar = given.get(key) ?? 0;
    // The divisor must be positive: a group of returns has a negative base (and tax).
    const direction = group.base < 0 ? -1n : 1n;
    const share = lastRow.get(key) === index ? group.tax - sofar : group.base === 0 ? 0 : Number(divideRoundHalfAwayFromZero(direction * BigInt(group.tax) * BigInt(row.amount), direction * BigInt(group.base)));
    given.set(key, sofar + share);
    return share;
  });
}

export function importRows(invoice: Invoice): ImportRow[] {
  const rows = rowsOf(invoice);
  const taxes = shareTax(invoice, rows);
  const credit = invoice.type === 'credit-note';
  return rows.map((row, index) => {
    const tax = taxes[index] ?? 0;
    return credit ? { ...row, unitAmount: negated(row.unitAmount), amount: -row.amount, tax: -tax } : { ...row, tax };
  });
}

/** The document's total as the import file states it: negative for a credit note. */
export function signedTotal(invoice: Invoice): number {
  return invoice.type === 'credit-note' ? -invoice.total : invoice.total;
}

/** "2026-11-05" in the import's date format: 05/11/2026, 11/05/2026 or 2026-11-05. */
export function importDate(date: string, format: DateFormat): string {
  const [year, month, day] = date.split('-');
  if (format === 'yyyy-mm-dd') return date;
  return format === 'dd/mm/yyyy' ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

/** The documents an import file holds, in a fixed order: by issue date, then number. Void ones stay out. */
export function importableDocuments(invoices: readonly Invoice[]): { documents: Invoice[]; voided: string[] } {
  const byDateAndNumber = (a: Invoice, b: Invoice) => (a.issueDate !== b.issueDate ? (a.issueDate < b.issueDate ? -1 : 1) : (a.number ?? '') < (b.number ?? '') ? -1 : (a.number ?? '') > (b.number ?? '') ? 1 : 0);
  const sorted = [...invoices].sort(byDateAndNumber);
  return {
    documents: sorted.filter((invoice) => invoice.status !== 'void' && invoice.number !== null),
    voided: sorted.filter((invoice) => invoice.status === 'void').map((invoice) => invoice.number ?? invoice.id),
  };
}
