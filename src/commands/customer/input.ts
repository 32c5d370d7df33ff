import { optionalString } from '../../cli/flags.js';
import type { CustomerInput } from '../../domain/customers.js';
import * as fields from '../../domain/fields.js';

const FIELDS = ['id', 'name', 'email', 'address', 'phone', 'taxId', 'currency', 'terms', 'lang'] as const;
const CHECKS: Record<(typeof FIELDS)[number], (value: string, field: string) => unknown> = {
  id: fields.slug,
  name: fields.singleLine,
  email: fields.email,
  address: fields.multiLine,
  phone: fields.singleLine,
  taxId: fields.singleLine,
  currency: fields.currency,
  terms: fields.termsDays,
  lang: fields.language,
};

/** The customer fields given as flags, each checked now; on edit an empty value (clearing) is allowed. */
export function customerInputFromFlags(opts: Record<string, unknown>, editing: boolean): CustomerInput {
  const input: CustomerInput = {};
  for (const key of FIELDS) {
    const value = optionalString(opts, key);
    if (value === undefined) continue;
    const clearable = editing && !['id', 'name', 'email'].includes(key);
    if (!(clearable && value.trim() === '')) CHECKS[key](value, `--${key === 'taxId' ? 'tax-id' : key}`);
    input[key] = value;
  }
  return input;
}
