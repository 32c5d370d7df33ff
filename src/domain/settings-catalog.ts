/**
 * The names and meanings of the business settings, with no logic: `config set --help` lists them without
 * loading the core. business.ts holds how each one is checked and applied.
 */
export const SETTING_SUMMARIES = {
  name: 'business name on every invoice',
  email: 'business email address',
  address: 'postal address (may span lines)',
  taxId: 'VAT or tax number',
  currency: 'default currency of new invoices (ISO 4217)',
  terms: 'default payment terms in days',
  numberFormat: 'invoice number format (default INV-{YYYY}-{SEQ:4})',
  lang: 'default language of documents (en, de, fr, es)',
} as const;

export type SettingKey = keyof typeof SETTING_SUMMARIES;

/** Other spellings accepted on the command line. */
export const SETTING_ALIASES: Record<string, SettingKey> = { 'tax-id': 'taxId', 'number-format': 'numberFormat', language: 'lang' };
