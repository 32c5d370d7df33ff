/**
 * The business that issues the invoices, and the settings `smallpay config` shows and changes.
 * Changing a setting never rewrites issued invoices: each keeps the issuer details it was issued with.
 */
import { ACCOUNTING_IMPORT_SETTINGS, taxMappingSetting } from './accounting-import-settings.js';
import { parseAttachFormats } from './einvoice-attach.js';
import { invalid, refused } from './errors.js';
import { canonicalText, compareDecimals, parseDecimal } from './decimal.js';
import { emailAddresses } from './fields.js';
import * as fields from './fields.js';
import { DEFAULT_NUMBER_FORMAT, validateNumberFormat } from './numbering.js';
import { normalizeBic, normalizeIban } from './payment-details.js';
import { type Check, nestedSetting, placeholderSetting, type Setting } from './setting-paths.js';
import { type AddressChanges, type AddressPart, applyAddressChanges, electronicAddress, linesOfText } from './parties.js';
import { SETTING_ALIASES, type SettingKey } from './settings-catalog.js';
import type { Business } from './types.js';
import { parseVatCategory } from './vat-categories.js';
import { parseAccountName, vatAccountKey } from './ledger-accounts.js';

export const DEFAULT_CURRENCY = 'EUR';
export const DEFAULT_TERMS_DAYS = 30;
export const DEFAULT_LANGUAGE = 'en';
export const DEFAULT_CREDIT_NUMBER_FORMAT = 'CN-{YYYY}-{SEQ:4}';

export interface BusinessInput {
  name: string;
  email: string;
  /** The older free-text form: its lines become the street lines. */
  address?: string;
  /** Street lines (--street, repeatable); win over `address`. */
  street?: string[];
  postcode?: string;
  city?: string;
  region?: string;
  country?: string;
  taxId?: string;
  taxNumber?: string;
  registration?: string;
  endpoint?: string;
  currency?: string;
  terms?: string;
  numberFormat?: string;
  lang?: string;
}

type Group = 'pdf' | 'payment' | 'smtp' | 'mail' | 'tax' | 'contact' | 'vat' | 'accounts';

/** An optional setting inside business.pdf or business.payment; the group goes when its last value does. */
function grouped<G extends Group>(group: G, key: keyof NonNullable<Business[G]> & string, check: Check<string | number | boolean>): Setting {
  return nestedSetting([group, key], check);
}

const colour: Check = (value, field) => {
  const text = value.trim();
  if (!/^#(?:[0-9a-fA-F]{3}){1,2}$/.test(text)) throw invalid(`${field}: '${value}' is not a colour (write it as #rrggbb, e.g. #1f6feb)`);
  return text.length === 4 ? `#${[...text.slice(1)].map((c) => c + c).join('')}`.toLowerCase() : text.toLowerCase();
};
const templateName: Check = (value, field) => fields.singleLine(value, field);
const path: Check = (value, field) => fields.singleLine(value, field);
const yesNo: Check<boolean> = (value, field) => {
  const text = value.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(text)) return true;
  if (['false', 'no', '0', 'off'].includes(text)) return false;
  throw invalid(`${field}: '${value}' is not true or false`);
};
const port: Check<number> = (value, field) => {
  const text = value.trim();
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw invalid(`${field}: '${value}' is not a port number (1 to 65535)`);
  return Number(text);
};
const host: Check = (value, field) => {
  const text = value.trim();
  if (!/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(text)) throw invalid(`${field}: '${value}' is not a host name`);
  return text;
};
const mailTransport: Check = (value, field) => {
  const text = value.trim().toLowerCase();
  if (text !== 'smtp' && text !== 'file') throw invalid(`${field}: '${value}' is not smtp or file`);
  return text;
};
const emailList: Check = (value, field) => emailAddresses(value, field).join(', ');
/** A tax rate as items take it: a percentage from 0 to 100, at most 4 decimal places. */
export const taxRatePercent: Check = (value, field) => {
  const rate = parseDecimal(value.trim());
  if (!rate || rate.scale > 4 || rate.coef < 0n || compareDecimals(rate, { coef: 100n, scale: 0 }) > 0) {
    throw invalid(`${field}: '${value}' is not a tax rate (a percentage from 0 to 100, e.g. 19 or 7.5)`);
  }
  return canonicalText(rate);
};

/** A part of the postal address; the printable `address` follows (see parties.ts). */
function addressSetting(change: (value: string) => AddressChanges): Setting {
  const flagOf = (key: string) => (part: AddressPart | 'lines') => (part === 'lines' ? key : part);
  return {
    set: (b, v, k) => {
      if (v.trim() === '') throw invalid(`${k}: must not be empty (smallpay config unset ${k} removes it)`);
      applyAddressChanges(b, change(v), flagOf(k));
    },
    unset: (b) => applyAddressChanges(b, change(''), flagOf('')),
  };
}

