import { describe, expect, it } from 'vitest';
import { changeSetting, createBusiness, requireSellerCountry, unsetSetting } from '../../src/domain/business.js';
import { ISO_COUNTRY_CODES } from '../../src/domain/countries.js';
import { addCustomer, editCustomer } from '../../src/domain/customers.js';
import { DomainError } from '../../src/domain/errors.js';
import { addressText, countryCode, electronicAddress, linesOfText } from '../../src/domain/parties.js';
import type { Business, Customer, StoreDocument } from '../../src/domain/types.js';
import { categoryDefaultsFor, defaultCategory } from '../../src/domain/vat-categories.js';
import { vatTreatment } from '../../src/domain/vat-treatment.js';
import { migratePartiesTo4 } from '../../src/store/migrate-to-4.js';
import { emptyDocument } from '../../src/store/schema.js';

function docWithBusiness(): StoreDocument {
  const doc = emptyDocument();
  doc.business = createBusiness({ name: 'Northwind', email: 'n@x.test', country: 'DE' });
  return doc;
}

describe('country codes', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes and takes them in any case', () => {
    expect(ISO_COUNTRY_CODES.size).toBe(249);
    expect(countryCode(' fr ', 'country')).toBe('FR');
    for (const code of ['DE', 'GR', 'GB', 'US', 'AX', 'ZW']) expect(countryCode(code, 'country')).toBe(code);
  });

  it.each(['XX', 'EL', 'UK', 'EU', 'DEU', 'D', ''])('refuses %j naming the field', (code) => {
    expect(() => countryCode(code, '--country')).toThrow(/--country: .* is not an ISO 3166-1 alpha-2 country code/);
  });
});

describe('electronic addresses', () => {
  it('reads <scheme>:<id> with a four-digit scheme', () => {
    expect(electronicAddress('0088:4012345000009', 'e')).toEqual({ scheme: '0088', id: '4012345000009' });
    expect(electronicAddress(' 9930:DE123456789 ', 'e')).toEqual({ scheme: '9930', id: 'DE123456789' });
    // An id may itself hold a colon (only the first one separates).
    expect(electronicAddress('0204:991-1234512345-06', 'e')).toEqual({ scheme: '0204', id: '991-1234512345-06' });
  });

  it('checks a GLN (scheme 0088) by its check digit', () => {
    expect(() => electronicAddress('0088:4012345000008', 'e')).toThrow(/'4012345000008' is not a GLN/);
    expect(() => electronicAddress('0088:401234500000', 'e')).toThrow(/is not a GLN/);
    expect(electronicAddress('0088:5790000435968', 'e')).toEqual({ scheme: '0088', id: '5790000435968' });
  });

  it.each(['abc', '88:123', '00888:1', 'ABCD:1', '0088:', '0088:with space', `0088:${'9'.repeat(101)}`])('refuses %j', (value) => {
    expect(() => electronicAddress(value, '--endpoint')).toThrow(DomainError);
    expect(() => electronicAddress(value, '--endpoint')).toThrow(/^--endpoint: /);
  });
});

describe('postal addresses', () => {
  it('splits free text on line breaks only, joining lines past the third', () => {
    expect(linesOfText('Suite 5, 12 Main St\n\n  Springfield  ')).toEqual(['Suite 5, 12 Main St', 'Springfield']);
    expect(linesOfText('a\nb\nc\nd\ne')).toEqual(['a', 'b', 'c, d, e']);
  });

  it('prints lines, postcode and city, region and country', () => {
    expect(addressText({ lines: ['4120 Freidrich Lane'], postcode: '78744', city: 'Austin', region: 'TX', country: 'US' })).toBe('4120 Freidrich Lane\n78744 Austin\nTX\nUS');
    expect(addressText({ lines: [], country: 'DE' })).toBe('DE');
  });

  it('keeps the printable address in step with the structured one, as settings change', () => {
    const doc = docWithBusiness();
    const business = doc.business!;
    changeSetting(business, 'street', 'Hafenstraße 12');
    changeSetting(business, 'postcode', '20457');
    changeSetting(business, 'city', 'Hamburg');
    expect(business.postalAddress).toEqual({ lines: ['Hafenstraße 12'], postcode: '20457', city: 'Hamburg', country: 'DE' });
    expect(business.address).toBe('Hafenstraße 12\n20457 Hamburg\nDE');
    unsetSetting(business, 'address.city');
    expect(business.address).toBe('Hafenstraße 12\n20457\nDE');
    for (const key of ['address', 'postcode', 'country']) unsetSetting(business, key);
    expect(business.postalAddress).toBeUndefined();
    expect(business.address).toBeUndefined();
    expect(() => requireSellerCountry(business)).toThrow(/no country.*\n?/);
  });

  it('takes an address that was never migrated as its street lines, so setting a country loses nothing', () => {
    const doc = docWithBusiness();
    const business = doc.business!;
    delete business.postalAddress;
    business.address = 'Hafenstraße 12\n20457 Hamburg';
    changeSetting(business, 'country', 'de');
    expect(business.postalAddress).toEqual({ lines: ['Hafenstraße 12', '20457 Hamburg'], country: 'DE' });
    expect(business.address).toBe('Hafenstraße 12\n20457 Hamburg\nDE');
  });

  it('refuses a fourth street line and an empty setting', () => {
    const doc = docWithBusiness();
    expect(() => addCustomer(doc, { name: 'A', email: 'a@x.test', street: ['1', '2', '3', '4'] }, '2026-11-25')).toThrow(/street: at most 3 street lines/);
    expect(() => changeSetting(doc.business!, 'city', '  ')).toThrow(/city: must not be empty/);
  });

  it('edits customer parts one at a time, "" clearing one', () => {
    const doc = docWithBusiness();
    addCustomer(doc, { id: 'u', name: 'Umbrella', email: 'u@x.test', address: '8 rue de la Paix\n75002 Paris', country: 'fr' }, '2026-11-25');
    expect(doc.customers[0]).toMatchObject({ postalAddress: { lines: ['8 rue de la Paix', '75002 Paris'], country: 'FR' }, address: '8 rue de la Paix\n75002 Paris\nFR' });
    editCustomer(doc, 'u', { street: ['8 rue de la Paix'], postcode: '75002', city: 'Paris' });
    editCustomer(doc, 'u', { country: '' });
    expect(doc.customers[0]?.postalAddress).toEqual({ lines: ['8 rue de la Paix'], postcode: '75002', city: 'Paris' });
    expect(doc.customers[0]?.address).toBe('8 rue de la Paix\n75002 Paris');
  });
});

