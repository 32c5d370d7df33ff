/**
 * The invoice-wide flags of `invoice new` and `invoice edit` beyond the items: the date of supply, the
 * references, and document-level discounts and charges. They map one to one onto the JSON input
 * (src/cli/invoice-input.schema.json):
 *
 *   --service-date 2026-11-03                 serviceDate                       (BT-72)
 *   --period 2026-11-01..2026-11-30           servicePeriod {start, end}        (BT-73/74)
 *   --po 4500012345                           purchaseOrder                     (BT-13)
 *   --buyer-reference 04011000-12345-67       buyerReference (Leitweg-ID)       (BT-10)
 *   --contract "Framework 2026"               contract                          (BT-12)
 *   --invoice-discount 5% [--invoice-discount-reason …]
 *                                             allowances [{percent, reason}]    (BG-20; the core splits a
 *                                             percentage into one allowance per (category, rate) group)
 *   --charge 12.50 --charge-reason Shipping [--charge-tax 19] [--charge-category S]
 *                                             charges [{amount, reason, taxRate, taxCategory}]   (BG-21)
 */
import { parseCalendarDate } from '../domain/dates.js';
import type { InvoiceInput } from '../domain/invoices.js';
import type { DocumentAdjustmentInput } from '../domain/totals.js';
import { VAT_CATEGORIES } from '../domain/vat-categories.js';
import { UsageError } from './errors.js';
import { optionalString } from './flags.js';
import { adjustmentFromFlag } from './item-flags.js';

export type DocumentFields = Pick<InvoiceInput, 'serviceDate' | 'servicePeriod' | 'purchaseOrder' | 'buyerReference' | 'contract' | 'allowances' | 'charges'>;

function reference(opts: Record<string, unknown>, key: string, flag: string): string | undefined {
  const value = optionalString(opts, key);
  if (value === undefined) return undefined;
  if (/[\r\n]/.test(value)) throw new UsageError(`${flag}: must be one line`);
  return value.trim();
}

/** "2026-11-01..2026-11-30" → {start, end}; the end may not come before the start. */
export function servicePeriodFromFlag(text: string): { start: string; end: string } {
  const parts = text.split('..');
  if (parts.length !== 2) throw new UsageError(`--period: '${text}' is not <start>..<end> (e.g. 2026-11-01..2026-11-30)`);
  const start = parseCalendarDate(parts[0] ?? '', '--period start');
  const end = parseCalendarDate(parts[1] ?? '', '--period end');
  if (end < start) throw new UsageError(`--period: the end ${end} is before the start ${start}`);
  return { start, end };
}

/** The document fields the flags give; dependent flags without their main flag are usage errors. */
export function documentFieldsFromFlags(opts: Record<string, unknown>): DocumentFields {
  const fields: DocumentFields = {};
  const serviceDate = optionalString(opts, 'serviceDate');
  if (serviceDate !== undefined) fields.serviceDate = parseCalendarDate(serviceDate, '--service-date');
  const period = optionalString(opts, 'period');
  if (period !== undefined) fields.servicePeriod = servicePeriodFromFlag(period);
  const references = [
    ['purchaseOrder', 'po', '--po'],
    ['buyerReference', 'buyerReference', '--buyer-reference'],
    ['contract', 'contract', '--contract'],
  ] as const;
  for (const [field, key, flag] of references) {
    const value = reference(opts, key, flag);
    if (value !== undefined) fields[field] = value;
  }

  const discount = optionalString(opts, 'invoiceDiscount');
  const discountReason = optionalString(opts, 'invoiceDiscountReason');
  if (discount === undefined && discountReason !== undefined) throw new UsageError('--invoice-discount-reason: needs --invoice-discount');
  if (discount !== undefined) fields.allowances = [{ ...adjustmentFromFlag(discount, '--invoice-discount'), ...(discountReason !== undefined && { reason: discountReason }) }];

  const charge = optionalString(opts, 'charge');
  const chargeExtras = { reason: optionalString(opts, 'chargeReason'), taxRate: optionalString(opts, 'chargeTax'), taxCategory: optionalString(opts, 'chargeCategory') };
  if (charge === undefined) {
    const stray = Object.entries(chargeExtras).find(([, value]) => value !== undefined);
    if (stray) throw new UsageError(`--charge-${stray[0] === 'reason' ? 'reason' : stray[0] === 'taxRate' ? 'tax' : 'category'}: needs --charge`);
  } else {
    const entry: DocumentAdjustmentInput = adjustmentFromFlag(charge, '--charge');
    if (chargeExtras.reason !== undefined) entry.reason = chargeExtras.reason;
    if (chargeExtras.taxRate !== undefined) {
      const rate = chargeExtras.taxRate.trim();
      if (!/^\d{1,3}(\.\d{1,4})?$/.test(rate) || Number(rate) > 100) throw new UsageError(`--charge-tax: '${chargeExtras.taxRate}' is not a percentage from 0 to 100`);
      entry.taxRate = rate;
    }
    if (chargeExtras.taxCategory !== undefined) {
      const category = chargeExtras.taxCategory.trim().toUpperCase();
      if (!(VAT_CATEGORIES as readonly string[]).includes(category)) throw new UsageError(`--charge-category: '${chargeExtras.taxCategory}' is not a VAT category (${VAT_CATEGORIES.join(', ')})`);
      entry.taxCategory = category;
    }
    fields.charges = [entry];
  }
  return fields;
}
