/**
 * Money: an integer number of minor units (cents, yen, fils) together with an ISO 4217 currency.
 * In the store and in memory an amount is a JavaScript safe integer; in JSON output it is a decimal string
 * with exactly the currency's minor digits ("1785.00" EUR, "1785" JPY, "1785.000" KWD).
 *
 * The one rounding rule (used by totals.ts, nowhere else): round half away from zero to the minor unit.
 *   2 × 0.125 EUR  = 0.25    → 0.25
 *   3 × 0.335 EUR  = 1.005   → 1.01   (half: away from zero)
 *   1 × -1.005 EUR = -1.005  → -1.01  (half: away from zero, symmetric for discounts)
 *   19% of 0.05 EUR = 0.0095 → 0.01
 *   7% of 150 JPY  = 10.5    → 11
 *   5% of 1.234 KWD = 0.0617 → 0.062
 *
 * Limits: every amount, line or total, stays within ±MAX_MINOR_UNITS minor units (under 2^53), so it is
 * exact as a JavaScript number; a larger value is refused as invalid input, never rounded or wrapped.
 */
import { type Decimal, canonicalText, parseDecimal } from './decimal.js';
import { invalid } from './errors.js';
import { minorDigits } from './currency.js';

export const MAX_MINOR_UNITS = 999_999_999_999_999;

/** An amount that must be exact at the currency's minor unit: "100.5" EUR → 10050; "100.001" EUR is refused. */
export function parseAmount(text: string, currency: string, field: string): number {
  const written = parseDecimal(text);
  if (!written) throw invalid(`${field}: '${text}' is not a decimal amount (write it like 1234.56)`);
  // Trailing zeros are exact: 100.000 EUR is 100.00 EUR.
  const value = parseDecimal(canonicalText(written)) as Decimal;
  const digits = minorDigits(currency);
  if (value.scale > digits) {
    throw invalid(`${field}: ${text} has more than ${digits} decimal place${digits === 1 ? '' : 's'}, the most ${currency} allows`);
  }
  return toMinorUnits(value.coef * 10n ** BigInt(digits - value.scale), field);
}

/** A bigint of minor units as a safe number, refusing amounts beyond the documented limit. */
export function toMinorUnits(minor: bigint, field: string): number {
  const limit = BigInt(MAX_MINOR_UNITS);
  if (minor > limit || minor < -limit) throw invalid(`${field}: amount is too large (the limit is ${MAX_MINOR_UNITS} minor units)`);
  return Number(minor);
}

/** The exact decimal form ("1785.00"), with the display and language forms, lives in money-format.ts. */
export { formatAmount } from './money-format.js';
