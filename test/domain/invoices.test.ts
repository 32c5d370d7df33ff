import { describe, expect, it } from 'vitest';
import { editCustomer, removeCustomer } from '../../src/domain/customers.js';
import { DomainError } from '../../src/domain/errors.js';
import { issueInvoice } from '../../src/domain/invoice-issue.js';
import { applyPayment, deleteInvoice, voidInvoice } from '../../src/domain/invoice-settlement.js';
import { createInvoice, editInvoice, findInvoice } from '../../src/domain/invoices.js';
import type { StoreDocument } from '../../src/domain/types.js';
import { nextId, sampleDocument } from './fixtures.js';

const TODAY = '2026-11-25';
const design = [{ description: 'Design work', quantity: '10', unitPrice: '150.00', taxRate: '19' }];

function newInvoice(doc: StoreDocument, extra: Partial<Parameters<typeof createInvoice>[1]> = {}) {
  return createInvoice(doc, { customer: 'globex', items: design, ...extra }, { today: TODAY, id: nextId() });
}

function expectRule(action: () => unknown, kind: DomainError['kind'], message: RegExp) {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe(kind);
    expect((error as DomainError).message).toMatch(message);
    return;
  }
  throw new Error('expected a DomainError');
}

describe('creating invoices', () => {
  it('issues at once with a number, dates from the terms and frozen details', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc, { issueDate: '2026-11-01' });
    expect(invoice).toMatchObject({ number: 'INV-2026-0001', status: 'open', issueDate: '2026-11-01', dueDate: '2026-12-01', terms: 30, currency: 'EUR', total: 178500 });
    expect(invoice.issuer).toEqual({ name: 'Ada Consulting', email: 'ada@example.com', taxId: 'DE123' });
    expect(invoice.customer).toEqual({ id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test', lang: 'de' });
    expect(invoice.history).toEqual([{ at: TODAY, event: 'issued' }]);
    expect(doc.sequences).toEqual({ 'INV-2026-{SEQ}': 1 });
  });

  it("takes the customer's currency and terms", () => {
    const doc = sampleDocument();
    const invoice = createInvoice(doc, { customer: 'billing@acme.test', items: design }, { today: TODAY, id: nextId() });
    expect(invoice).toMatchObject({ currency: 'USD', terms: 14, dueDate: '2026-12-09' });
  });

  it('numbers consecutively and gives drafts no number', () => {
    const doc = sampleDocument();
    const draft = newInvoice(doc, { draft: true });
    const numbers = [newInvoice(doc), newInvoice(doc)].map((i) => i.number);
    expect(draft.number).toBeNull();
    expect(numbers).toEqual(['INV-2026-0001', 'INV-2026-0002']);
    issueInvoice(doc, draft, '2026-11-26');
    expect(draft).toMatchObject({ number: 'INV-2026-0003', status: 'open', issueDate: '2026-11-26', dueDate: '2026-12-26' });
    expect(draft.history.map((h) => h.event)).toEqual(['created', 'issued']);
  });

  it('keeps a date given to a draft when it is issued later', () => {
    const doc = sampleDocument();
    const draft = newInvoice(doc, { draft: true, issueDate: '2026-11-20', dueDate: '2026-12-31' });
    issueInvoice(doc, draft, TODAY);
    expect(draft).toMatchObject({ issueDate: '2026-11-20', dueDate: '2026-12-31' });
    expect(draft).not.toHaveProperty('issueDateGiven');
  });

  it('refreshes a draft from the customer when issuing, then freezes it', () => {
    const doc = sampleDocument();
    const draft = newInvoice(doc, { draft: true });
    editCustomer(doc, 'globex', { name: 'Globex AG' });
    issueInvoice(doc, draft, TODAY);
    expect(draft.customer.name).toBe('Globex AG');
    editCustomer(doc, 'globex', { name: 'Globex SE', address: 'Somewhere 1' });
    expect(draft.customer).toMatchObject({ name: 'Globex AG' });
    expect(draft.customer).not.toHaveProperty('address');
  });

  it('refuses unknown customers, due dates before the issue date, and a missing business', () => {
    const doc = sampleDocument();
    expectRule(() => createInvoice(doc, { customer: 'nobody', items: design }, { today: TODAY, id: nextId() }), 'not-found', /no customer 'nobody'/);
    expectRule(() => newInvoice(doc, { issueDate: '2026-11-10', dueDate: '2026-11-09' }), 'invalid', /dueDate/);
    expectRule(() => createInvoice({ ...doc, business: null }, { customer: 'globex', items: design }, { today: TODAY, id: nextId() }), 'refused', /no business/);
    expect(doc.invoices).toHaveLength(0);
  });

  it('finds invoices by number, case-insensitively, or by id', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc);
    expect(findInvoice(doc, 'inv-2026-0001')).toBe(invoice);
    expect(findInvoice(doc, invoice.id)).toBe(invoice);
    expectRule(() => findInvoice(doc, 'INV-2026-0099'), 'not-found', /no invoice/);
  });
});

