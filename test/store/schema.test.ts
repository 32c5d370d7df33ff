import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, InvalidDocumentError, emptyDocument, validateDocument } from '../../src/store/schema.js';
import { TooNewError, migrate } from '../../src/store/migrations.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { sampleDocument } from '../domain/fixtures.js';

function validDocument() {
  const doc = sampleDocument();
  createInvoice(doc, { customer: 'globex', items: [{ description: 'Work', unitPrice: '10', taxRate: '19' }] }, { today: '2026-11-25', id: 'inv_1' });
  return JSON.parse(JSON.stringify(doc));
}

function problem(mutate: (doc: any) => void): string {
  const doc = validDocument();
  mutate(doc);
  try {
    validateDocument(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidDocumentError);
    return (error as Error).message;
  }
  throw new Error('expected the document to be invalid');
}

describe('validateDocument', () => {
  it('accepts what the core produces, and an empty store', () => {
    expect(() => validateDocument(validDocument())).not.toThrow();
    expect(() => validateDocument(emptyDocument())).not.toThrow();
  });

  it('keeps fields it does not know (hand-added notes survive)', () => {
    const doc = validDocument();
    doc.invoices[0].myTag = 'keep me';
    expect(validateDocument(doc).invoices[0]).toHaveProperty('myTag', 'keep me');
  });

  it.each<[string, (doc: any) => void, RegExp]>([
    ['a fractional amount', (d) => (d.invoices[0].total = 12.5), /^invoices\[0\]\.total: must be integer/],
    ['an amount as a string', (d) => (d.invoices[0].items[0].net = '10.00'), /^invoices\[0\]\.items\[0\]\.net: must be integer/],
    ['a missing field', (d) => delete d.invoices[0].currency, /^invoices\[0\]\.currency: is required/],
    ['an unknown status', (d) => (d.invoices[0].status = 'settled'), /^invoices\[0\]\.status: must be equal to one of the allowed values/],
    ['an impossible date', (d) => (d.invoices[0].dueDate = '2026-02-30'), /^invoices\[0\]\.dueDate: '2026-02-30' is not a calendar date/],
    ['an unknown currency', (d) => (d.invoices[0].currency = 'XYZ'), /^invoices\[0\]\.currency: 'XYZ' is not an ISO 4217/],
    ['a duplicate number', (d) => d.invoices.push({ ...d.invoices[0], id: 'inv_2' }), /invoice number 'INV-2026-0001' appears twice/],
    ['a duplicate customer email', (d) => (d.customers[1].email = 'AP@globex.test'), /customer email 'ap@globex.test' appears twice/],
    ['a payment without a date', (d) => d.invoices[0].payments.push({ amount: 1 }), /^invoices\[0\]\.payments\[0\]\.date: is required/],
    ['an edit without its previous version', (d) => d.invoices[0].history.push({ at: '2026-11-25', event: 'edited' }), /history\[1\]\.previous: is required/],
    ['a wrong schema version', (d) => (d.schemaVersion = 99), /^schemaVersion: must be equal to constant/],
    ['no invoices array', (d) => (d.invoices = {}), /^invoices: must be array/],
  ])('names the place of %s', (_what, mutate, message) => {
    expect(problem(mutate)).toMatch(message);
  });
});

describe('migrate', () => {
  it('leaves a current document alone', () => {
    const doc = validDocument();
    expect(migrate(doc)).toEqual({ json: doc, from: CURRENT_SCHEMA_VERSION });
  });

  it('runs each step in order and sets the version', () => {
    const steps = {
      1: (doc: Record<string, unknown>) => ({ ...doc, trail: ['1→2'] }),
      2: (doc: Record<string, unknown>) => ({ ...doc, trail: [...((doc.trail as string[] | undefined) ?? []), '2→3'] }),
    };
    expect(migrate({ schemaVersion: 1 }, steps, 3)).toEqual({ json: { schemaVersion: 3, trail: ['1→2', '2→3'] }, from: 1 });
    expect(migrate({ schemaVersion: 2 }, steps, 3)).toEqual({ json: { schemaVersion: 3, trail: ['2→3'] }, from: 2 });
    expect(() => migrate({ schemaVersion: 1 }, { 2: steps[2] }, 3)).toThrow(/no migration from version 1/);
  });

  it('refuses documents from a newer SmallPay and documents without a version', () => {
    expect(() => migrate({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toThrow(TooNewError);
    expect(() => migrate({ business: null })).toThrow(/schemaVersion: missing/);
    expect(() => migrate([])).toThrow(/must be a JSON object/);
  });
});