/** An optional one-line text at the top of the business. */
function optionalText(key: 'taxId' | 'taxNumber' | 'registration'): Setting {
  return { set: (b, v, k) => void (b[key] = fields.singleLine(v, k)), unset: (b) => void delete b[key] };
}

const smallBusinessCategory: Check = (value, field) => {
  const category = parseVatCategory(value, field);
  if (category !== 'O' && category !== 'E') throw invalid(`${field}: '${value}' is not O (outside the scope of VAT) or E (exempt)`);
  return category;
};

/** payment.<CUR>.iban and friends: the account of invoices in one currency, in business.payment.accounts. */
const PER_CURRENCY_ACCOUNT = /^payment\.([A-Za-z]{3})\.(bank|iban|bic)$/;
const ACCOUNT_CHECKS: Record<'bank' | 'iban' | 'bic', Check> = { bank: fields.singleLine, iban: normalizeIban, bic: normalizeBic };

function currencyAccount(currency: string, field: 'bank' | 'iban' | 'bic'): Setting {
  return nestedSetting(['payment', 'accounts', currency, field], ACCOUNT_CHECKS[field]);
}

const currencyPlaceholder = (field: 'bank' | 'iban' | 'bic'): Setting => placeholderSetting(`write a currency code in place of <CUR>, e.g. payment.USD.${field}`);

/** accounts.vat.<category>.<rate>: the VAT account of one group, in business.accounts.vat by "S.19". */
const VAT_ACCOUNT = /^accounts\.vat\.([A-Za-z]{1,2})\.(.+)$/;

function vatAccount(key: string): Setting {
  return nestedSetting(['accounts', 'vat', key], parseAccountName);
}

const SETTINGS: Record<SettingKey, Setting> = {
  name: { set: (b, v, k) => void (b.name = fields.singleLine(v, k)) },
  email: { set: (b, v, k) => void (b.email = fields.email(v, k)) },
  address: addressSetting((v) => ({ lines: v === '' ? [] : linesOfText(fields.multiLine(v, 'address')) })),
  postcode: addressSetting((postcode) => ({ postcode })),
  city: addressSetting((city) => ({ city })),
  region: addressSetting((region) => ({ region })),
  country: addressSetting((country) => ({ country })),
  taxId: optionalText('taxId'),
  taxNumber: optionalText('taxNumber'),
  registration: optionalText('registration'),
  endpoint: { set: (b, v, k) => void (b.endpoint = electronicAddress(v, k)), unset: (b) => void delete b.endpoint },
  currency: { set: (b, v, k) => void (b.currency = fields.currency(v, k)) },
  terms: { set: (b, v, k) => void (b.terms = fields.termsDays(v, k)) },
  numberFormat: {
    set: (b, v, k) => {
      validateNumberFormat(v.trim(), k);
      b.numberFormat = v.trim();
    },
  },
  creditNumberFormat: {
    set: (b, v, k) => {
      validateNumberFormat(v.trim(), k);
      b.creditNumberFormat = v.trim();
    },
    unset: (b) => void delete b.creditNumberFormat,
  },
  lang: { set: (b, v, k) => void (b.lang = fields.language(v, k)) },
  'pdf.template': grouped('pdf', 'template', templateName),
  'pdf.logo': grouped('pdf', 'logo', path),
  'pdf.accentColor': grouped('pdf', 'accentColor', colour),
  'pdf.footer': grouped('pdf', 'footer', (v, k) => fields.multiLine(v, k)),
  'pdf.labels': grouped('pdf', 'labels', path),
  'pdf.font': grouped('pdf', 'font', path),
  'pdf.fontBold': grouped('pdf', 'fontBold', path),
  'pdf.facturx': grouped('pdf', 'facturx', yesNo),
  'tax.defaultRate': grouped('tax', 'defaultRate', taxRatePercent),
  'payment.bank': grouped('payment', 'bank', fields.singleLine),
  'payment.iban': grouped('payment', 'iban', normalizeIban),
  'payment.bic': grouped('payment', 'bic', normalizeBic),
  'payment.<CUR>.iban': currencyPlaceholder('iban'),
  'payment.<CUR>.bic': currencyPlaceholder('bic'),
  'payment.<CUR>.bank': currencyPlaceholder('bank'),
  'smtp.host': grouped('smtp', 'host', host),
  'smtp.port': grouped('smtp', 'port', port),
  'smtp.secure': grouped('smtp', 'secure', yesNo),
  'smtp.user': grouped('smtp', 'user', fields.singleLine),
  'smtp.password': grouped('smtp', 'password', (v, k) => {
    if (v === '' || /[\r\n]/.test(v) || fields.forbiddenCharacterIn(v) !== undefined) throw invalid(`${k}: must be one line without control characters, not empty`);
    return v;
  }),
  'smtp.tlsRejectUnauthorized': grouped('smtp', 'tlsRejectUnauthorized', yesNo),
  'smtp.requireTLS': grouped('smtp', 'requireTLS', yesNo),
  'mail.bcc': grouped('mail', 'bcc', emailList),
  'mail.transport': grouped('mail', 'transport', mailTransport),
  'mail.attach': grouped('mail', 'attach', (v, k) => parseAttachFormats(v, k).join(',')),
  'contact.name': grouped('contact', 'name', fields.singleLine),
  'contact.phone': grouped('contact', 'phone', fields.singleLine),
  'contact.email': grouped('contact', 'email', fields.email),
  'vat.smallBusiness': grouped('vat', 'smallBusiness', yesNo),
  'vat.smallBusinessCategory': grouped('vat', 'smallBusinessCategory', smallBusinessCategory),
  ...ACCOUNTING_IMPORT_SETTINGS,
  'accounts.receivable': grouped('accounts', 'receivable', parseAccountName),
  'accounts.revenue': grouped('accounts', 'revenue', parseAccountName),
  'accounts.vat.<category>.<rate>': placeholderSetting('write a VAT category and rate in place of <category>.<rate>, e.g. accounts.vat.S.19'),
  'accounts.bank': grouped('accounts', 'bank', parseAccountName),
  'accounts.writeoff': grouped('accounts', 'writeoff', parseAccountName),
};

