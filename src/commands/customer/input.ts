import { UsageError } from '../../cli/errors.js';
import { optionalString } from '../../cli/flags.js';
import { type CustomerInput, addressChangesOf } from '../../domain/customers.js';
import * as fields from '../../domain/fields.js';
import { checkAddressChanges, electronicAddress } from '../../domain/parties.js';
import { vatTreatment } from '../../domain/vat-treatment.js';

const FIELDS = ['id', 'name', 'email', 'address', 'postcode', 'city', 'region', 'country', 'phone', 'taxId', 'currency', 'terms', 'lang', 'contact', 'endpoint', 'vatTreatment'] as const;
type TextField = (typeof FIELDS)[number];
const FLAG_OF: Partial<Record<TextField, string>> = { taxId: '--tax-id', vatTreatment: '--vat-treatment' };
const flagOf = (key: string) => FLAG_OF[key as TextField] ?? `--${key}`;
const CHECKS: Partial<Record<TextField, (value: string, field: string) => unknown>> = {
  id: fields.slug,
  name: fields.singleLine,
  email: fields.email,
  address: fields.multiLine,
  phone: fields.singleLine,
  taxId: fields.singleLine,
  currency: fields.currency,
  terms: fields.termsDays,
  lang: fields.language,
  contact: fields.singleLine,
  endpoint: electronicAddress,
  vatTreatment,
};

/** The customer fields given as flags, each checked now; on edit an empty value (clearing) is allowed. */
export function customerInputFromFlags(opts: Record<string, unknown>, editing: boolean): CustomerInput {
  const input: CustomerInput = {};
  for (const key of FIELDS) {
    const value = optionalString(opts, key);
    if (value === undefined) continue;
    const clearable = editing && !['id', 'name', 'email'].includes(key);
    if (clearable && value.trim() === '') {
      input[key] = value;
      continue;
    }
    if (value.trim() === '') throw new UsageError(`${flagOf(key)}: must not be empty`);
    CHECKS[key]?.(value, flagOf(key));
    input[key] = value;
  }
  if (Array.isArray(opts.street)) {
    if (input.address !== undefined) throw new UsageError('--street and --address both give the street lines: use one of them');
    const lines = opts.street as string[];
    // On edit, a single --street "" clears the street lines.
    input.street = editing && lines.length === 1 && lines[0]?.trim() === '' ? [] : lines;
  }
  checkAddressChanges(addressChangesOf(input), (part) => (part === 'lines' ? '--street' : `--${part}`));
  return input;
}