describe("a customer's treatment and the small-business setting, as the VAT core reads them", () => {
  const categoryOf = (rate: string | undefined, customer: Pick<Customer, 'vatTreatment'>, business: Pick<Business, 'vat'>) => defaultCategory({ ...(rate !== undefined && { rate }), ...categoryDefaultsFor(business, customer) });
  it.each([
    ['standard', '19', 'S'],
    ['standard', '0', 'Z'],
    ['reverse-charge', undefined, 'AE'],
    ['intra-community', '0', 'K'],
    ['export', undefined, 'G'],
    ['exempt', undefined, 'E'],
    // A rate does not change the category: the VAT rules refuse 19 % on an AE line by name.
    ['reverse-charge', '19', 'AE'],
  ] as const)('%s at rate %s → %s', (treatment, rate, category) => {
    expect(categoryOf(rate, { vatTreatment: vatTreatment(treatment, 't') }, {})).toBe(category);
  });

  it('is O (or E) for a small business, whatever the customer', () => {
    const business = createBusiness({ name: 'A', email: 'a@x.test' });
    changeSetting(business, 'vat.smallBusiness', 'true');
    expect(categoryOf(undefined, { vatTreatment: 'reverse-charge' }, business)).toBe('O');
    changeSetting(business, 'vat.small-business-category', 'e');
    expect(categoryOf('19', {}, business)).toBe('E');
    changeSetting(business, 'vat.smallBusiness', 'no');
    expect(categoryOf('19', {}, business)).toBe('S');
  });
});

describe('migratePartiesTo4', () => {
  it('copies free-text addresses into street lines, guessing no country, and leaves the rest alone', () => {
    const before = {
      schemaVersion: 3,
      business: { name: 'A', email: 'a@x.test', address: 'Hafenstraße 12\n20457 Hamburg\nGermany' },
      customers: [
        { id: 'u', name: 'U', email: 'u@x.test', address: '8 rue de la Paix, 75002 Paris', createdAt: '2026-01-01' },
        { id: 'z', name: 'Z', email: 'z@x.test', createdAt: '2026-01-01' },
        { id: 'w', name: 'W', email: 'w@x.test', address: 42, createdAt: '2026-01-01' },
      ],
      invoices: [{ id: 'inv_1', customer: { id: 'u', name: 'U', email: 'u@x.test', address: 'a\nb\nc\nd' }, issuer: null }],
    };
    const copy = structuredClone(before);
    const after = migratePartiesTo4(before) as typeof before & Record<string, never>;
    expect(before).toEqual(copy);
    expect(after.business).toEqual({ ...before.business, postalAddress: { lines: ['Hafenstraße 12', '20457 Hamburg', 'Germany'] } });
    expect(after.customers[0]).toMatchObject({ address: '8 rue de la Paix, 75002 Paris', postalAddress: { lines: ['8 rue de la Paix, 75002 Paris'] } });
    expect(after.customers[1]).toEqual(before.customers[1]);
    expect(after.customers[2]).toEqual(before.customers[2]);
    expect(after.invoices[0]).toEqual({ ...before.invoices[0], customer: { ...before.invoices[0]!.customer, postalAddress: { lines: ['a', 'b', 'c, d'] } } });
  });

  it('keeps a document without a business or invoices as it is', () => {
    expect(migratePartiesTo4({ schemaVersion: 3, business: null, customers: [] })).toEqual({ schemaVersion: 3, business: null, customers: [] });
  });
});
