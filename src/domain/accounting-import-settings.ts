/**
 * The settings of `export xero` and `export quickbooks`: which tax rate of the accounting software each
 * VAT category (and rate) becomes, the revenue account, the product/service, and the date format.
 *
 * A tax rate is found most specific first: `xero.taxType.S.19`, then `xero.taxType.S`, then the built-in
 * default below (the names of a new UK organisation in Xero, and of QuickBooks Online UK's VAT codes):
 *
 *   category          Xero (TaxType)                   QuickBooks Online (ItemTaxCode)
 *   S  standard       "<rate>% (VAT on Income)"        "<rate, one decimal>% S"; 5 % is "5.0% R"
 *   Z  zero rated     Zero Rated Income                0.0% Z
 *   E  exempt         Exempt Income                    Exempt
 *   AE reverse charge Zero Rated EC Services           0.0% ECS
 *   K  EU goods       Zero Rated EC Goods Income       0.0% ECG
 *   G  export         Zero Rated Income                0.0% Z
 *   O  outside VAT    No VAT                           No VAT
 *
 * Each software imports by the rate's display name, which the user may have renamed: a name that is not
 * in their list fails the import, so every one can be set.
 */
import { canonicalText, compareDecimals, parseDecimal } from './decimal.js';
import { invalid } from './errors.js';
import * as fields from './fields.js';
import type { Business, VatCategory } from './types.js';
import { type Check, nestedSetting, placeholderSetting, type Setting } from './setting-paths.js';
import { parseVatCategory } from './vat-categories.js';

export type DateFormat = 'dd/mm/yyyy' | 'mm/dd/yyyy' | 'yyyy-mm-dd';
export const DATE_FORMATS: readonly DateFormat[] = ['dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'];

/** business.xero */
export interface XeroSettings {
  /** The revenue account code (Xero's default Sales account is 200). */
  accountCode?: string;
  dateFormat?: DateFormat;
  /** By "S" or "S.19" (category, or category and canonical rate). */
  taxTypes?: Record<string, string>;
}

/** business.quickbooks */
export interface QuickBooksSettings {
  /** The product/service every line is booked on (QuickBooks Online has "Services" from the start). */
  item?: string;
  dateFormat?: DateFormat;
  /** By "S" or "S.19". */
  taxCodes?: Record<string, string>;
}

export const XERO_DEFAULT_ACCOUNT_CODE = '200';
export const QUICKBOOKS_DEFAULT_ITEM = 'Services';
export const DEFAULT_DATE_FORMAT: DateFormat = 'dd/mm/yyyy';

const XERO_DEFAULTS: Record<VatCategory, (rate: string) => string> = {
  S: (rate) => `${rate}% (VAT on Income)`,
  Z: () => 'Zero Rated Income',
  E: () => 'Exempt Income',
  AE: () => 'Zero Rated EC Services',
  K: () => 'Zero Rated EC Goods Income',
  G: () => 'Zero Rated Income',
  O: () => 'No VAT',
};

/** QuickBooks writes rates with one decimal at least: 20 → "20.0", 7.5 → "7.5". */
const oneDecimal = (rate: string) => (rate.includes('.') ? rate : `${rate}.0`);

const QUICKBOOKS_DEFAULTS: Record<VatCategory, (rate: string) => string> = {
  S: (rate) => (rate === '5' ? '5.0% R' : `${oneDecimal(rate)}% S`),
  Z: () => '0.0% Z',
  E: () => 'Exempt',
  AE: () => '0.0% ECS',
  K: () => '0.0% ECG',
  G: () => '0.0% Z',
  O: () => 'No VAT',
};

function mapped(map: Record<string, string> | undefined, category: VatCategory, rate: string): string | undefined {
  if (!map) return undefined;
  const specific = `${category}.${rate}`;
  if (Object.hasOwn(map, specific)) return map[specific];
  return Object.hasOwn(map, category) ? map[category] : undefined;
}

export function xeroTaxType(business: Pick<Business, 'xero'>, category: VatCategory, rate: string): string {
  return mapped(business.xero?.taxTypes, category, rate) ?? XERO_DEFAULTS[category](rate);
}

export function quickBooksTaxCode(business: Pick<Business, 'quickbooks'>, category: VatCategory, rate: string): string {
  return mapped(business.quickbooks?.taxCodes, category, rate) ?? QUICKBOOKS_DEFAULTS[category](rate);
}

// ----- Setting them (business.ts routes the keys here) -----

