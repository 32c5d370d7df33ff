/**
 * Invoice totals, computed once here and read by every output (tables, JSON, PDF, email, e-invoices):
 * EN 16931's arithmetic (BT numbers are its business terms). All amounts are integers of minor units.
 *
 * The one rounding rule: round half away from zero to the currency's minor unit (money.ts), at exactly
 * these places and nowhere else:
 *   1. a line's gross amount      q × (price ÷ base quantity)               (BT-129 × BT-146 ÷ BT-149)
 *   2. each percentage allowance or charge, of a line (on 1, BT-136/141) or of the document
 *      (on its base, BT-92/99): each an amount of the currency, each applied to the base independently
 *   3. each VAT group's tax       rate × group base                        (BT-117)
 * Everything else is exact integer addition:
 *   line net (BT-131)   = 1 − line allowances + line charges
 *   lineTotal (BT-106)  = Σ line nets;  allowanceTotal/chargeTotal (BT-107/108) = Σ document-level ones
 *   subtotal (BT-109)   = lineTotal − allowanceTotal + chargeTotal   (the total without VAT)
 *   group base (BT-116) = Σ its line nets − its allowances + its charges, per (category, rate) (BR-S-08 …)
 *   tax (BT-110) = Σ group taxes;  total (BT-112) = subtotal + tax, never below 0
 * Rounding each allowance before subtracting it is what EN 16931 requires, since BT-136 is itself an amount
 * with two decimals; rounding q × price first and not q × price − allowance makes no difference then.
 *
 * Worked example (EUR, lines 1 and 2 at S 19%, line 3 at S 7%, a document charge at S 7%):
 *   1. 3 × 33.33 = 99.99, allowance 10% = 9.999 → 10.00, net 89.99
 *   2. 12 × (5.00 ÷ 12, a price per dozen) = 5.00, net 5.00
 *   3. 2 × 0.125 = 0.25, net 0.25;   charge "Shipping" 12.50 at S 7%
 *   lineTotal 95.24, chargeTotal 12.50, subtotal 107.74
 *   S 19%: base 94.99, tax 18.0481 → 18.05;  S 7%: base 12.75, tax 0.8925 → 0.89
 *   tax 18.94, total 126.68
 * Why tax per group and not per line: three lines of 0.02 at 19% would be taxed 0.0038 → 0.00 each; per
 * group it is 19% × 0.06 = 0.0114 → 0.01. Per-line rounding drifts; per-group is what EN 16931 checks.
 * A group is (category, rate), not rate alone: 0% exempt and 0% reverse charge are two lines of the VAT
 * breakdown (vat-breakdown.ts), each with its exemption reason (vat-categories.ts). The VAT rules that refuse impossible
 * combinations live in vat-rules.ts.
 */
import { type AdjustmentKind, type VatGroup, groupKey, priceDocumentAdjustments, priceLineAdjustments } from './adjustments.js';
import { type Decimal, canonicalText, compareDecimals, divideRoundHalfAwayFromZero, multiply, pow10, textWithMinScale } from './decimal.js';
import { parseDecimalField, parseRate } from './decimal-field.js';
import { invalid } from './errors.js';
import * as fields from './fields.js';
import { minorDigits } from './currency.js';
import { toMinorUnits } from './money.js';
import type { DocumentAdjustment, LineAdjustment, LineItem, TaxLine, VatCategory } from './types.js';
import { DEFAULT_UNIT, unitCode } from './units.js';
import { type CategoryDefaults, defaultCategory, parseExemptionCode, parseVatCategory } from './vat-categories.js';
import { vatBreakdown } from './vat-breakdown.js';

export const MAX_ITEMS = 1000;
export const MAX_DESCRIPTION_LENGTH = 1000;
const MAX_QUANTITY_DECIMALS = 6;
const MAX_PRICE_DECIMALS = 6;
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
  /** BT-109, the total without VAT: lineTotal − allowanceTotal + chargeTotal. */
  subtotal: number;
  tax: number;
  total: number;
  lineTotal: number;
  allowanceTotal: number;
  chargeTotal: number;
  /** Document-level allowances and charges (BG-20/21), each in one VAT group; absent when there are none. */
  allowances?: DocumentAdjustment[];
  charges?: DocumentAdjustment[];
}

