/**
 * CSV for spreadsheets (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted).
 *
 * Formula neutralising (OWASP "CSV injection"): a spreadsheet runs a cell that begins with =, +, -, @, a tab
 * or a carriage return as a formula. A field is a cell, but so is every piece of it after a `;` or a tab when
 * the file is opened with those as separators (a German Excel splits on `;`), and after a `,` when a quoted
 * field is split by a tool that ignores quotes. So an apostrophe goes before each such character at the start
 * of the value and after every `,`, `;` or tab in it (spaces between do not help: some import trims them):
 *   =HYPERLINK(…)      → '=HYPERLINK(…)
 *   Globex;=cmd|' /C   → Globex;'=cmd|' /C
 *   a,+1               → "a,'+1"
 * A plain number ("-12.50") is left alone: it is a number to every spreadsheet, never a formula.
 */
const CELL_START = /(^|[,;\t])(?= *[=+\-@\t\r])/g;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function neutraliseFormulas(text: string): string {
  return PLAIN_NUMBER.test(text) ? text : text.replace(CELL_START, "$1'");
}

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = neutraliseFormulas(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n').concat('\r\n');
}
