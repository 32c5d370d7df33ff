/**
 * Amounts as text: the one module that turns minor units into something to read. Three forms, each for
 * one audience, and no other way of writing an amount anywhere in SmallPay:
 *
 *   exact decimal, for programs (--json, --csv, the EPC QR code)   formatAmount(178500, 'EUR')     "1785.00"
 *   display, for the person at the terminal (tables, detail views,  displayMoney(178500, 'EUR')     "1,785.00 EUR"
 *     every message on stderr)                                      displayMoney(-5, 'KWD')         "-0.005 KWD"
 *   the customer's language, for documents (PDF, email)            formatMoney(178500, 'EUR', 'de') "1.785,00 €"
 *
 * The display form is the same whatever the locale: digits grouped by commas, a decimal point, exactly the
 * currency's minor digits, and the ISO code after the number. A message on stderr and the table under it
 * read alike, columns of it line up, and the code tells USD from CAD where "$" would not.
 *
 * Intl formats the exact decimal string (a string argument, ES2023 Intl.NumberFormat v3), never a float, so
 * 999999999999999.99 prints as stored. Intl is pure computation: it reads no file, clock or environment.
 * The display form does without Intl for plain decimals: creating the first Intl.NumberFormat of a process
 * loads ICU's locale data, 30–60 ms, which was a tenth of every `invoice show` or `pay` (bench/engines.mjs).
 */
import { minorDigits } from './currency.js';

/**
 * 178500 EUR → "1785.00"; 1785 JPY → "1785"; -5 KWD → "-0.005". Amounts are safe integers, whose String()
 * is exact digits, so this needs no bigint (it runs for every amount of every invoice in `invoice list --json`).
 * This is the public form of --json and --csv: never change it.
 */
export function formatAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const magnitude = String(minor < 0 ? -minor : minor);
  const sign = minor < 0 ? '-' : '';
  if (digits === 0) return sign + magnitude;
  const padded = magnitude.padStart(digits + 1, '0');
  const point = padded.length - digits;
  return `${sign}${padded.slice(0, point)}.${padded.slice(point)}`;
}

const formats = new Map<string, Intl.NumberFormat>();

/** Intl formatters are costly to create (locale data): one per kind, locale, currency and precision. */
function cachedFormat(key: string, create: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = create();
    formats.set(key, format);
  }
  return format;
}

/** Intl accepts decimal strings and formats them exactly; its types only admit numbers. */
const exact = (decimal: string) => decimal as unknown as number;

/** An optional minus, digits, and optionally a point and digits: every amount and price SmallPay stores. */
const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function decimalPlaces(decimal: string): number {
  const point = decimal.indexOf('.');
  return point === -1 ? 0 : decimal.length - point - 1;
}

/**
 * The display form of an exact decimal string (as --json gives it, or a unit price): ("1785.00", 'EUR') →
 * "1,785.00 EUR"; at least the currency's digits, and every digit written: ("0.125", 'EUR') → "0.125 EUR".
 */
export function displayDecimal(decimal: string, currency: string): string {
  const digits = Math.max(minorDigits(currency), decimalPlaces(decimal));
  const plain = PLAIN_DECIMAL.exec(decimal);
  if (plain !== null) {
    // What Intl's en-US grouping writes for these (test/domain/money-format.test.ts compares the two).
    const [, sign, whole, fraction = ''] = plain;
    const grouped = whole!.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+$)/g, ',');
    return `${sign}${grouped}${digits === 0 ? '' : `.${fraction.padEnd(digits, '0')}`} ${currency}`;
  }
  const grouping = cachedFormat(`display ${digits}`, () => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return `${grouping.format(exact(decimal))} ${currency}`;
}

/** The display form, for tables and messages: (178500, 'EUR') → "1,785.00 EUR". */
export function displayMoney(minor: number, currency: string): string {
  return displayDecimal(formatAmount(minor, currency), currency);
}

/** An amount for a customer in their language: (178500, 'EUR', 'de') → "1.785,00 €"; 'en' → "€1,785.00". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const format = cachedFormat(`money ${locale} ${currency} ${digits}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return format.format(exact(formatAmount(minor, currency)));
}

/**
 * A unit price in the customer's language. Prices may have more decimals than the currency (0.125 EUR), and
 * keep them all: ("0.125", 'EUR', 'de') → "0,125 €"; ("12.5", 'EUR', 'en') → "€12.50".
 */
export function formatUnitPrice(unitPrice: string, currency: string, locale: string): string {
  const decimals = Math.max(minorDigits(currency), decimalPlaces(unitPrice));
  const format = cachedFormat(`money ${locale} ${currency} ${decimals}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  return format.format(exact(unitPrice));
}
