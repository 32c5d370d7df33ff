/**
 * Checks of single user-given values, shared by the business, customers and invoices. Each takes the name of
 * the flag or field so the error says which one is wrong, and returns the value in its stored form.
 */
import { isCurrencyCode } from './currency.js';
import { invalid } from './errors.js';
import { isCustomerId } from './identifiers.js';

const EMAIL = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\.]+(?:\.[^\s@<>()[\],;:"\\.]+)+$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/**
 * Characters no stored text may hold, whatever the field: they rewrite a terminal (ESC, BEL), break lines
 * where a reader sees none (U+0085, U+2028, U+2029), or reorder what is shown (bidi controls, the
 * "Trojan Source" trick: an amount or IBAN displayed in another order than stored). Namely the C0 controls
 * but tab, newline and carriage return, DEL, the C1 controls U+0080–U+009F, U+2028/U+2029, and the bidi marks, embeddings,
 * overrides and isolates U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
 * Tab, newline and carriage return are line breaks, not controls here: one-line fields (names, ids, emails)
 * refuse them; multi-line fields (addresses, notes, item descriptions, the PDF footer) keep newlines and tabs,
 * with CR LF and CR read as a newline. A CR is still allowed in a stored text, since older versions kept it
 * in item descriptions; every renderer shows it as a line break or a space.
 */
export const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const FORBIDDEN_IN_LINE = /[\t\n\r]/;

/** "U+001B": how a refused character is named in a message, since printing it would do what we refuse. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character no stored text may hold (see FORBIDDEN_CHARACTER), or undefined. */
export function forbiddenCharacterIn(text: string): string | undefined {
  return FORBIDDEN_CHARACTER.exec(text)?.[0];
}

function refuseControls(text: string, field: string, oneLine: boolean): void {
  const found = forbiddenCharacterIn(text) ?? (oneLine ? FORBIDDEN_IN_LINE.exec(text)?.[0] : undefined);
  if (found === undefined) return;
  const what = oneLine ? 'must be one line without control characters' : 'must not contain control characters';
  throw invalid(`${field}: ${what} (found ${codePointName(found)})`);
}

/** The text with every control and one-line breaking character written as \\u001B, safe to show anywhere. */
export function escapeControls(text: string): string {
  return text.replace(new RegExp(`${FORBIDDEN_CHARACTER.source}|${FORBIDDEN_IN_LINE.source}`, 'g'), (character) => `\\u${codePointName(character).slice(2)}`);
}

/** Text from outside that is stored but not typed by the user (an SMTP server's reply): controls become '?'. */
export function withoutControls(text: string): string {
  return text.replace(new RegExp(FORBIDDEN_CHARACTER.source, 'g'), '?');
}

export const MAX_TEXT_LENGTH = 500;
export const MAX_TERMS_DAYS = 3650;

/** A name, tax id, phone number: one line of text, trimmed, not empty. */
export function singleLine(value: string, field: string, maxLength = MAX_TEXT_LENGTH): string {
  const text = value.trim();
  if (text === '') throw invalid(`${field}: must not be empty`);
  refuseControls(text, field, true);
  if (text.length > maxLength) throw invalid(`${field}: longer than ${maxLength} characters`);
  return text;
}

/** An address or note: may span lines; no other control characters. */
export function multiLine(value: string, field: string, maxLength = MAX_TEXT_LENGTH * 4): string {
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text === '') throw invalid(`${field}: must not be empty`);
  refuseControls(text, field, false);
  if (text.length > maxLength) throw invalid(`${field}: longer than ${maxLength} characters`);
  return text;
}

export function email(value: string, field: string): string {
  const text = value.trim();
  refuseControls(text, field, true);
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
  if (!isCustomerId(text)) {
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