/** What computeTotals needs beyond the items: document-level allowances and charges, and where defaults come from. */
export interface TotalsOptions {
  label?: FieldLabel;
  allowances?: readonly DocumentAdjustmentInput[];
  charges?: readonly DocumentAdjustmentInput[];
  /** The category of lines that give none (the customer's treatment, the small-business setting). */
  defaults?: CategoryDefaults;
  /** The invoice's language, for default exemption texts (en when absent). */
  lang?: string;
  /** The seller's country (ISO 3166), for the small-business note's law. */
  sellerCountry?: string;
}

/** Names the field at fault in error messages: items[0].quantity for JSON, "item 1 --qty" for flags. */
export type FieldLabel = (index: number, field: 'description' | 'quantity' | 'unitPrice' | 'taxRate') => string;

export const jsonFieldLabel: FieldLabel = (index, field) => `items[${index}].${field}`;

/** Names the item fields FieldLabel does not know (unit, allowances, …) in the same style. */
function otherFieldLabel(label: FieldLabel, index: number, field: string): string {
  return label === jsonFieldLabel ? `items[${index}].${field}` : `item ${index + 1} ${field}`;
}

interface PricedLine {
  item: LineItem;
  category: VatCategory;
  rate: Decimal;
}

function parseItem(input: ItemInput, index: number, label: FieldLabel, currency: string, defaults: CategoryDefaults): PricedLine {
  const digits = minorDigits(currency);
  const other = (field: string) => otherFieldLabel(label, index, field);
  // Several lines are allowed (a phase, a list of deliverables), as before; control characters are not.
  const description = fields.multiLine(input.description, label(index, 'description'), MAX_DESCRIPTION_LENGTH);
  const quantity = parseDecimalField(input.quantity ?? '1', label(index, 'quantity'), MAX_QUANTITY_DECIMALS, MAX_QUANTITY_DIGITS);
  // Negative quantities are returns (EN 16931 allows them); the invoice total stays ≥ 0 (computeTotals).
  if (quantity.coef === 0n) throw invalid(`${label(index, 'quantity')}: must not be 0`);
  const unitPrice = parseDecimalField(input.unitPrice, label(index, 'unitPrice'), MAX_PRICE_DECIMALS, MAX_PRICE_DIGITS);
  const rate = parseRate(input.taxRate ?? '0', label(index, 'taxRate'));
  const baseQuantity = input.baseQuantity === undefined ? undefined : parseDecimalField(input.baseQuantity, other('baseQuantity'), MAX_QUANTITY_DECIMALS, MAX_QUANTITY_DIGITS);
  if (baseQuantity !== undefined && baseQuantity.coef <= 0n) throw invalid(`${other('baseQuantity')}: must be more than 0`);
  const unit = input.unit === undefined ? DEFAULT_UNIT : unitCode(input.unit, other('unit'));
  const category = input.taxCategory !== undefined ? parseVatCategory(input.taxCategory, other('taxCategory')) : defaultCategory({ rate, ...defaults });

  // Rounding place 1: q × price ÷ base quantity, exact until here (BT-149 divides the price, not the amount).
  const gross = multiply(quantity, unitPrice);
  const per = baseQuantity ?? { coef: 1n, scale: 0 };
  const grossMinor = divideRoundHalfAwayFromZero(gross.coef * pow10(digits + per.scale), per.coef * pow10(gross.scale));
  const grossAmount = toMinorUnits(grossMinor, `${label(index, 'unitPrice')} (line net)`);
  const allowances = priceLineAdjustments(input.allowances, 'allowances', BigInt(grossAmount), currency, other('allowances'));
  const charges = priceLineAdjustments(input.charges, 'charges', BigInt(grossAmount), currency, other('charges'));
  const sum = (entries: LineAdjustment[]) => entries.reduce((total, entry) => total + BigInt(entry.amount), 0n);
  const net = toMinorUnits(BigInt(grossAmount) - sum(allowances) + sum(charges), `${label(index, 'unitPrice')} (line net)`);
  const item: LineItem = {
    description,
    quantity: canonicalText(quantity),
    unitPrice: textWithMinScale(unitPrice, digits),
    taxRate: canonicalText(rate),
    net,
    ...(unit !== DEFAULT_UNIT && { unit }),
    ...(baseQuantity !== undefined && compareDecimals(baseQuantity, { coef: 1n, scale: 0 }) !== 0 && { baseQuantity: canonicalText(baseQuantity) }),
    taxCategory: category,
    ...(input.exemptionReason !== undefined && { exemptionReason: singleLineReason(input.exemptionReason, other('exemptionReason')) }),
    ...(input.exemptionCode !== undefined && { exemptionCode: parseExemptionCode(input.exemptionCode, other('exemptionCode')) }),
    ...(allowances.length > 0 && { allowances }),
    ...(charges.length > 0 && { charges }),
  };
  return { item, category, rate };
}

