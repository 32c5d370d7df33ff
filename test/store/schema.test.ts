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

  // Issue 9 item 1: names from a hand-edited store become file names; item 14: texts reach terminals.
  it.each<[string, (doc: any) => void, RegExp]>([
    ['a number leading out of its folder', (d) => (d.invoices[0].number = '../elsewhere/pwned'), /^invoices\[0\]\.number: '\.\.\/elsewhere\/pwned' is not an invoice number/],
    ['a number with a backslash', (d) => (d.invoices[0].number = 'INV\\1'), /^invoices\[0\]\.number: .* is not an invoice number/],
    ['a number with a leading dot', (d) => (d.invoices[0].number = '.hidden'), /^invoices\[0\]\.number: /],
    ['a number with ..', (d) => (d.invoices[0].number = 'INV..1'), /^invoices\[0\]\.number: /],
    ['a draft id leading out of its folder', (d) => (d.invoices[0].id = '../../evil'), /^invoices\[0\]\.id: '\.\.\/\.\.\/evil' is not an id/],
    ['an outbox number with a slash', (d) => d.outbox.push({ id: 'msg_1', invoiceId: 'inv_1', number: 'a/b', kind: 'invoice', to: ['x@y.test'], cc: [], bcc: [], messageId: '<m@x>', state: 'sent', createdAt: '2026-11-25', attempts: 1 }), /^outbox\[0\]\.number: 'a\/b' is not an invoice number/],
    ['a customer id that is no slug', (d) => (d.customers[0].id = 'Glo bex'), /^customers\[0\]\.id: 'Glo bex' is not a customer id/],
    ['a number format with a slash', (d) => (d.business.numberFormat = 'X/{SEQ}'), /^business\.numberFormat: 'X\/\{SEQ\}' may hold only letters/],
    ['an invoice number format with ..', (d) => (d.invoices[0].numberFormat = '..{SEQ}'), /^invoices\[0\]\.numberFormat: /],
    ['ESC in an item description', (d) => (d.invoices[0].items[0].description = 'Work\x1b[2J'), /^invoices\[0\]\.items\[0\]\.description: holds the control character U\+001B$/],
    ['BEL in a customer name', (d) => (d.customers[0].name = 'Globex\x07'), /^customers\[0\]\.name: holds the control character U\+0007$/],
    ['U+0085 in a note', (d) => (d.invoices[0].note = 'a\u0085b'), /^invoices\[0\]\.note: holds the control character U\+0085$/],
    ['U+2028 in an address', (d) => (d.business.address = 'a\u2028b'), /^business\.address: holds the control character U\+2028$/],
    ['U+202E in a field name', (d) => (d.invoices[0]['x\u202e'] = 1), /^invoices\[0\]\.x\\u202E: a field name holds the control character U\+202E$/],
  ])('refuses %s', (_what, mutate, message) => {
    expect(problem(mutate)).toMatch(message);
  });

  it('accepts tabs, newlines and carriage returns in texts, and numbers such as R2026.11-001', () => {
    const doc = validDocument();
    doc.business.address = 'Main St 1\n\t12345 Berlin';
    doc.invoices[0].items[0].description = 'Work\r\nphase 1'; // as versions before 9 kept it
    doc.invoices[0].number = 'R2026.11-001_a';
    doc.business.numberFormat = 'R{YYYY}.{MM}-{SEQ:3}';
    expect(() => validateDocument(doc)).not.toThrow();
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
