/**
 * Invoice totals, computed once here and read by every output (tables, JSON, PDF, email).
 *
 * The EN 16931 way:
 *   line net  = quantity × unit price, rounded half away from zero to the currency's minor unit;
 *   tax       = per tax rate, rate × (sum of the line nets at that rate), rounded the same way;
 *   subtotal  = sum of the line nets;  total = subtotal + sum of the taxes.
 *
 * Worked example (EUR): 3 × 0.335 = 1.005 → 1.01; 2 × 19.99 = 39.98; both at 19%:
 *   base 40.99, tax 19% × 40.99 = 7.7881 → 7.79, total 48.78.
 * Why per rate and not per line: three lines of 0.02 at 19% would be taxed 0.0038 → 0.00 each, 0.00 in all;
 * per rate it is 19% × 0.06 = 0.0114 → 0.01. Per-line rounding drifts on long invoices; the per-rate rule
 * is what the e-invoicing standard and tax offices check.
 */
import { type Decimal, canonicalText, compareDecimals, divideRoundHalfAwayFromZero, multiply, parseDecimal, pow10, roundToScale, textWithMinScale } from './decimal.js';
import { invalid } from './errors.js';
import { multiLine } from './fields.js';
import { minorDigits } from './currency.js';
import { toMinorUnits } from './money.js';
import type { LineAdjustment, LineItem, TaxLine } from './types.js';

export const MAX_ITEMS = 1000;
export const MAX_DESCRIPTION_LENGTH = 1000;
const MAX_QUANTITY_DECIMALS = 6;
const MAX_PRICE_DECIMALS = 6;
const MAX_RATE_DECIMALS = 4;
const MAX_QUANTITY_DIGITS = 9; // up to 999,999,999.999999
const MAX_PRICE_DIGITS = 13;

/** An item as the user wrote it. Quantity defaults to 1 and tax rate to 0. */
export interface ItemInput {
  description: string;
  quantity?: string;
  unitPrice: string;
  taxRate?: string;
  // Issue 10 (decimal strings, as above).
  /** UN/ECE Rec. 20/21 code or a friendly alias (h, day, piece, …); stored as the code. */
  unit?: string;
  baseQuantity?: string;
  /** S, Z, E, AE, K, G or O; default from the customer's treatment, else S (rate > 0) or Z. */
  taxCategory?: string;
  exemptionReason?: string;
  exemptionCode?: string;
  allowances?: AdjustmentInput[];
  charges?: AdjustmentInput[];
}

/** A line allowance or charge as written: a percentage of quantity × net price, or an amount. */
export interface AdjustmentInput {
  percent?: string;
  amount?: string;
  reason?: string;
  reasonCode?: string;
}

/** A document-level allowance or charge as written (BG-20/21). */
export interface DocumentAdjustmentInput extends AdjustmentInput {
  /** The base of a percentage; default: the line total of its own category and rate. */
  baseAmount?: string;
  taxCategory?: string;
  taxRate?: string;
  exemptionReason?: string;
  exemptionCode?: string;
}

export interface Totals {
  items: LineItem[];
  taxes: TaxLine[];
  subtotal: number;
  tax: number;
  total: number;
}

/** Names the field at fault in error messages: items[0].quantity for JSON, "item 1 --qty" for flags. */
export type FieldLabel = (index: number, field: 'description' | 'quantity' | 'unitPrice' | 'taxRate') => string;

export const jsonFieldLabel: FieldLabel = (index, field) => `items[${index}].${field}`;

function integerDigits(value: Decimal): number {
  const magnitude = value.coef < 0n ? -value.coef : value.coef;
  return Math.max(0, (magnitude / pow10(value.scale)).toString().length);
}

function parseItemNumber(text: string, label: string, maxDecimals: number, maxDigits: number): Decimal {
  const value = parseDecimal(text);
  if (!value) throw invalid(`${label}: '${text}' is not a decimal number`);
  if (value.scale > maxDecimals) throw invalid(`${label}: ${text} has more than ${maxDecimals} decimal places`);
  if (integerDigits(value) > maxDigits) throw invalid(`${label}: ${text} is too large`);
  return value;
}

