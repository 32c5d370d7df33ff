import { describe, expect, it } from 'vitest';
import { issueCreditNote } from '../../src/domain/credit-notes.js';
import { type ImportTable, tableOfCsv } from '../../src/domain/import-table.js';
import { INVOICE_COLUMNS, PAYMENT_COLUMNS, invoiceCsvRows, paymentCsvRows } from '../../src/domain/invoice-csv.js';
import { importInvoices } from '../../src/domain/invoice-import.js';
import { applyPayment } from '../../src/domain/invoice-settlement.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { emptyDocument } from '../../src/store/schema.js';
import { toCsv } from '../../src/render/csv.js';
import { nextId, sampleDocument } from './fixtures.js';

const table = (text: string): ImportTable => tableOfCsv(text).table as ImportTable;
const today = '2026-11-25';

function books() {
  const doc = sampleDocument();
  const invoice = createInvoice(doc, { customer: 'globex', issueDate: '2026-10-01', items: [{ description: 'Work', quantity: '3', unitPrice: '33.33', taxRate: '19' }] }, { today, id: nextId() });
  applyPayment(invoice, { amount: '50', date: '2026-10-10', method: 'bank' }, today);
  issueCreditNote(doc, invoice, { items: [{ description: 'Less', unitPrice: '10', taxRate: '19' }], issueDate: '2026-10-12' }, { today, id: nextId() });
  return { doc, invoices: toCsv(INVOICE_COLUMNS, invoiceCsvRows(doc.invoices)), payments: toCsv(PAYMENT_COLUMNS, paymentCsvRows(doc.invoices)) };
}

function emptyBooks() {
  const doc = emptyDocument();
  doc.business = sampleDocument().business;
  return doc;
}

describe('importInvoices', () => {
  it('brings the documents, their money and customers, marks them imported and moves the series on', () => {
    const source = books();
    const doc = emptyBooks();
    const result = importInvoices(doc, table(source.invoices), table(source.payments), { today: '2026-11-30', newId: nextId });
    expect(result).toEqual({ customers: { added: ['globex'], matched: [] }, invoices: { added: ['INV-2026-0001', 'CN-2026-0001'], matched: [] }, payments: { added: 1 }, problems: [] });
    const [invoice, note] = doc.invoices;
    expect(invoice).toMatchObject({ status: 'partial', paid: 5000, credited: 1190, total: 11899, imported: { at: '2026-11-30' }, series: 'INV-2026-{SEQ}', sequence: 1 });
    expect(invoice?.history).toEqual([
      { at: '2026-10-01', event: 'issued' },
      { at: '2026-10-10', event: 'payment', amount: 5000, date: '2026-10-10' },
      { at: '2026-10-12', event: 'credited', creditNoteId: note?.id, number: 'CN-2026-0001', amount: 1190 },
    ]);
    expect(note?.precedingInvoice).toEqual({ invoiceId: invoice?.id, number: 'INV-2026-0001', issueDate: '2026-10-01' });
    expect(doc.sequences).toEqual({ 'INV-2026-{SEQ}': 1, 'CN-2026-{SEQ}': 1 });
    // The same documents, line for line, as the source exports them.
    expect(toCsv(INVOICE_COLUMNS, invoiceCsvRows(doc.invoices))).toBe(source.invoices);
  });

  it('changes nothing the second time', () => {
    const source = books();
    const doc = emptyBooks();
    importInvoices(doc, table(source.invoices), table(source.payments), { today, newId: nextId });
    const before = structuredClone(doc);
    const again = importInvoices(doc, table(source.invoices), table(source.payments), { today, newId: nextId });
    expect(again.invoices).toEqual({ added: [], matched: ['INV-2026-0001', 'CN-2026-0001'] });
    expect(doc).toEqual(before);
  });

  it('takes the store itself as the source: everything matches', () => {
    const source = books();
    const result = importInvoices(source.doc, table(source.invoices), table(source.payments), { today, newId: nextId });
    expect(result.invoices.added).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('reports a line discount the arithmetic does not give, at its line and column', () => {
    const source = books();
    const changed = source.invoices.replace(',99.99,,,99.99,', ',99.98,,,99.99,');
    const result = importInvoices(emptyBooks(), table(changed), table(source.payments), { today, newId: nextId });
    expect(result.problems).toEqual([{ file: 'invoices', problem: { line: 2, column: 'line_net', reason: 'is 99.98, but SmallPay computes 99.99' } }]);
  });
});
