/**
 * The names and meanings of the business settings, with no logic: `config set --help` lists them without
 * loading the core. business.ts holds how each one is checked and applied.
 */
export const SETTING_SUMMARIES = {
  name: 'business name on every invoice',
  email: 'business email address',
  address: 'street lines of the postal address, one per line, at most 3 (alias: street)',
  postcode: 'postal code',
  city: 'city',
  region: 'country subdivision (state, province, region)',
  country: 'country, ISO 3166-1 alpha-2 (e.g. DE); required for new invoices',
  taxId: 'VAT identification number (e.g. DE123456789)',
  taxNumber: 'national tax number, e.g. the German Steuernummer',
  registration: 'legal registration, e.g. a trade register number (HRB 12345, Amtsgericht Hamburg)',
  endpoint: 'electronic address for e-invoices, <scheme>:<id> (e.g. 0088:4012345000009, 9930:DE123456789)',
  currency: 'default currency of new invoices (ISO 4217)',
  terms: 'default payment terms in days',
  numberFormat: 'invoice number format (default INV-{YYYY}-{SEQ:4})',
  creditNumberFormat: 'credit note number format (default CN-{YYYY}-{SEQ:4})',
  lang: 'default language of documents (en, de, fr, es, or one with a labels file)',
  'pdf.template': 'PDF template: classic, modern, or the path of a template module',
  'pdf.logo': 'logo on invoices: path of a PNG or JPEG file',
  'pdf.accentColor': 'accent colour of invoices, #rrggbb',
  'pdf.footer': 'footer text of every invoice page',
  'pdf.labels': 'folder of <lang>.json files adding or overriding invoice languages',
  'pdf.font': 'TTF font for invoice text instead of the built-in one (e.g. for CJK)',
  'pdf.fontBold': 'TTF font for bold invoice text (default: pdf.font)',
  'tax.defaultRate': 'tax rate in percent that interactive invoice new proposes for each item (default 0)',
  'payment.bank': 'bank name in the payment instructions',
  'payment.iban': 'IBAN customers pay to (EUR invoices get an EPC QR code)',
  'payment.bic': 'BIC of that account',
  'payment.<CUR>.iban': 'IBAN for invoices in currency <CUR>, e.g. payment.USD.iban (payment.iban serves only the business currency)',
  'payment.<CUR>.bic': 'BIC of the <CUR> account',
  'payment.<CUR>.bank': 'bank name of the <CUR> account',
  'smtp.host': 'SMTP server (when SMALLPAY_SMTP_URL is not set)',
  'smtp.port': 'SMTP port (default 587, or 465 with smtp.secure)',
  'smtp.secure': 'true: TLS from the start (port 465); false: STARTTLS when offered',
  'smtp.user': 'SMTP user name',
  'smtp.password': 'SMTP password, used only while the store is readable by you alone (prefer SMALLPAY_SMTP_PASSWORD)',
  'smtp.tlsRejectUnauthorized': 'false to accept a server certificate that cannot be verified (default true)',
  'smtp.requireTLS': 'false to allow a login over smtp:// without STARTTLS, in clear text (default true)',
  'mail.bcc': 'addresses that get a blind copy of every message, comma-separated',
  'mail.transport': 'smtp (default), or file: write messages as .eml files to outbox/ instead of sending them',
  'contact.name': 'contact person for invoices (default: the business name)',
  'contact.phone': 'contact phone number',
  'contact.email': 'contact email address (default: the business email)',
  'vat.smallBusiness': 'true: a small business exempt from VAT (§19 UStG, franchise en base): new invoices charge no VAT',
  'vat.smallBusinessCategory': 'the VAT category of a small business\'s lines: O (outside the scope, default) or E (exempt)',
} as const;

export type SettingKey = keyof typeof SETTING_SUMMARIES;

/** Settings every business has; all the others can be unset. */
export const REQUIRED_SETTINGS: ReadonlySet<SettingKey> = new Set(['name', 'email', 'currency', 'terms', 'numberFormat', 'lang']);

/** Settings holding a file or folder: the command line makes them absolute and checks they can be read. */
export const PATH_SETTINGS: ReadonlySet<SettingKey> = new Set(['pdf.logo', 'pdf.labels', 'pdf.font', 'pdf.fontBold']);

/** Other spellings accepted on the command line. */
export const SETTING_ALIASES: Record<string, SettingKey> = {
  'tax-id': 'taxId',
  'tax-number': 'taxNumber',
  street: 'address',
  'address.street': 'address',
  'address.postcode': 'postcode',
  'address.city': 'city',
  'address.region': 'region',
  'address.country': 'country',
  'credit-number-format': 'creditNumberFormat',
  'vat.small-business': 'vat.smallBusiness',
  'vat.small-business-category': 'vat.smallBusinessCategory',
  'number-format': 'numberFormat',
  language: 'lang',
  template: 'pdf.template',
  logo: 'pdf.logo',
  accentColor: 'pdf.accentColor',
  'accent-color': 'pdf.accentColor',
  'pdf.accent-color': 'pdf.accentColor',
  footer: 'pdf.footer',
  labels: 'pdf.labels',
  font: 'pdf.font',
  fontBold: 'pdf.fontBold',
  'pdf.font-bold': 'pdf.fontBold',
  bank: 'payment.bank',
  iban: 'payment.iban',
  bic: 'payment.bic',
};