describe('payments', () => {
  it('accumulates partial payments and pays the balance without an amount', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc);
    applyPayment(invoice, { amount: '500', date: '2026-11-26', method: 'bank' }, '2026-11-26');
    expect(invoice).toMatchObject({ status: 'partial', paid: 50000 });
    const rest = applyPayment(invoice, { date: '2026-11-27' }, '2026-11-27');
    expect(rest.amount).toBe(128500);
    expect(invoice).toMatchObject({ status: 'paid', paid: 178500 });
    expect(invoice.payments).toEqual([{ amount: 50000, date: '2026-11-26', method: 'bank' }, { amount: 128500, date: '2026-11-27' }]);
  });

  it('refuses overpayment, drafts, void and paid invoices, and amounts finer than the currency', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc);
    expectRule(() => applyPayment(invoice, { amount: '1785.01', date: TODAY }, TODAY), 'refused', /more than the balance due of 1,785.00 EUR/);
    expectRule(() => applyPayment(invoice, { amount: '0.001', date: TODAY }, TODAY), 'invalid', /more than 2 decimal places/);
    expectRule(() => applyPayment(invoice, { date: '2026-11-24' }, TODAY), 'refused', /date: 2026-11-24 is before the invoice's issue date 2026-11-25/);
    expectRule(() => applyPayment(invoice, { date: '2026-11-26' }, TODAY), 'refused', /date: 2026-11-26 is in the future/);
    expectRule(() => applyPayment(invoice, { amount: '0', date: TODAY }, TODAY), 'invalid', /greater than 0/);
    expectRule(() => applyPayment(newInvoice(doc, { draft: true }), { date: TODAY }, TODAY), 'refused', /draft/);
    const voided = newInvoice(doc);
    voidInvoice(voided, TODAY);
    expectRule(() => applyPayment(voided, { date: TODAY }, TODAY), 'refused', /void/);
    applyPayment(invoice, { date: TODAY }, TODAY);
    expectRule(() => applyPayment(invoice, { date: TODAY }, TODAY), 'refused', /already paid/);
    expect(invoice.payments).toHaveLength(1);
  });
});

describe('editing', () => {
  it('recalculates totals and keeps the replaced version of an issued invoice', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc, { issueDate: '2026-11-01' });
    editInvoice(doc, invoice, { items: [{ description: 'Design work', quantity: '12', unitPrice: '150', taxRate: '19' }], note: 'Corrected hours' }, TODAY);
    expect(invoice).toMatchObject({ number: 'INV-2026-0001', total: 214200, subtotal: 180000, note: 'Corrected hours', dueDate: '2026-12-01' });
    const last = invoice.history.at(-1);
    expect(last).toMatchObject({ at: TODAY, event: 'edited', previous: { number: 'INV-2026-0001', issueDate: '2026-11-01', total: 178500 } });
  });

  it('moves the due date with a new issue date, and keeps the number series', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc, { issueDate: '2026-11-01' });
    editInvoice(doc, invoice, { issueDate: '2026-11-05' }, TODAY);
    expect(invoice).toMatchObject({ issueDate: '2026-11-05', dueDate: '2026-12-05' });
    expectRule(() => editInvoice(doc, invoice, { issueDate: '2027-01-02' }, TODAY), 'refused', /out of its number series/);
  });

  it('refuses partial, paid and void invoices, and a new customer on an issued one', () => {
    const doc = sampleDocument();
    const partial = newInvoice(doc);
    applyPayment(partial, { amount: '1', date: TODAY }, TODAY);
    expectRule(() => editInvoice(doc, partial, { note: 'x' }, TODAY), 'refused', /partial/);
    const open = newInvoice(doc);
    expectRule(() => editInvoice(doc, open, { customer: 'acme' }, TODAY), 'refused', /customer and currency are fixed/);
    voidInvoice(open, TODAY);
    expectRule(() => editInvoice(doc, open, { note: 'x' }, TODAY), 'refused', /void/);
  });

  it('changes drafts freely without history', () => {
    const doc = sampleDocument();
    const draft = newInvoice(doc, { draft: true });
    editInvoice(doc, draft, { customer: 'acme', currency: 'USD', note: 'x' }, TODAY);
    expect(draft).toMatchObject({ customer: { id: 'acme' }, currency: 'USD', note: 'x' });
    expect(draft.history.map((h) => h.event)).toEqual(['created']);
    editInvoice(doc, draft, { note: '' }, TODAY);
    expect(draft).not.toHaveProperty('note');
  });

  it('leaves the invoice untouched when the change is invalid', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc);
    const before = structuredClone(invoice);
    expect(() => editInvoice(doc, invoice, { items: [{ description: 'x', unitPrice: 'abc' }] }, TODAY)).toThrow(DomainError);
    expect(invoice).toEqual(before);
  });
});

