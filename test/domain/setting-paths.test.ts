import { describe, expect, it } from 'vitest';
import { changeSetting, createBusiness, unsetSetting } from '../../src/domain/business.js';
import { nestedSetting } from '../../src/domain/setting-paths.js';
import type { Business } from '../../src/domain/types.js';

const fresh = (): Business => createBusiness({ name: 'Ada', email: 'ada@example.com' });

describe('nested settings', () => {
  it('creates the groups on the way and drops each group it leaves empty, innermost first', () => {
    const setting = nestedSetting(['payment', 'accounts', 'USD', 'iban'], (value) => value.trim());
    const business = fresh();
    setting.set(business, ' X ', 'payment.USD.iban');
    expect(business.payment).toEqual({ accounts: { USD: { iban: 'X' } } });
    setting.unset(business, 'payment.USD.iban');
    expect(business).toEqual(fresh());
  });

  it('keeps a group that still holds another value', () => {
    const business = fresh();
    changeSetting(business, 'payment.USD.iban', 'DE89 3704 0044 0532 0130 00');
    changeSetting(business, 'payment.USD.bank', 'Chase');
    changeSetting(business, 'payment.iban', 'DE89 3704 0044 0532 0130 00');
    unsetSetting(business, 'payment.USD.iban');
    expect(business.payment).toEqual({ accounts: { USD: { bank: 'Chase' } }, iban: 'DE89370400440532013000' });
    unsetSetting(business, 'payment.USD.bank');
    expect(business.payment).toEqual({ iban: 'DE89370400440532013000' });
  });

  it('leaves the business untouched when the value is refused', () => {
    const business = fresh();
    expect(() => changeSetting(business, 'accounts.vat.S.19', '')).toThrow(/accounts\.vat\.S\.19/);
    expect(() => changeSetting(business, 'xero.dateFormat', 'someday')).toThrow(/xero\.dateFormat/);
    expect(business).toEqual(fresh());
  });

  it('gives back the business as it was after set then unset, for every kind of nested key', () => {
    const keys: [string, string][] = [
      ['pdf.logo', 'logo.png'],
      ['payment.GBP.bic', 'BARCGB22'],
      ['accounts.vat.S.19', 'liabilities:vat:19'],
      ['accounts.receivable', 'assets:receivable'],
      ['xero.taxType.S.19', '19% (VAT on Income)'],
      ['quickbooks.taxCode.Z', '0.0% Z'],
      ['xero.accountCode', '200'],
    ];
    for (const [key, value] of keys) {
      const business = fresh();
      changeSetting(business, key, value);
      expect(business, key).not.toEqual(fresh());
      unsetSetting(business, key);
      expect(business, key).toEqual(fresh());
    }
  });

  it('unsetting a value never set changes nothing', () => {
    const business = fresh();
    unsetSetting(business, 'payment.USD.iban');
    unsetSetting(business, 'xero.taxType.S.19');
    expect(business).toEqual(fresh());
  });

  it('a placeholder key only explains how to write a real one, naming itself', () => {
    const business = fresh();
    expect(() => changeSetting(business, 'payment.<CUR>.iban', 'x')).toThrow('payment.<CUR>.iban: write a currency code in place of <CUR>, e.g. payment.USD.iban');
    expect(() => unsetSetting(business, 'accounts.vat.<category>.<rate>')).toThrow(/^accounts\.vat\.<category>\.<rate>: write a VAT category and rate/);
    expect(() => unsetSetting(business, 'quickbooks.taxCode.<cat>[.<rate>]')).toThrow(/in place of <cat>\[\.<rate>\], e\.g\. quickbooks\.taxCode\.S\.20/);
  });
});
