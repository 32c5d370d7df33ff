/**
 * CSV for spreadsheets (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted).
 * A field that begins with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe, so a
 * spreadsheet never runs a customer name such as "=HYPERLINK(…)" as a formula (OWASP "CSV injection").
 * Amounts go out as plain decimal strings, which never start with those characters when positive.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n').concat('\r\n');
}
