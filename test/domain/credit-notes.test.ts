/** Credit notes, refunds, write-offs and removed payments in the core, with figures worked out by hand. */
import { describe, expect, it } from 'vitest';
import { issueCreditNote } from '../../src/domain/credit-notes.js';
import { addCustomer } from '../../src/domain/customers.js';
import { DomainError } from '../../src/domain/errors.js';
import { applyPayment, deleteInvoice, removePayment, voidInvoice } from '../../src/domain/invoice-settlement.js';
import { selectInvoices } from '../../src/domain/invoice-query.js';
import { createInvoice, editInvoice } from '../../src/domain/invoices.js';
import { applyRefund } from '../../src/domain/refunds.js';
import { balanceOf, refundDueOf, settlementStatus } from '../../src/domain/status.js';
import type { Invoice, StoreDocument } from '../../src/domain/types.js';
import { verifyStore } from '../../src/domain/verify.js';
import { writeOffInvoice } from '../../src/domain/write-offs.js';
import { nextId, sampleDocument } from './fixtures.js';

const TODAY = '2026-11-25';
const run = { pid: process.pid, host: 'test', now: Date.now(), token: 't', isAlive: () => true };

function invoiceOf(doc: StoreDocument, items: { price: string; tax?: string; qty?: string }[]): Invoice {
  return createInvoice(doc, { customer: 'globex', issueDate: '2026-11-01', items: items.map((item, index) => ({ description: `line ${index + 1}`, unitPrice: item.price, ...(item.tax && { taxRate: item.tax }), ...(item.qty && { quantity: item.qty }) })) }, { today: '2026-11-01', id: nextId() });
}

const credit = (doc: StoreDocument, invoice: Invoice, input: Parameters<typeof issueCreditNote>[2]) => issueCreditNote(doc, invoice, input, { today: TODAY, id: nextId() });
const refusal = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('the balance and status', () => {
  it.each([
    // total, credited, paid, refunded, expected balance, refund due, status
    [11900, 0, 0, 0, 11900, 0, 'open'],
    [11900, 2380, 0, 0, 9520, 0, 'open'],
    [11900, 2380, 9520, 0, 0, 0, 'paid'],
    [11900, 2380, 11900, 0, -2380, 2380, 'paid'],
    [11900, 2380, 11900, 2380, 0, 0, 'paid'],
    [11900, 2380, 5000, 0, 4520, 0, 'partial'],
    [11900, 11900, 11900, 0, -11900, 11900, 'credited'],
    [11900, 11900, 11900, 11900, 0, 0, 'credited'],
  ] as const)('total %i, credited %i, paid %i, refunded %i: balance %i, refund due %i, %s', (total, credited, paid, refunded, balance, due, status) => {
    const money = { total, paid, credited, refunds: refunded ? [{ amount: refunded, date: TODAY }] : [] };
    const settled = settlementStatus({ ...money, status: 'open' });
    expect(settled).toBe(status);
    expect(balanceOf({ ...money, status: settled })).toBe(balance);
    expect(refundDueOf({ ...money, status: settled })).toBe(due);
  });

  it('has nothing to collect on credit notes and written-off invoices', () => {
    expect(balanceOf({ type: 'credit-note', status: 'issued', total: 5000, paid: 0 })).toBe(0);
    expect(balanceOf({ status: 'written-off', total: 40000, paid: 10000, writeOff: { amount: 30000, date: TODAY } })).toBe(0);
  });
});

