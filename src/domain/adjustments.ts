/**
 * Allowances and charges (EN 16931 BG-27/28 on a line, BG-20/21 on the document), priced to minor units.
 * A percentage becomes an amount once, rounded half away from zero to the minor unit (BT-136/141 and
 * BT-92/99 are amounts of the currency); an amount given is exact already (money.ts refuses a third decimal
 * in EUR). See totals.ts for where they enter the arithmetic.
 *   line: 10% of 3 × 33.33 (base 99.99) = 9.999 → 10.00;  document: 5% of the S 19% lines' 1,000.00 = 50.00
 */
import { type Decimal, canonicalText } from './decimal.js';
import { parsePercent, parseRate, percentOf } from './decimal-field.js';
import { invalid } from './errors.js';
import { singleLine } from './fields.js';
import { minorDigits } from './currency.js';
import { parseAmount, toMinorUnits } from './money.js';
import type { AdjustmentInput, DocumentAdjustmentInput } from './totals.js';
import type { DocumentAdjustment, LineAdjustment, VatCategory } from './types.js';
import { type CategoryDefaults, defaultCategory, parseExemptionCode, parseVatCategory } from './vat-categories.js';

export const MAX_ADJUSTMENTS = 100;
const MAX_REASON_LENGTH = 200;

export type AdjustmentKind = 'allowances' | 'charges';

/** A (category, rate) group of lines: the key of the VAT breakdown (BG-23). */
export interface VatGroup {
  category: VatCategory;
  rate: Decimal;
  rateText: string;
  /** The sum of the line nets in the group, in minor units. */
  lineTotal: bigint;
}

export function groupKey(category: VatCategory, rateText: string): string {
  return `${category} ${rateText}`;
}

function describeGroup(group: Pick<VatGroup, 'category' | 'rateText'>): string {
  return group.category === 'S' ? `S ${group.rateText}%` : group.category;
}

function reasonFields(input: AdjustmentInput, field: string): Pick<LineAdjustment, 'reason' | 'reasonCode'> {
  const reasonCode = input.reasonCode?.trim().toUpperCase();
  // UNTDID 5189 (allowance) codes are digits, 7161 (charge) codes letters: both at most 3 characters.
  if (reasonCode !== undefined && !/^[A-Z0-9]{1,3}$/.test(reasonCode)) throw invalid(`${field}.reasonCode: '${input.reasonCode}' is not a UNTDID 5189/7161 code (e.g. 95 or FC)`);
  return {
    ...(input.reason !== undefined && { reason: singleLine(input.reason, `${field}.reason`, MAX_REASON_LENGTH) }),
    ...(reasonCode !== undefined && { reasonCode }),
  };
}

function checkCount(inputs: readonly unknown[] | undefined, field: string): void {
  if (inputs !== undefined && inputs.length > MAX_ADJUSTMENTS) throw invalid(`${field}: at most ${MAX_ADJUSTMENTS}`);
}

function amountGiven(input: AdjustmentInput, currency: string, field: string): bigint {
  const amount = parseAmount(input.amount ?? '', currency, `${field}.amount`);
  if (amount <= 0) throw invalid(`${field}.amount: must be more than 0`);
  return BigInt(amount);
}

function percentOrAmount(input: AdjustmentInput, field: string): 'percent' | 'amount' {
  if (input.percent !== undefined && input.amount !== undefined) throw invalid(`${field}: give a percent or an amount, not both`);
  if (input.percent === undefined && input.amount === undefined) throw invalid(`${field}: give a percent or an amount`);
  return input.percent !== undefined ? 'percent' : 'amount';
}

/**
 * A line's allowances or charges. `base` is the line's quantity × net price in minor units (BT-137/142):
 * every percentage applies to it independently of the others.
 */
export function priceLineAdjustments(inputs: readonly AdjustmentInput[] | undefined, kind: AdjustmentKind, base: bigint, currency: string, field: string): LineAdjustment[] {
  checkCount(inputs, field);
  return (inputs ?? []).map((input, index) => {
    const at = `${field}[${index}]`;
    const reasons = reasonFields(input, at);
    if (percentOrAmount(input, at) === 'amount') return { amount: toMinorUnits(amountGiven(input, currency, at), `${at}.amount`), ...reasons };
    const percent = parsePercent(input.percent ?? '', `${at}.percent`, kind === 'allowances');
    return { amount: toMinorUnits(percentOf(base, percent), `${at}.amount`), percent: canonicalText(percent), base: toMinorUnits(base, `${at} base`), ...reasons };
  });
}

