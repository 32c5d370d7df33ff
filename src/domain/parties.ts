/**
 * Postal and electronic addresses of the business (BG-5, BT-34) and of customers (BG-8, BT-49).
 *
 * The structured `postalAddress` is the truth; `address` is kept as its printable text, so every reader that
 * prints `address` (PDF, tables, invoice JSON) shows the whole address. Stores of schema ≤ 3 only had the free
 * text: the schema-4 migration keeps it and copies its lines into `postalAddress.lines`, with no country.
 *
 *   --street "Hafenstraße 12" --postcode 20457 --city Hamburg --country DE
 *     → postalAddress { lines: ["Hafenstraße 12"], postcode: "20457", city: "Hamburg", country: "DE" }
 *     → address "Hafenstraße 12\n20457 Hamburg\nDE"
 */
import { isCountryCode } from './countries.js';
import { invalid } from './errors.js';
import * as fields from './fields.js';
import type { ElectronicAddress, PostalAddress } from './types.js';

/** EN 16931 has three street lines (BT-35, BT-36, BT-162). */
export const MAX_STREET_LINES = 3;

/** Changes to an address as given: undefined leaves a part alone, '' (or []) clears it. */
export interface AddressChanges {
  lines?: string[];
  postcode?: string;
  city?: string;
  region?: string;
  country?: string;
}

export type AddressPart = Exclude<keyof AddressChanges, 'lines'>;

export function countryCode(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!isCountryCode(code)) throw invalid(`${field}: '${value}' is not an ISO 3166-1 alpha-2 country code (e.g. DE, FR, US)`);
  return code;
}

/** Street lines, each one line; more than three are refused. */
export function streetLines(values: readonly string[], field: string): string[] {
  const lines = values.map((value) => fields.singleLine(value, field).trim()).filter((line) => line !== '');
  if (lines.length > MAX_STREET_LINES) throw invalid(`${field}: at most ${MAX_STREET_LINES} street lines, not ${lines.length}`);
  return lines;
}

/**
 * Free text (the older `--address`, or an address a store of schema ≤ 3 holds) as street lines: split on
 * line breaks only (a comma may belong to a street: "Suite 5, 12 Main St"); lines past the third are joined
 * to it with ", " so nothing is lost.
 */
export function linesOfText(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length <= MAX_STREET_LINES) return lines;
  return [...lines.slice(0, MAX_STREET_LINES - 1), lines.slice(MAX_STREET_LINES - 1).join(', ')];
}

const PART_CHECKS: Record<AddressPart, (value: string, field: string) => string> = {
  postcode: (value, field) => fields.singleLine(value, field, 20).trim(),
  city: (value, field) => fields.singleLine(value, field).trim(),
  region: (value, field) => fields.singleLine(value, field).trim(),
  country: countryCode,
};

/** Checks every part given (for parse-time errors); '' is allowed where it clears. */
export function checkAddressChanges(changes: AddressChanges, flagOf: (part: AddressPart | 'lines') => string): void {
  if (changes.lines !== undefined) streetLines(changes.lines, flagOf('lines'));
  for (const part of Object.keys(PART_CHECKS) as AddressPart[]) {
    const value = changes[part];
    if (value !== undefined && value.trim() !== '') PART_CHECKS[part](value, flagOf(part));
  }
}

export function hasAddressChanges(changes: AddressChanges): boolean {
  return Object.values(changes).some((value) => value !== undefined);
}

/** The address after the changes, or undefined when nothing is left of it. */
export function changedAddress(current: PostalAddress | undefined, changes: AddressChanges, flagOf: (part: AddressPart | 'lines') => string): PostalAddress | undefined {
  const next: PostalAddress = { ...current, lines: [...(current?.lines ?? [])] };
  if (changes.lines !== undefined) next.lines = streetLines(changes.lines, flagOf('lines'));
  for (const part of Object.keys(PART_CHECKS) as AddressPart[]) {
    const value = changes[part];
    if (value === undefined) continue;
    if (value.trim() === '') delete next[part];
    else next[part] = PART_CHECKS[part](value, flagOf(part));
  }
  const empty = next.lines.length === 0 && Object.keys(PART_CHECKS).every((part) => next[part as AddressPart] === undefined);
  return empty ? undefined : next;
}

/** The printable text of an address: street lines, "postcode city", region, country code. */
export function addressText(address: PostalAddress): string {
  const place = [address.postcode, address.city].filter((part) => part !== undefined).join(' ');
  return [...address.lines, place, address.region ?? '', address.country ?? ''].filter((line) => line !== '').join('\n');
}

/** Sets or clears a party's postal address, keeping the printable `address` in step. */
export function applyAddressChanges(party: { address?: string; postalAddress?: PostalAddress }, changes: AddressChanges, flagOf: (part: AddressPart | 'lines') => string): void {
  if (!hasAddressChanges(changes)) return;
  // A party not yet migrated has only the free text: it becomes the street lines, as the migration does.
  const current = party.postalAddress ?? (party.address === undefined ? undefined : { lines: linesOfText(party.address) });
  const next = changedAddress(current, changes, flagOf);
  if (next === undefined) {
    delete party.postalAddress;
    delete party.address;
  } else {
    party.postalAddress = next;
    party.address = addressText(next);
  }
}

/**
 * An electronic address "scheme:id" (BT-34/BT-49): the scheme a four-digit ISO 6523 ICD / EAS code
 * (0088 GLN, 0208 Belgian company number, 9930 German VAT id, …), the id up to 100 visible characters.
 */
export function electronicAddress(value: string, field: string): ElectronicAddress {
  const text = value.trim();
  const colon = text.indexOf(':');
  const scheme = colon < 0 ? '' : text.slice(0, colon);
  const id = colon < 0 ? '' : text.slice(colon + 1);
  if (!/^\d{4}$/.test(scheme)) {
    throw invalid(`${field}: '${value}' is not <scheme>:<id> with a four-digit scheme code (e.g. 0088:4012345000009 or 9930:DE123456789)`);
  }
  if (!/^[\x21-\x7e]{1,100}$/.test(id)) throw invalid(`${field}: '${id}' is not an identifier (1 to 100 visible ASCII characters, no spaces)`);
  if (scheme === GLN_SCHEME && !isGln(id)) throw invalid(`${field}: '${id}' is not a GLN (13 digits with a valid GS1 check digit), which scheme 0088 needs`);
  return { scheme, id };
}

const GLN_SCHEME = '0088';

/** A GS1 Global Location Number: 13 digits, the last a check digit (weights 3 and 1 from the right). */
function isGln(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  const digits = [...id.slice(0, 12)].reverse().map(Number);
  const sum = digits.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === Number(id[12]);
}

export function electronicAddressText(endpoint: ElectronicAddress): string {
  return `${endpoint.scheme}:${endpoint.id}`;
}