describe('credit notes', () => {
  it('credits part of an open invoice: the balance drops, the credit note is numbered in its own series', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '100.00', tax: '19' }]); // 119.00
    const note = credit(doc, invoice, { items: [{ description: 'not delivered', unitPrice: '30.00', taxRate: '19' }], reason: 'short delivery' });
    expect([note.number, note.type, note.status, note.subtotal, note.tax, note.total, note.note]).toEqual(['CN-2026-0001', 'credit-note', 'issued', 3000, 570, 3570, 'short delivery']);
    expect(note.precedingInvoice).toEqual({ invoiceId: invoice.id, number: 'INV-2026-0001', issueDate: '2026-11-01' });
    expect(note.customer).toEqual(invoice.customer);
    expect([invoice.credited, balanceOf(invoice), invoice.status]).toEqual([3570, 8330, 'open']);
    expect(invoice.history.at(-1)).toEqual({ at: TODAY, event: 'credited', creditNoteId: note.id, number: 'CN-2026-0001', amount: 3570 });
  });

  it('--all after a partial credit note credits the net left per VAT group, and the invoice is fully credited', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '100.00', tax: '19' }, { price: '50.00', tax: '7' }]); // 119.00 + 53.50 = 172.50
    credit(doc, invoice, { items: [{ description: 'part', unitPrice: '30.00', taxRate: '19' }] }); // 35.70
    const rest = credit(doc, invoice, { all: true });
    expect(rest.number).toBe('CN-2026-0002');
    expect(rest.items.map((item) => [item.description, item.unitPrice, item.taxRate, item.net])).toEqual([
      ['INV-2026-0001, 7 %', '50.00', '7', 5000],
      ['INV-2026-0001, 19 %', '70.00', '19', 7000],
    ]);
    expect(rest.total).toBe(5350 + 8330);
    expect([invoice.credited, invoice.total, invoice.status, balanceOf(invoice)]).toEqual([17250, 17250, 'credited', 0]);
    expect(refusal(() => credit(doc, invoice, { all: true }))).toMatch(/already fully credited/);
  });

  it('numbers in the series creditNumberFormat gives, and refuses a format that cannot number', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '100.00' }]);
    doc.business!.creditNumberFormat = 'GS{YY}-{SEQ:3}';
    expect(credit(doc, invoice, { items: [{ description: 'a', unitPrice: '1' }] }).number).toBe('GS26-001');
    doc.business!.creditNumberFormat = 'CN-{YYYY}';
    expect(refusal(() => credit(doc, invoice, { items: [{ description: 'b', unitPrice: '1' }] }))).toMatch(/creditNumberFormat: 'CN-\{YYYY\}' must contain \{SEQ\}/);
  });

  it('--all on an invoice not yet credited repeats its own lines', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '12.50', qty: '3', tax: '19' }]);
    const note = credit(doc, invoice, { all: true });
    expect(note.items).toEqual(invoice.items);
    expect(note.total).toBe(invoice.total);
  });

  it('treats every net credited as fully credited, though VAT rounded per credit note adds a cent', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '0.06', tax: '19' }]); // 0.06 + 0.01 VAT = 0.07
    const first = credit(doc, invoice, { items: [{ description: 'half', unitPrice: '0.03', taxRate: '19' }] }); // 0.03 + 0.01
    const rest = credit(doc, invoice, { all: true }); // 0.03 + 0.01
    expect([first.total, rest.total, invoice.credited, invoice.status, balanceOf(invoice)]).toEqual([4, 4, 8, 'credited', 0]);
    expect(verifyStore(doc, run).find((check) => check.name === 'credits')?.problems).toEqual([]);
  });

  it('credits a reverse-charge invoice as reverse charge, with its note, when an item names only the rate', () => {
    const doc = sampleDocument();
    addCustomer(doc, { id: 'paris', name: 'Paris SARL', email: 'compta@paris.test', taxId: 'FR40303265045', lang: 'fr' }, '2026-01-01');
    const invoice = createInvoice(doc, { customer: 'paris', issueDate: '2026-11-01', items: [{ description: 'Conseil', unitPrice: '1000', taxCategory: 'AE' }] }, { today: '2026-11-01', id: nextId() });
    expect(invoice.taxes.map((line) => [line.category, line.rate, line.exemptionReason])).toEqual([['AE', '0', 'Autoliquidation']]);
    const note = credit(doc, invoice, { items: [{ description: 'Remise', unitPrice: '100' }] });
    expect(note.items.map((item) => [item.taxCategory, item.taxRate])).toEqual([['AE', '0']]);
    expect(note.taxes.map((line) => [line.category, line.base, line.exemptionReason])).toEqual([['AE', 10000, 'Autoliquidation']]);
    // A zero-rated line is another VAT group, which this invoice does not charge.
    expect(refusal(() => credit(doc, invoice, { items: [{ description: 'x', unitPrice: '1', taxCategory: 'Z' }] }))).toMatch(/0 % \(category Z\), which invoice INV-2026-0001 does not charge/);
  });

  it('refuses crediting more than is left, at a rate the invoice does not charge, or a draft, void or credit note', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '100.00', tax: '19' }]);
    const before = structuredClone(doc);
    expect(refusal(() => credit(doc, invoice, { items: [{ description: 'too much', unitPrice: '100.01', taxRate: '19' }] }))).toMatch(/credits 100.01 EUR net at 19 % \(category S\), but only 100.00 EUR is left/);
    expect(refusal(() => credit(doc, invoice, { items: [{ description: 'other rate', unitPrice: '10', taxRate: '7' }] }))).toMatch(/7 % \(category S\), which invoice INV-2026-0001 does not charge/);
    expect(refusal(() => credit(doc, invoice, { all: true, issueDate: '2026-10-31' }))).toMatch(/before the issue date 2026-11-01/);
    expect(doc).toEqual(before);
    const note = credit(doc, invoice, { items: [{ description: 'part', unitPrice: '60', taxRate: '19' }] });
    expect(refusal(() => credit(doc, invoice, { items: [{ description: 'again', unitPrice: '60', taxRate: '19' }] }))).toMatch(/only 40.00 EUR is left/);
    expect(refusal(() => credit(doc, note, { all: true }))).toMatch(/is a credit note/);
    const draft = createInvoice(doc, { customer: 'globex', items: [{ description: 'x', unitPrice: '1' }], draft: true }, { today: TODAY, id: nextId() });
    expect(refusal(() => credit(doc, draft, { all: true }))).toMatch(/is a draft/);
    const voided = invoiceOf(doc, [{ price: '5' }]);
    voidInvoice(voided, TODAY);
    expect(refusal(() => credit(doc, voided, { all: true }))).toMatch(/void/);
    expect(refusal(() => voidInvoice(invoice, TODAY))).toMatch(/has credit notes/);
    // A credit note and its invoice refer to each other: neither may leave the books.
    expect(refusal(() => deleteInvoice(doc, invoice, { force: true, today: TODAY }))).toMatch(/has credit notes and cannot be deleted/);
    expect(refusal(() => deleteInvoice(doc, note, { force: true, today: TODAY }))).toMatch(/is a credit note and cannot be deleted/);
    expect(refusal(() => editInvoice(doc, invoice, { note: 'x' }, TODAY))).toMatch(/is credited and can no longer be edited/);
    expect(refusal(() => editInvoice(doc, note, { note: 'x' }, TODAY))).toMatch(/is a credit note and can no longer be edited/);
    const paid = invoiceOf(doc, [{ price: '10' }]);
    applyPayment(paid, { date: TODAY }, TODAY);
    expect(() => editInvoice(doc, paid, { note: 'x' }, TODAY)).toThrow(expect.objectContaining({ hint: `correct it with a credit note: smallpay invoice credit ${paid.number}` }));
  });
});

