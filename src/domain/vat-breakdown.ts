/**
 * The VAT breakdown (BG-23): one line per (category, rate), with its base, its tax rounded once, and, for the
 * categories that tax nothing, its exemption reason. See totals.ts for where it sits in the arithmetic.
 */
import { type Decimal, canonicalText, compareDecimals } from './decimal.js';
import { parseRate, percentOf } from './decimal-field.js';
import { groupKey } from './adjustments.js';
import { toMinorUnits } from './money.js';
import type { DocumentAdjustment, TaxLine, VatCategory, VatExemption } from './types.js';
import { type CategoryDefaults, EXEMPT_CATEGORIES, VAT_CATEGORIES, defaultExemptionReason } from './vat-categories.js';

/** A priced line as the breakdown needs it. */
export interface BreakdownLine extends VatExemption {
  category: VatCategory;
  rate: Decimal;
  rateText: string;
  net: number;
}

interface GroupTotals extends VatExemption {
  category: VatCategory;
  rate: Decimal;
  rateText: string;
  base: bigint;
}

/**
 * Groups lines and document allowances and charges by (category, rate), sorted by rate, then category in
 * EN 16931's order. A group's exemption reason is the first its lines, then allowances, then charges give
 * (vat-rules.ts refuses two different ones in a category); with none given, the category's standard text in
 * `lang`, or the small-business note when `defaults.smallBusiness` made the category.
 */
export function vatBreakdown(
  lines: readonly BreakdownLine[],
  allowances: readonly DocumentAdjustment[],
  charges: readonly DocumentAdjustment[],
  options: { defaults?: CategoryDefaults; lang?: string; sellerCountry?: string },
): TaxLine[] {
  const groups = new Map<string, GroupTotals>();
  const add = (category: VatCategory, rate: Decimal, rateText: string, amount: bigint, source: VatExemption) => {
    const key = groupKey(category, rateText);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { category, rate, rateText, base: 0n }));
    group.base += amount;
    group.exemptionReason ??= source.exemptionReason;
    group.exemptionCode ??= source.exemptionCode;
  };
  for (const line of lines) add(line.category, line.rate, line.rateText, BigInt(line.net), line);
  for (const [entries, sign, field] of [[allowances, -1n, 'allowances'], [charges, 1n, 'charges']] as const) {
    for (const entry of entries) {
      const rate = parseRate(entry.taxRate, field);
      add(entry.taxCategory, rate, canonicalText(rate), sign * BigInt(entry.amount), entry);
    }
  }
  const smallBusiness = options.defaults?.smallBusiness;
  return [...groups.values()]
    .sort((a, b) => compareDecimals(a.rate, b.rate) || VAT_CATEGORIES.indexOf(a.category) - VAT_CATEGORIES.indexOf(b.category))
    .map((group) => {
      const where = group.category === 'S' ? `${group.rateText}%` : `${group.category} ${group.rateText}%`;
      const exempt = EXEMPT_CATEGORIES.has(group.category);
      const reason =
        group.exemptionReason ??
        (exempt && group.exemptionCode === undefined
          ? defaultExemptionReason(group.category, options.lang, group.category === smallBusiness ? { ...(options.sellerCountry !== undefined && { sellerCountry: options.sellerCountry }) } : undefined)
          : undefined);
      return {
        category: group.category,
        rate: group.rateText,
        ...(exempt && reason !== undefined && { exemptionReason: reason }),
        ...(exempt && group.exemptionCode !== undefined && { exemptionCode: group.exemptionCode }),
        base: toMinorUnits(group.base, `tax base at ${where}`),
        // Rounding place 3 (totals.ts): once per group.
        tax: toMinorUnits(percentOf(group.base, group.rate), `tax at ${where}`),
      };
    });
}
