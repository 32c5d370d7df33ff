/**
 * Checks of single user-given values, shared by the business, customers and invoices. Each takes the name of
 * the flag or field so the error says which one is wrong, and returns the value in its stored form.
 */
import { isCurrencyCode } from './currency.js';
import { invalid } from './errors.js';

const EMAIL = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\.]+(?:\.[^\s@<>()[\],;:"\\.]+)+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
// C0 controls but tab, newline and carriage return, and DEL: they corrupt terminals, PDFs and mail headers.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\t]/;
export const MAX_TEXT_LENGTH = 500;
export const MAX_TERMS_DAYS = 3650;

/** A name, tax id, phone number: one line of text, trimmed, not empty. */
export function singleLine(value: string, field: string): string {
  const text = value.trim();
  if (text === '') throw invalid(`${field}: must not be empty`);
  if (LINE_BREAK.test(text) || CONTROL.test(text)) throw invalid(`${field}: must be one line without control characters`);
  if (text.length > MAX_TEXT_LENGTH) throw invalid(`${field}: longer than ${MAX_TEXT_LENGTH} characters`);
  return text;
}

/** An address or note: may span lines; no other control characters. */
export function multiLine(value: string, field: string, maxLength = MAX_TEXT_LENGTH * 4): string {
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text === '') throw invalid(`${field}: must not be empty`);
  if (CONTROL.test(text)) throw invalid(`${field}: must not contain control characters`);
  if (text.length > maxLength) throw invalid(`${field}: longer than ${maxLength} characters`);
  return text;
}

export function email(value: string, field: string): string {
  const text = value.trim();
  if (text.length > 254 || !EMAIL.test(text)) throw invalid(`${field}: '${value}' is not an email address`);
  return text;
}

/** "a@x.test, b@y.test" (commas or semicolons) → each address checked; at least one. */
export function emailAddresses(value: string, field: string): string[] {
  const addresses = value.split(/[,;]/).map((part) => part.trim()).filter((part) => part !== '');
  if (addresses.length === 0) throw invalid(`${field}: no email address given`);
  return addresses.map((address) => email(address, field));
}

export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function slug(value: string, field: string): string {
  const text = value.trim();
  if (text.length > 64 || !SLUG.test(text)) {
    throw invalid(`${field}: '${value}' is not an id (lower-case letters, digits and single dashes, e.g. globex-gmbh)`);
  }
  return text;
}

/** "Zoë Łódź & Co." → "zoe-lodz-co"; a name with no Latin letters or digits gives "customer". */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return base === '' ? 'customer' : base;
}

export function currency(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code)) throw invalid(`${field}: '${value}' is not an ISO 4217 currency code (e.g. EUR, USD, JPY)`);
  return code;
}

export function termsDays(value: string | number, field: string): number {
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) > MAX_TERMS_DAYS) {
    throw invalid(`${field}: '${value}' is not a number of days from 0 to ${MAX_TERMS_DAYS}`);
  }
  return Number(text);
}

export function language(value: string, field: string): string {
  const text = value.trim();
  if (!LANGUAGE.test(text)) throw invalid(`${field}: '${value}' is not a language code (e.g. en, de, fr, es, pt-BR)`);
  return text;
}
