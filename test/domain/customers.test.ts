import { describe, expect, it } from 'vitest';
import { addCustomer, editCustomer, searchCustomers } from '../../src/domain/customers.js';
import { DomainError } from '../../src/domain/errors.js';
import { slugify } from '../../src/domain/fields.js';
import { sampleDocument } from './fixtures.js';

describe('customers', () => {
  it.each([
    ['Globex GmbH', 'globex-gmbh'],
    ['Zoë Łódź & Co.', 'zoe-lodz-co'],
    ['Ærøskøbing Bryggeri', 'aeroskobing-bryggeri'],
    ['Straße 5', 'strasse-5'],
    ['Иван Петров', 'customer'],
    ['  --ACME--  ', 'acme'],
  ])('derives the id of %j as %j', (name, id) => {
    expect(slugify(name)).toBe(id);
  });

  it('makes derived ids unique', () => {
    const doc = sampleDocument();
    const first = addCustomer(doc, { name: 'Initech', email: 'a@initech.test' }, '2026-11-25');
    const second = addCustomer(doc, { name: 'Initech', email: 'b@initech.test' }, '2026-11-25');
    expect([first.id, second.id]).toEqual(['initech', 'initech-2']);
  });

  it('keeps emails unique regardless of case, and validates them', () => {
    const doc = sampleDocument();
    expect(() => addCustomer(doc, { name: 'X', email: 'AP@globex.test' }, '2026-11-25')).toThrow(/already belongs to customer 'globex'/);
    for (const email of ['nope', 'a@b', 'a b@c.de', 'a@b..de', '<a@b.de>']) {
      expect(() => addCustomer(doc, { name: 'X', email }, '2026-11-25')).toThrow(DomainError);
    }
  });

  it('refuses a taken or malformed id', () => {
    const doc = sampleDocument();
    expect(() => addCustomer(doc, { id: 'globex', name: 'X', email: 'x@x.test' }, '2026-11-25')).toThrow(/exists already/);
    expect(() => addCustomer(doc, { id: 'Not A Slug', name: 'X', email: 'x@x.test' }, '2026-11-25')).toThrow(/is not an id/);
  });

  it('clears optional fields with an empty value on edit', () => {
    const doc = sampleDocument();
    editCustomer(doc, 'acme', { phone: '+1 555 0100', terms: '' });
    expect(doc.customers.find((c) => c.id === 'acme')).toMatchObject({ phone: '+1 555 0100' });
    expect(doc.customers.find((c) => c.id === 'acme')).not.toHaveProperty('terms');
  });

  it('searches id, name, email and tax id, sorted by name', () => {
    const doc = sampleDocument();
    expect(searchCustomers(doc.customers, 'GLOBEX').map((c) => c.id)).toEqual(['globex']);
    expect(searchCustomers(doc.customers, '.test').map((c) => c.id)).toEqual(['acme', 'globex']);
    expect(searchCustomers(doc.customers, 'zzz')).toEqual([]);
  });
});