type Tool = 'xero' | 'quickbooks';

function simple(tool: Tool, field: 'accountCode' | 'item' | 'dateFormat', check: Check): Setting {
  return nestedSetting([tool, field], check);
}

const dateFormat: Check<DateFormat> = (value, key) => {
  const text = value.trim().toLowerCase();
  if (!(DATE_FORMATS as readonly string[]).includes(text)) throw invalid(`${key}: '${value}' is not one of ${DATE_FORMATS.join(', ')}`);
  return text as DateFormat;
};

const accountCode = (value: string, key: string): string => {
  const text = fields.singleLine(value, key, 10);
  if (text === '') throw invalid(`${key}: must not be empty`);
  return text;
};

const taxName = (value: string, key: string): string => {
  const text = fields.singleLine(value, key, 100);
  if (text === '') throw invalid(`${key}: must not be empty (smallpay config unset ${key} goes back to the default)`);
  return text;
};

/** The settings as `config set --help` lists them; the placeholders only explain themselves. */
export const ACCOUNTING_IMPORT_SETTINGS = {
  'xero.accountCode': simple('xero', 'accountCode', accountCode),
  'xero.dateFormat': simple('xero', 'dateFormat', dateFormat),
  'xero.taxType.<cat>[.<rate>]': placeholderSetting('write a VAT category (and a rate) in place of <cat>[.<rate>], e.g. xero.taxType.S.19 "19% (VAT on Income)"'),
  'quickbooks.item': simple('quickbooks', 'item', (value, key) => taxName(value, key)),
  'quickbooks.dateFormat': simple('quickbooks', 'dateFormat', dateFormat),
  'quickbooks.taxCode.<cat>[.<rate>]': placeholderSetting('write a VAT category (and a rate) in place of <cat>[.<rate>], e.g. quickbooks.taxCode.S.20 "20.0% S"'),
} as const satisfies Record<string, Setting>;

const TAX_KEY = /^(xero)\.taxType\.([A-Za-z]{1,2})(?:\.([0-9.]+))?$|^(quickbooks)\.taxCode\.([A-Za-z]{1,2})(?:\.([0-9.]+))?$/;

/**
 * `xero.taxType.S.19` and friends: the setting and its canonical name (category in capitals, rate as
 * items store it: "19", "7.5"), or undefined for any other key.
 */
export function taxMappingSetting(key: string): { name: string; setting: Setting } | undefined {
  const match = TAX_KEY.exec(key);
  if (!match) return undefined;
  const tool = (match[1] ?? match[4]) as Tool;
  const category = parseVatCategory((match[2] ?? match[5]) as string, key);
  const rateText = match[3] ?? match[6];
  let mapKey: string = category;
  if (rateText !== undefined) {
    const rate = parseDecimal(rateText);
    if (!rate || rate.scale > 4 || compareDecimals(rate, { coef: 100n, scale: 0 }) > 0) throw invalid(`${key}: '${rateText}' is not a tax rate (a percentage from 0 to 100)`);
    mapKey = `${category}.${canonicalText(rate)}`;
  }
  const setting = nestedSetting([tool, tool === 'xero' ? 'taxTypes' : 'taxCodes', mapKey], taxName);
  return { name: `${tool}.${tool === 'xero' ? 'taxType' : 'taxCode'}.${mapKey}`, setting };
}

/** The settings as `config show` lists them: [key, value] in a fixed order. */
export function accountingImportEntries(business: Pick<Business, 'xero' | 'quickbooks'>): [string, string][] {
  const sorted = (map: Record<string, string> | undefined) => Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const { xero, quickbooks } = business;
  return [
    ...(xero?.accountCode !== undefined ? [['xero.accountCode', xero.accountCode] as [string, string]] : []),
    ...(xero?.dateFormat !== undefined ? [['xero.dateFormat', xero.dateFormat] as [string, string]] : []),
    ...sorted(xero?.taxTypes).map(([key, value]): [string, string] => [`xero.taxType.${key}`, value]),
    ...(quickbooks?.item !== undefined ? [['quickbooks.item', quickbooks.item] as [string, string]] : []),
    ...(quickbooks?.dateFormat !== undefined ? [['quickbooks.dateFormat', quickbooks.dateFormat] as [string, string]] : []),
    ...sorted(quickbooks?.taxCodes).map(([key, value]): [string, string] => [`quickbooks.taxCode.${key}`, value]),
  ];
}
