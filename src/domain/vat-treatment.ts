/**
 * A customer's VAT treatment (customer add/edit --vat-treatment): the category of their new lines when a
 * line names none. The mapping itself (reverse-charge → AE, intra-community → K, export → G, exempt → E,
 * standard → S or Z by rate; a small business's lines O or E) is the VAT core's: vat-categories.ts.
 */
import { invalid } from './errors.js';
import type { VatTreatment } from './types.js';

export const VAT_TREATMENTS: readonly VatTreatment[] = ['standard', 'reverse-charge', 'intra-community', 'export', 'exempt'];

export function vatTreatment(value: string, field: string): VatTreatment {
  const text = value.trim().toLowerCase() as VatTreatment;
  if (!VAT_TREATMENTS.includes(text)) throw invalid(`${field}: '${value}' is not a VAT treatment (${VAT_TREATMENTS.join(', ')})`);
  return text;
}
