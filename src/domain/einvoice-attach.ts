/**
 * Which e-invoices an email carries (`send --attach`, the setting mail.attach): format names as
 * `invoice export --format` knows them. The registry itself lives in render/einvoice/formats.ts; the core
 * only needs the names to check a setting (a test keeps the two lists equal).
 */
import { invalid } from './errors.js';

export const ATTACHABLE_FORMATS = ['ubl', 'peppol', 'xrechnung', 'cii', 'xrechnung-cii', 'facturx'] as const;
export type AttachableFormat = (typeof ATTACHABLE_FORMATS)[number];

/** "cii, facturx" → ['cii', 'facturx']: each name once, in the order given; an unknown name names the field. */
export function parseAttachFormats(text: string, field: string): AttachableFormat[] {
  const names = text.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  const formats: AttachableFormat[] = [];
  for (const name of names) {
    if (!(ATTACHABLE_FORMATS as readonly string[]).includes(name)) throw invalid(`${field}: '${name}' is not one of ${ATTACHABLE_FORMATS.join(', ')}`);
    if (!formats.includes(name as AttachableFormat)) formats.push(name as AttachableFormat);
  }
  return formats;
}
