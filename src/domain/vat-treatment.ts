/**
 * The VAT category a new line gets when it names none (BT-151), from who sells and who buys:
 * - a small business (§19 UStG, franchise en base; setting vat.smallBusiness) charges no VAT: O, or E when
 *   vat.smallBusinessCategory says so;
 * - otherwise the customer's treatment: reverse-charge → AE, intra-community → K, export → G, exempt → E;
 * - standard (or none): S when the line has a rate above 0, Z at 0.
 * A rate that does not fit the category (19 % on a reverse-charge customer's line, or on a small business's)
 * is not a reason to pick another category: the VAT rules refuse it by name (BR-AE, BR-O) instead of
 * charging VAT silently or dropping it. A line that means standard VAT says --category S.
 *
 * Kept to one function so the VAT core's own resolver can replace it without touching the callers.
 */
import { parseDecimal } from './decimal.js';
import { invalid } from './errors.js';
import type { InvoiceInput } from './invoices.js';
import type { Business, Customer, VatCategory, VatTreatment } from './types.js';

export const VAT_TREATMENTS: readonly VatTreatment[] = ['standard', 'reverse-charge', 'intra-community', 'export', 'exempt'];
export const VAT_CATEGORIES: readonly VatCategory[] = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'];

const CATEGORY_OF: Record<Exclude<VatTreatment, 'standard'>, VatCategory> = { 'reverse-charge': 'AE', 'intra-community': 'K', export: 'G', exempt: 'E' };

export function vatTreatment(value: string, field: string): VatTreatment {
  const text = value.trim().toLowerCase() as VatTreatment;
  if (!VAT_TREATMENTS.includes(text)) throw invalid(`${field}: '${value}' is not a VAT treatment (${VAT_TREATMENTS.join(', ')})`);
  return text;
}

export function vatCategory(value: string, field: string): VatCategory {
  const text = value.trim().toUpperCase() as VatCategory;
  if (!VAT_CATEGORIES.includes(text)) throw invalid(`${field}: '${value}' is not a VAT category (${VAT_CATEGORIES.join(', ')})`);
  return text;
}

function ratedAboveZero(rate: string | undefined): boolean {
  const value = rate === undefined ? undefined : parseDecimal(rate.trim());
  return value !== undefined && value !== null && value.coef > 0n;
}

/** The category of a line that names none. */
export function defaultLineCategory(rate: string | undefined, customer: Pick<Customer, 'vatTreatment'>, business: Pick<Business, 'vat'>): VatCategory {
  if (business.vat?.smallBusiness === true) return business.vat.smallBusinessCategory ?? 'O';
  const treatment = customer.vatTreatment ?? 'standard';
  if (treatment !== 'standard') return CATEGORY_OF[treatment];
  return ratedAboveZero(rate) ? 'S' : 'Z';
}

/** The input with every line that names no category given its default. */
export function withDefaultCategories<T extends Pick<InvoiceInput, 'items'>>(input: T, customer: Pick<Customer, 'vatTreatment'>, business: Pick<Business, 'vat'>): T {
  const items = input.items.map((item) => (item.taxCategory !== undefined ? item : { ...item, taxCategory: defaultLineCategory(item.taxRate, customer, business) }));
  return { ...input, items };
}