function settingFor(key: string): { name: SettingKey; setting: Setting } {
  const perCurrency = PER_CURRENCY_ACCOUNT.exec(key);
  if (perCurrency) {
    const currency = fields.currency(perCurrency[1] as string, key);
    const field = perCurrency[2] as 'bank' | 'iban' | 'bic';
    return { name: `payment.${currency}.${field}` as SettingKey, setting: currencyAccount(currency, field) };
  }
  const taxMapping = taxMappingSetting(key);
  if (taxMapping) return { name: taxMapping.name as SettingKey, setting: taxMapping.setting };
  const vat = VAT_ACCOUNT.exec(key);
  if (vat && key !== 'accounts.vat.<category>.<rate>') {
    const category = parseVatCategory(vat[1] as string, key);
    const rate = taxRatePercent(vat[2] as string, key);
    return { name: `accounts.vat.${vatAccountKey(category, rate)}` as SettingKey, setting: vatAccount(vatAccountKey(category, rate)) };
  }
  const name = (SETTING_ALIASES[key] ?? key) as SettingKey;
  const setting = Object.hasOwn(SETTINGS, name) ? SETTINGS[name] : undefined;
  if (!setting) throw invalid(`unknown setting '${key}'; known settings: ${Object.keys(SETTINGS).join(', ')}`);
  return { name, setting };
}

/** Validates `key` without changing anything, so flag errors surface before the store is read. */
export function checkSettingKey(key: string, unsetting = false): string {
  const { name, setting } = settingFor(key);
  if (unsetting && !setting.unset) throw invalid(`${name}: is required and cannot be unset`);
  return name;
}

export function changeSetting(business: Business, key: string, value: string): void {
  const { name, setting } = settingFor(key);
  setting.set(business, value, name);
}

export function unsetSetting(business: Business, key: string): void {
  const { name, setting } = settingFor(key);
  if (!setting.unset) throw invalid(`${name}: is required and cannot be unset`);
  setting.unset(business, name);
}

export function createBusiness(input: BusinessInput): Business {
  const business: Business = {
    name: fields.singleLine(input.name, 'name'),
    email: fields.email(input.email, 'email'),
    currency: DEFAULT_CURRENCY,
    terms: DEFAULT_TERMS_DAYS,
    numberFormat: DEFAULT_NUMBER_FORMAT,
    lang: DEFAULT_LANGUAGE,
  };
  const optional: [SettingKey, string | undefined][] = [
    ['address', input.street === undefined ? input.address : undefined],
    ['postcode', input.postcode],
    ['city', input.city],
    ['region', input.region],
    ['country', input.country],
    ['taxId', input.taxId],
    ['taxNumber', input.taxNumber],
    ['registration', input.registration],
    ['endpoint', input.endpoint],
    ['currency', input.currency],
    ['terms', input.terms],
    ['numberFormat', input.numberFormat],
    ['lang', input.lang],
  ];
  if (input.street !== undefined) applyAddressChanges(business, { lines: input.street }, () => '--street');
  for (const [key, value] of optional) if (value !== undefined) changeSetting(business, key, value);
  return business;
}

/**
 * The seller's country (BT-40) is on every invoice EN 16931 accepts, and decides which VAT rules apply:
 * a new invoice needs it. Stores from before schema 4 have none until it is set once.
 */
export function requireSellerCountry(business: Business): void {
  if (business.postalAddress?.country === undefined) {
    throw refused('the business has no country; a new invoice needs the seller\'s country (ISO 3166-1 alpha-2)', 'set it once, e.g. smallpay config set country DE');
  }
}