function parseItem(input: ItemInput, index: number, label: FieldLabel, digits: number): LineItem & { rate: Decimal } {
  // Several lines are allowed (a phase, a list of deliverables), as before; control characters are not.
  const description = multiLine(input.description, label(index, 'description'), MAX_DESCRIPTION_LENGTH);
  const quantity = parseItemNumber(input.quantity ?? '1', label(index, 'quantity'), MAX_QUANTITY_DECIMALS, MAX_QUANTITY_DIGITS);
  if (quantity.coef <= 0n) throw invalid(`${label(index, 'quantity')}: must be greater than 0`);
  const unitPrice = parseItemNumber(input.unitPrice, label(index, 'unitPrice'), MAX_PRICE_DECIMALS, MAX_PRICE_DIGITS);
  const rate = parseItemNumber(input.taxRate ?? '0', label(index, 'taxRate'), MAX_RATE_DECIMALS, 3);
  if (rate.coef < 0n || compareDecimals(rate, { coef: 100n, scale: 0 }) > 0) {
    throw invalid(`${label(index, 'taxRate')}: must be a percentage from 0 to 100`);
  }
  const net = toMinorUnits(roundToScale(multiply(quantity, unitPrice), digits), `${label(index, 'unitPrice')} (line net)`);
  return {
    description,
    quantity: canonicalText(quantity),
    unitPrice: textWithMinScale(unitPrice, digits),
    taxRate: canonicalText(rate),
    net,
    rate,
  };
}

/** Prices every item and totals the invoice; throws DomainError('invalid') naming the field at fault. */
export function computeTotals(inputs: readonly ItemInput[], currency: string, label: FieldLabel = jsonFieldLabel): Totals {
  if (inputs.length === 0) throw invalid('items: an invoice needs at least one item');
  if (inputs.length > MAX_ITEMS) throw invalid(`items: an invoice holds at most ${MAX_ITEMS} items`);
  const digits = minorDigits(currency);
  const priced = inputs.map((input, index) => parseItem(input, index, label, digits));

  const byRate = new Map<string, { rate: Decimal; base: bigint }>();
  for (const item of priced) {
    const entry = byRate.get(item.taxRate) ?? { rate: item.rate, base: 0n };
    entry.base += BigInt(item.net);
    byRate.set(item.taxRate, entry);
  }
  const taxes: TaxLine[] = [...byRate.entries()]
    .sort(([, a], [, b]) => compareDecimals(a.rate, b.rate))
    .map(([rateText, { rate, base }]) => ({
      rate: rateText,
      base: toMinorUnits(base, `tax base at ${rateText}%`),
      tax: toMinorUnits(divideRoundHalfAwayFromZero(base * rate.coef, 100n * pow10(rate.scale)), `tax at ${rateText}%`),
    }));

  const subtotal = toMinorUnits(priced.reduce((sum, item) => sum + BigInt(item.net), 0n), 'subtotal');
  const tax = toMinorUnits(taxes.reduce((sum, line) => sum + BigInt(line.tax), 0n), 'tax');
  const total = toMinorUnits(BigInt(subtotal) + BigInt(tax), 'total');
  if (total < 0) throw invalid('items: the invoice total would be negative; discounts cannot exceed the charges');
  const items = priced.map(({ rate: _rate, ...item }) => item);
  return { items, taxes, subtotal, tax, total };
}

/**
 * The input that prices to `line` again: how an edit or `verify` recomputes stored lines. An allowance or
 * charge given as a percentage is given again as that percentage; one given as an amount, as that amount.
 */
export function inputOfLine(line: LineItem, currency: string): ItemInput {
  const digits = minorDigits(currency);
  const adjustment = (entry: LineAdjustment): AdjustmentInput => ({
    ...(entry.percent !== undefined ? { percent: entry.percent } : { amount: canonicalText({ coef: BigInt(entry.amount), scale: digits }) }),
    ...(entry.reason !== undefined && { reason: entry.reason }),
    ...(entry.reasonCode !== undefined && { reasonCode: entry.reasonCode }),
  });
  return {
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    taxRate: line.taxRate,
    ...(line.unit !== undefined && { unit: line.unit }),
    ...(line.baseQuantity !== undefined && { baseQuantity: line.baseQuantity }),
    ...(line.taxCategory !== undefined && { taxCategory: line.taxCategory }),
    ...(line.exemptionReason !== undefined && { exemptionReason: line.exemptionReason }),
    ...(line.exemptionCode !== undefined && { exemptionCode: line.exemptionCode }),
    ...(line.allowances !== undefined && { allowances: line.allowances.map(adjustment) }),
    ...(line.charges !== undefined && { charges: line.charges.map(adjustment) }),
  };
}
