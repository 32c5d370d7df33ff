/**
 * The business that issues the invoices, and the settings `smallpay config` shows and changes.
 * Changing a setting never rewrites issued invoices: each keeps the issuer details it was issued with.
 */
import { invalid } from './errors.js';
import * as fields from './fields.js';
import { DEFAULT_NUMBER_FORMAT, validateNumberFormat } from './numbering.js';
import { SETTING_ALIASES, type SettingKey } from './settings-catalog.js';
import type { Business } from './types.js';

export const DEFAULT_CURRENCY = 'EUR';
export const DEFAULT_TERMS_DAYS = 30;
export const DEFAULT_LANGUAGE = 'en';

export interface BusinessInput {
  name: string;
  email: string;
  address?: string;
  taxId?: string;
  currency?: string;
  terms?: string;
  numberFormat?: string;
  lang?: string;
}

interface Setting {
  /** Set from the user's text; throws DomainError('invalid') naming the key. */
  set(business: Business, value: string, key: string): void;
  /** Present for optional settings only. */
  unset?(business: Business): void;
}

const SETTINGS: Record<SettingKey, Setting> = {
  name: { set: (b, v, k) => void (b.name = fields.singleLine(v, k)) },
  email: { set: (b, v, k) => void (b.email = fields.email(v, k)) },
  address: { set: (b, v, k) => void (b.address = fields.multiLine(v, k)), unset: (b) => void delete b.address },
  taxId: { set: (b, v, k) => void (b.taxId = fields.singleLine(v, k)), unset: (b) => void delete b.taxId },
  currency: { set: (b, v, k) => void (b.currency = fields.currency(v, k)) },
  terms: { set: (b, v, k) => void (b.terms = fields.termsDays(v, k)) },
  numberFormat: {
    set: (b, v, k) => {
      validateNumberFormat(v.trim(), k);
      b.numberFormat = v.trim();
    },
  },
  lang: { set: (b, v, k) => void (b.lang = fields.language(v, k)) },
};

function settingFor(key: string): { name: SettingKey; setting: Setting } {
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
  setting.unset(business);
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
  const optional: [keyof BusinessInput, string | undefined][] = [
    ['address', input.address],
    ['taxId', input.taxId],
    ['currency', input.currency],
    ['terms', input.terms],
    ['numberFormat', input.numberFormat],
    ['lang', input.lang],
  ];
  for (const [key, value] of optional) if (value !== undefined) changeSetting(business, key, value);
  return business;
}
