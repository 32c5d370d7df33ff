/**
 * How one `smallpay config` key sets and unsets its value inside the business: the shapes every setting
 * shares. Most optional settings live at a path of nested groups (`pdf.logo`, `payment.accounts.USD.iban`,
 * `accounts.vat.S.19`, `xero.taxTypes.S.19`); setting one creates the groups on the way, unsetting it drops
 * every group it leaves empty, so `config unset` gives back the business as it was before `config set`.
 */
import { invalid } from './errors.js';
import type { Business } from './types.js';

export interface Setting {
  /** Set from the user's text; throws DomainError('invalid') naming the key. */
  set(business: Business, value: string, key: string): void;
  /** Present for optional settings only. */
  unset?(business: Business, key: string): void;
}

/** Checks the user's text for one setting and gives the value to store; `field` names it in messages. */
export type Check<T = string> = (value: string, field: string) => T;

type Group = Record<string, unknown>;

/**
 * An optional value at `path` inside the business. The value is checked before anything changes, so a
 * refused value leaves the business untouched. Keys come from the catalogue or from checked parts of a
 * key (a currency code, a VAT category and rate), never from free text.
 */
export function nestedSetting(path: readonly [string, ...string[]], check: Check<unknown>): Required<Setting> {
  const parents = path.slice(0, -1);
  const leaf = path[path.length - 1] as string;
  return {
    set: (business, value, field) => {
      const checked = check(value, field);
      let group = business as unknown as Group;
      for (const key of parents) {
        const next = (group[key] ?? {}) as Group;
        group[key] = next;
        group = next;
      }
      group[leaf] = checked;
    },
    unset: (business) => {
      const groups: Group[] = [business as unknown as Group];
      for (const key of parents) {
        const next = (groups[groups.length - 1] as Group)[key] as Group | undefined;
        if (next === undefined) return;
        groups.push(next);
      }
      delete (groups[groups.length - 1] as Group)[leaf];
      // Drop the groups left empty, innermost first; the business itself always stays.
      for (let depth = parents.length; depth > 0; depth -= 1) {
        if (Object.keys(groups[depth] as Group).length > 0) break;
        delete (groups[depth - 1] as Group)[parents[depth - 1] as string];
      }
    },
  };
}

/**
 * A key as the catalogue lists it, with a placeholder (`payment.<CUR>.iban`): setting or unsetting it only
 * explains how to write a real one, e.g. "write a currency code in place of <CUR>, e.g. payment.USD.iban".
 */
export function placeholderSetting(explanation: string): Required<Setting> {
  const refuse = (key: string): never => {
    throw invalid(`${key}: ${explanation}`);
  };
  return { set: (_business, _value, key) => refuse(key), unset: (_business, key) => refuse(key) };
}