describe('refunds, write-offs and removed payments', () => {
  it('refunds what is owed back by default, and no more than was paid', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '100.00' }]);
    expect(refusal(() => applyRefund(invoice, { date: TODAY, amount: '1' }, TODAY))).toMatch(/nothing was paid/);
    applyPayment(invoice, { date: '2026-11-10' }, TODAY);
    expect(refusal(() => applyRefund(invoice, { date: TODAY }, TODAY))).toMatch(/nothing is owed back/);
    credit(doc, invoice, { items: [{ description: 'part', unitPrice: '25' }] });
    expect([invoice.status, refundDueOf(invoice)]).toEqual(['paid', 2500]);
    expect(refusal(() => applyRefund(invoice, { date: TODAY, amount: '100.01' }, TODAY))).toMatch(/more than the 100.00 EUR paid/);
    const refund = applyRefund(invoice, { date: TODAY, method: 'bank' }, TODAY);
    expect(refund).toEqual({ amount: 2500, date: TODAY, method: 'bank' });
    expect([invoice.status, balanceOf(invoice), invoice.history.at(-1)]).toEqual(['paid', 0, { at: TODAY, event: 'refund', amount: 2500, date: TODAY }]);
  });

  it('writes off the unpaid balance: nothing due, nothing received, and final', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '400.00' }]);
    applyPayment(invoice, { date: '2026-11-10', amount: '100' }, TODAY);
    const writeOff = writeOffInvoice(invoice, { date: TODAY, reason: 'insolvent' }, TODAY);
    expect(writeOff).toEqual({ amount: 30000, date: TODAY, reason: 'insolvent' });
    expect([invoice.status, invoice.paid, balanceOf(invoice)]).toEqual(['written-off', 10000, 0]);
    expect(refusal(() => applyPayment(invoice, { date: TODAY }, TODAY))).toMatch(/written off/);
    expect(refusal(() => credit(doc, invoice, { all: true }))).toMatch(/written off/);
    expect(refusal(() => writeOffInvoice(invoiceOf(doc, [{ price: '0' }]), { date: TODAY }, TODAY))).toMatch(/no unpaid balance/);
  });

  it('removes a payment by its place in the list, keeping it in the history and the audit log', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '100.00' }]);
    applyPayment(invoice, { date: '2026-11-10', amount: '30' }, TODAY);
    applyPayment(invoice, { date: '2026-11-11', amount: '70' }, TODAY);
    expect(invoice.status).toBe('paid');
    expect(refusal(() => removePayment(doc, invoice, 3, { today: TODAY }))).toMatch(/has payments 1 to 2/);
    const removed = removePayment(doc, invoice, 2, { today: TODAY, reason: 'booked twice' });
    expect(removed).toEqual({ amount: 7000, date: '2026-11-11' });
    expect([invoice.paid, invoice.payments, invoice.status, balanceOf(invoice)]).toEqual([3000, [{ amount: 3000, date: '2026-11-10' }], 'partial', 7000]);
    expect(invoice.history.at(-1)).toEqual({ at: TODAY, event: 'payment-removed', payment: removed, index: 2, reason: 'booked twice' });
    expect(doc.audit.at(-1)).toMatchObject({ at: TODAY, event: 'payment.removed', reason: 'booked twice', invoice: { id: invoice.id, paid: 10000 } });
    expect(verifyStore(doc, run).every((check) => check.problems.length === 0)).toBe(true);
  });

  it('refuses to remove a payment that refunds were paid back from', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '100.00' }]);
    applyPayment(invoice, { date: '2026-11-10' }, TODAY);
    credit(doc, invoice, { all: true });
    applyRefund(invoice, { date: TODAY }, TODAY);
    expect(refusal(() => removePayment(doc, invoice, 1, { today: TODAY }))).toMatch(/refunds of 100.00 EUR larger than what was paid/);
  });
});