/** The group a document-level allowance or charge names, or the only group there is. */
function groupOf(input: DocumentAdjustmentInput, groups: readonly VatGroup[], defaults: CategoryDefaults, field: string): Pick<VatGroup, 'category' | 'rate' | 'rateText'> | undefined {
  const category = input.taxCategory !== undefined ? parseVatCategory(input.taxCategory, `${field}.taxCategory`) : undefined;
  const rate = input.taxRate !== undefined ? parseRate(input.taxRate, `${field}.taxRate`) : undefined;
  if (rate !== undefined) {
    const rateOf = category ?? defaultCategory({ rate, ...defaults });
    return { category: rateOf, rate, rateText: canonicalText(rate) };
  }
  if (category !== undefined && category !== 'S') return { category, rate: { coef: 0n, scale: 0 }, rateText: '0' };
  const candidates = category === 'S' ? groups.filter((group) => group.category === 'S') : groups;
  if (candidates.length === 1) return candidates[0];
  if (category === undefined && input.percent !== undefined && input.baseAmount === undefined) return undefined; // one per group
  const named = candidates.map(describeGroup).join(', ');
  if (category === 'S') throw invalid(`${field}: give its taxRate (the invoice has ${named ? `S lines at ${named}` : 'no S lines'})`);
  throw invalid(`${field}: the invoice's lines are in several VAT groups (${named}); give its taxCategory and taxRate`);
}

/**
 * Document-level allowances or charges, each in one (category, rate) group (BG-20/21, BR-32/37). A
 * percentage without baseAmount takes the line total of its own group as its base; one that names no
 * group, on an invoice with several, becomes one allowance per group ("5% off everything"), each that
 * percentage of its group's line total.
 */
export function priceDocumentAdjustments(
  inputs: readonly DocumentAdjustmentInput[] | undefined,
  kind: AdjustmentKind,
  groups: readonly VatGroup[],
  currency: string,
  defaults: CategoryDefaults,
): DocumentAdjustment[] {
  checkCount(inputs, kind);
  const priced: DocumentAdjustment[] = [];
  (inputs ?? []).forEach((input, index) => {
    const at = `${kind}[${index}]`;
    const shared = {
      ...reasonFields(input, at),
      ...(input.exemptionReason !== undefined && { exemptionReason: singleLine(input.exemptionReason, `${at}.exemptionReason`, MAX_REASON_LENGTH) }),
      ...(input.exemptionCode !== undefined && { exemptionCode: parseExemptionCode(input.exemptionCode, `${at}.exemptionCode`) }),
    };
    const how = percentOrAmount(input, at);
    if (how === 'amount' && input.baseAmount !== undefined) throw invalid(`${at}.baseAmount: only with a percent`);
    const group = groupOf(input, groups, defaults, at);
    const targets = group ? [group] : groups.filter((candidate) => candidate.lineTotal !== 0n);
    for (const target of targets) {
      const where = { taxCategory: target.category, taxRate: target.rateText };
      if (how === 'amount') {
        priced.push({ amount: toMinorUnits(amountGiven(input, currency, at), `${at}.amount`), ...where, ...shared });
        continue;
      }
      const percent = parsePercent(input.percent ?? '', `${at}.percent`, kind === 'allowances');
      const given = input.baseAmount !== undefined ? BigInt(parseAmount(input.baseAmount, currency, `${at}.baseAmount`)) : undefined;
      const base = given ?? groups.find((candidate) => candidate.category === target.category && candidate.rateText === target.rateText)?.lineTotal;
      if (base === undefined) throw invalid(`${at}: no lines in ${describeGroup(target)} to take ${canonicalText(percent)}% of; give a baseAmount`);
      priced.push({
        amount: toMinorUnits(percentOf(base, percent), `${at}.amount`),
        percent: canonicalText(percent),
        base: toMinorUnits(base, `${at}.baseAmount`),
        ...(given !== undefined && { baseGiven: true }),
        ...where,
        ...shared,
      });
    }
  });
  return priced;
}

/** The input that prices `entry` again (an edit or `verify`): a percentage stays a percentage of its group. */
export function inputOfDocumentAdjustment(entry: DocumentAdjustment, currency: string): DocumentAdjustmentInput {
  const digits = minorDigits(currency);
  const money = (minor: number) => canonicalText({ coef: BigInt(minor), scale: digits });
  return {
    ...(entry.percent !== undefined ? { percent: entry.percent } : { amount: money(entry.amount) }),
    ...(entry.percent !== undefined && entry.baseGiven === true && entry.base !== undefined && { baseAmount: money(entry.base) }),
    taxCategory: entry.taxCategory,
    taxRate: entry.taxRate,
    ...(entry.reason !== undefined && { reason: entry.reason }),
    ...(entry.reasonCode !== undefined && { reasonCode: entry.reasonCode }),
    ...(entry.exemptionReason !== undefined && { exemptionReason: entry.exemptionReason }),
    ...(entry.exemptionCode !== undefined && { exemptionCode: entry.exemptionCode }),
  };
}