describe('invoices of 0.00', () => {
  it('are paid on issue, and may still be edited or voided since nothing was paid', () => {
    const doc = sampleDocument();
    const free = newInvoice(doc, { items: [{ description: 'Goodwill', unitPrice: '0' }] });
    expect(free).toMatchObject({ status: 'paid', total: 0, payments: [] });
    editInvoice(doc, free, { note: 'On the house' }, TODAY);
    voidInvoice(free, TODAY);
    expect(free.status).toBe('void');
  });
});

describe('void and delete', () => {
  it('voids open invoices only', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc);
    voidInvoice(invoice, TODAY, 'wrong customer');
    expect(invoice.status).toBe('void');
    expect(invoice.history.at(-1)).toEqual({ at: TODAY, event: 'voided', reason: 'wrong customer' });
    expectRule(() => voidInvoice(invoice, TODAY), 'refused', /already void/);
    const paid = newInvoice(doc);
    applyPayment(paid, { date: TODAY }, TODAY);
    expectRule(() => voidInvoice(paid, TODAY), 'refused', /paid/);
  });

  it('deletes drafts outright and issued invoices only with force, into the audit log', () => {
    const doc = sampleDocument();
    const draft = newInvoice(doc, { draft: true });
    expect(deleteInvoice(doc, draft, { force: false, today: TODAY })).toEqual({ audited: false });
    const issued = newInvoice(doc);
    expectRule(() => deleteInvoice(doc, issued, { force: false, today: TODAY }), 'refused', /is issued and cannot be deleted/);
    expect(deleteInvoice(doc, issued, { force: true, today: TODAY, reason: 'duplicate' })).toEqual({ audited: true });
    expect(doc.invoices).toHaveLength(0);
    expect(doc.audit).toEqual([{ at: TODAY, event: 'invoice.deleted', reason: 'duplicate', invoice: issued }]);
    expect(newInvoice(doc).number).toBe('INV-2026-0002'); // the deleted number is never reused
  });
});

describe('customers', () => {
  it('refuses to remove a customer with unpaid invoices unless forced, keeping the invoice copies', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc);
    expectRule(() => removeCustomer(doc, 'globex', { force: false, today: TODAY }), 'refused', /1 unpaid or draft invoice \(INV-2026-0001\)/);
    removeCustomer(doc, 'ap@globex.test', { force: true, today: TODAY });
    expect(doc.customers.map((c) => c.id)).toEqual(['acme']);
    expect(invoice.customer.name).toBe('Globex GmbH');
    expect(doc.audit[0]).toMatchObject({ event: 'customer.removed', customer: { id: 'globex' } });
  });

  it('removes a customer whose invoices are all paid or void', () => {
    const doc = sampleDocument();
    applyPayment(newInvoice(doc), { date: TODAY }, TODAY);
    voidInvoice(newInvoice(doc), TODAY);
    expect(removeCustomer(doc, 'globex', { force: false, today: TODAY }).id).toBe('globex');
  });

  it('carries a new id over to the customer invoices', () => {
    const doc = sampleDocument();
    const invoice = newInvoice(doc);
    editCustomer(doc, 'globex', { id: 'globex-ag' });
    expect(invoice.customer.id).toBe('globex-ag');
    expect(invoice.customer.name).toBe('Globex GmbH');
  });
});
