/**
 * CSV for spreadsheets (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted), every
 * field behind the formula guard of csv-text.ts (which `smallpay import` undoes exactly).
 */
import { neutraliseFormulas } from '../domain/csv-text.js';

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = neutraliseFormulas(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n').concat('\r\n');
}
