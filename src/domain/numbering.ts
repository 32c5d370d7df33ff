/**
 * Invoice numbers from a format such as "INV-{YYYY}-{SEQ:4}":
 *   {YYYY} year of the issue date, {YY} its last two digits, {MM} its month,
 *   {SEQ} the sequence number, {SEQ:n} zero-padded to n digits (it grows past n when it must).
 * The sequence runs per series: the number with every date token filled in. "INV-{YYYY}-{SEQ:4}" counts
 * afresh each year (INV-2026-0001, INV-2027-0001); "INV-{YYYY}{MM}-{SEQ}" each month; "INV-{SEQ:5}" never.
 * Numbers are given only at issue, inside the store's lock, so they are unique and gapless per series.
 */
import { monthOf, yearOf } from './dates.js';
import { invalid } from './errors.js';

export const DEFAULT_NUMBER_FORMAT = 'INV-{YYYY}-{SEQ:4}';
const TOKEN = /\{([A-Z]+)(?::(\d+))?\}/g;
const TOKEN_SPLIT = /\{[A-Z]+(?::\d+)?\}/;
// The invoice-number alphabet of identifiers.ts: numbers become file names.
const LITERAL = /^[A-Za-z0-9._-]*$/;
const MAX_FORMAT_LENGTH = 40;

/** Throws DomainError('invalid') unless `format` is a usable number format. */
export function validateNumberFormat(format: string, field = 'numberFormat'): void {
  if (format.length === 0 || format.length > MAX_FORMAT_LENGTH) {
    throw invalid(`${field}: must be 1 to ${MAX_FORMAT_LENGTH} characters`);
  }
  let sequences = 0;
  const tokens = new Set<string>();
  for (const match of format.matchAll(TOKEN)) {
    const [, name = '', width] = match;
    if (!['YYYY', 'YY', 'MM', 'SEQ'].includes(name)) throw invalid(`${field}: unknown placeholder {${name}} in '${format}'`);
    if (width !== undefined && (name !== 'SEQ' || Number(width) < 1 || Number(width) > 12)) {
      throw invalid(`${field}: only {SEQ:n} takes a width, from 1 to 12`);
    }
    if (name === 'SEQ') sequences += 1;
    tokens.add(name);
  }
  if (sequences !== 1) throw invalid(`${field}: '${format}' must contain {SEQ} or {SEQ:n} exactly once`);
  if (tokens.has('MM') && !tokens.has('YYYY') && !tokens.has('YY')) {
    throw invalid(`${field}: {MM} needs {YYYY} too, or numbers would repeat every year`);
  }
  // Each stretch of literal text on its own: "A.{SEQ}.B" is fine, though "A..B" is not.
  const literals = format.split(TOKEN_SPLIT);
  if (!literals.every((literal) => LITERAL.test(literal) && !literal.includes('..')) || !/^[A-Za-z0-9{]/.test(format)) {
    throw invalid(`${field}: '${format}' may hold only letters, digits, '.', '_' and '-' besides placeholders, start with a letter, digit or placeholder, and have no '..'`);
  }
}

function fillDateTokens(format: string, issueDate: string): string {
  return format.replace(TOKEN, (token, name: string) => {
    if (name === 'YYYY') return yearOf(issueDate);
    if (name === 'YY') return yearOf(issueDate).slice(2);
    if (name === 'MM') return monthOf(issueDate);
    return token;
  });
}

/** The series an invoice dated `issueDate` belongs to: "INV-2026-{SEQ}". */
export function seriesKey(format: string, issueDate: string): string {
  return fillDateTokens(format, issueDate).replace(/\{SEQ(?::\d+)?\}/, '{SEQ}');
}

export function formatInvoiceNumber(format: string, issueDate: string, sequence: number): string {
  return fillDateTokens(format, issueDate).replace(/\{SEQ(?::(\d+))?\}/, (_token, width?: string) =>
    String(sequence).padStart(width === undefined ? 1 : Number(width), '0'),
  );
}

/** The next number of a series given the sequences used so far; the caller records `sequence` under `series`. */
export function nextInvoiceNumber(
  sequences: Readonly<Record<string, number>>,
  format: string,
  issueDate: string,
): { number: string; series: string; sequence: number } {
  const series = seriesKey(format, issueDate);
  const sequence = (sequences[series] ?? 0) + 1;
  return { number: formatInvoiceNumber(format, issueDate, sequence), series, sequence };
}

/**
 * The series and place of a number from its format (INV-2026-0042 in INV-{YYYY}-{SEQ:4} → INV-2026-{SEQ}, 42):
 * for invoices issued before numbers kept them, and for imported ones.
 */
export function placeInSeries(number: string, format: string): { series: string; sequence: number } | undefined {
  const pattern = format
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{YYYY\}/g, '(\\d{4})')
    .replace(/\{YY\}/g, '(\\d{2})')
    .replace(/\{MM\}/g, '(\\d{2})')
    .replace(/\{SEQ(?::\d+)?\}/, '(?<seq>\\d+)');
  const match = new RegExp(`^${pattern}$`, 'd').exec(number);
  const [start, end] = match?.indices?.groups?.seq ?? [];
  if (!match?.groups?.seq || start === undefined || end === undefined) return undefined;
  // Replace the sequence where it stands, not the first same digits (INV-2026-2026).
  return { series: `${number.slice(0, start)}{SEQ}${number.slice(end)}`, sequence: Number(match.groups.seq) };
}
