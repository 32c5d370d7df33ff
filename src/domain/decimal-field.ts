/**
 * Decimal values as users write them on invoices (quantities, prices, rates, percentages): parsed exactly,
 * with limits on decimals and digits so every product of them stays within the money limits of money.ts.
 */
import { type Decimal, compareDecimals, divideRoundHalfAwayFromZero, parseDecimal, pow10 } from './decimal.js';
import { invalid } from './errors.js';

export const MAX_RATE_DECIMALS = 4;
const HUNDRED: Decimal = { coef: 100n, scale: 0 };

function integerDigits(value: Decimal): number {
  const magnitude = value.coef < 0n ? -value.coef : value.coef;
  return Math.max(0, (magnitude / pow10(value.scale)).toString().length);
}

/** A decimal with at most `maxDecimals` decimals and `maxDigits` whole digits; refused naming `label`. */
export function parseDecimalField(text: string, label: string, maxDecimals: number, maxDigits: number): Decimal {
  const value = parseDecimal(text);
  if (!value) throw invalid(`${label}: '${text}' is not a decimal number`);
  if (value.scale > maxDecimals) throw invalid(`${label}: ${text} has more than ${maxDecimals} decimal places`);
  if (integerDigits(value) > maxDigits) throw invalid(`${label}: ${text} is too large`);
  return value;
}

/** A VAT rate in percent, 0 to 100. */
export function parseRate(text: string, label: string): Decimal {
  const rate = parseDecimalField(text, label, MAX_RATE_DECIMALS, 3);
  if (rate.coef < 0n || compareDecimals(rate, HUNDRED) > 0) throw invalid(`${label}: must be a percentage from 0 to 100`);
  return rate;
}

/** A percentage of an allowance or charge: "10", "2.5" or "10%"; above 0, and at most 100 for an allowance. */
export function parsePercent(text: string, label: string, atMost100: boolean): Decimal {
  const percent = parseDecimalField(text.trim().replace(/\s*%$/, ''), label, MAX_RATE_DECIMALS, 4);
  if (percent.coef <= 0n) throw invalid(`${label}: must be more than 0`);
  if (atMost100 && compareDecimals(percent, HUNDRED) > 0) throw invalid(`${label}: an allowance is at most 100%`);
  return percent;
}

/** round(amount × percent ÷ 100) in minor units, half away from zero: the one way a percentage becomes money. */
export function percentOf(amount: bigint, percent: Decimal): bigint {
  return divideRoundHalfAwayFromZero(amount * percent.coef, 100n * pow10(percent.scale));
}