describe('list filters and verify', () => {
  it('filters by the new statuses, refund due and document type', () => {
    const doc = sampleDocument();
    const paid = invoiceOf(doc, [{ price: '100.00' }]);
    applyPayment(paid, { date: '2026-11-10' }, TODAY);
    const note = credit(doc, paid, { items: [{ description: 'part', unitPrice: '10' }] });
    const open = invoiceOf(doc, [{ price: '50.00' }]);
    writeOffInvoice(open, { date: TODAY }, TODAY);
    const numbers = (filter: Parameters<typeof selectInvoices>[1]) => selectInvoices(doc.invoices, filter, TODAY).map((invoice) => invoice.number);
    expect(numbers({ status: 'refund-due' })).toEqual([paid.number]);
    expect(numbers({ status: 'written-off' })).toEqual([open.number]);
    expect(numbers({ status: 'issued' })).toEqual([note.number]);
    expect(numbers({ type: 'credit-note' })).toEqual(['CN-2026-0001']);
    expect(numbers({ type: 'invoice' })).toEqual(['INV-2026-0001', 'INV-2026-0002']);
  });

  it('finds a gap in the credit-note series, a credit note without its invoice, and credited out of step', () => {
    const doc = sampleDocument();
    const invoice = invoiceOf(doc, [{ price: '100.00' }]);
    credit(doc, invoice, { items: [{ description: 'a', unitPrice: '10' }] });
    const second = credit(doc, invoice, { items: [{ description: 'b', unitPrice: '20' }] });
    expect(verifyStore(doc, run).every((check) => check.problems.length === 0)).toBe(true);
    doc.invoices = doc.invoices.filter((candidate) => candidate.number !== 'CN-2026-0001');
    const problems = (name: string) => verifyStore(doc, run).find((check) => check.name === name)?.problems;
    expect(problems('numbers')).toEqual(['CN-2026-#1: missing, a gap in the series CN-2026-{SEQ}']);
    expect(problems('credits')).toEqual(['INV-2026-0001: credited is 30.00 EUR, its credit notes add up to 20.00 EUR']);
    second.precedingInvoice = { invoiceId: 'inv_gone', number: 'INV-2026-0099', issueDate: '2026-11-01' };
    expect(problems('credits')).toContain('CN-2026-0002: corrects invoice INV-2026-0099 (inv_gone), which does not exist');
  });
});