function singleLineReason(text: string, field: string): string {
  return fields.singleLine(text, field, 200);
}

function lineGroups(lines: readonly PricedLine[]): VatGroup[] {
  const groups = new Map<string, VatGroup>();
  for (const { item, category, rate } of lines) {
    const key = groupKey(category, item.taxRate);
    const group = groups.get(key) ?? { category, rate, rateText: item.taxRate, lineTotal: 0n };
    group.lineTotal += BigInt(item.net);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Prices every item, the document's allowances and charges, and totals the invoice; throws
 * DomainError('invalid') naming the field at fault. The third argument is a FieldLabel (the form older
 * callers use) or TotalsOptions.
 */
export function computeTotals(inputs: readonly ItemInput[], currency: string, labelOrOptions: FieldLabel | TotalsOptions = jsonFieldLabel): Totals {
  const options: TotalsOptions = typeof labelOrOptions === 'function' ? { label: labelOrOptions } : labelOrOptions;
  const label = options.label ?? jsonFieldLabel;
  const defaults = options.defaults ?? {};
  if (inputs.length === 0) throw invalid('items: an invoice needs at least one item');
  if (inputs.length > MAX_ITEMS) throw invalid(`items: an invoice holds at most ${MAX_ITEMS} items`);
  const lines = inputs.map((input, index) => parseItem(input, index, label, currency, defaults));
  const groups = lineGroups(lines);
  const priced = (kind: AdjustmentKind) => priceDocumentAdjustments(options[kind], kind, groups, currency, defaults);
  const allowances = priced('allowances');
  const charges = priced('charges');
  const taxes = vatBreakdown(lines.map(({ item, category, rate }) => ({ category, rate, rateText: item.taxRate, net: item.net, exemptionReason: item.exemptionReason, exemptionCode: item.exemptionCode })), allowances, charges, options);

  const sum = (amounts: readonly number[]) => amounts.reduce((total, amount) => total + BigInt(amount), 0n);
  const lineTotal = toMinorUnits(sum(lines.map((line) => line.item.net)), 'line total');
  const allowanceTotal = toMinorUnits(sum(allowances.map((entry) => entry.amount)), 'allowance total');
  const chargeTotal = toMinorUnits(sum(charges.map((entry) => entry.amount)), 'charge total');
  const subtotal = toMinorUnits(BigInt(lineTotal) - BigInt(allowanceTotal) + BigInt(chargeTotal), 'subtotal');
  const tax = toMinorUnits(sum(taxes.map((line) => line.tax)), 'tax');
  const total = toMinorUnits(BigInt(subtotal) + BigInt(tax), 'total');
  if (total < 0) throw invalid('items: the invoice total would be negative; discounts cannot exceed the charges');
  return {
    items: lines.map((line) => line.item),
    taxes,
    subtotal,
    tax,
    total,
    lineTotal,
    allowanceTotal,
    chargeTotal,
    ...(allowances.length > 0 && { allowances }),
    ...(charges.length > 0 && { charges }),
  };
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
