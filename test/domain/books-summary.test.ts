import { describe, expect, it } from 'vitest';
import { recordDifferences, summarizeBooks, summaryDifferences } from '../../src/domain/books-summary.js';
import { displayMoney } from '../../src/domain/money-format.js';
import type { Invoice, StoreDocument } from '../../src/domain/types.js';

const invoice = (id: string, fields: Partial<Invoice>): Invoice => ({ id, number: id, status: 'open', currency: 'EUR', total: 0, paid: 0, payments: [], ...fields }) as Invoice;

const books = (): StoreDocument => ({
  schemaVersion: 4,
  business: null,
  customers: [{ id: 'c1' } as StoreDocument['customers'][number]],
  invoices: [
    invoice('a', { total: 11_900, paid: 5_000, status: 'partial', payments: [{ amount: 5_000, date: '2026-01-01' }] }),
    invoice('b', { total: 2_380, type: 'credit-note', status: 'issued' }),
    invoice('c', { total: 10_000, credited: 2_380 }),
    invoice('d', { total: 700, status: 'void' }),
    invoice('e', { total: 900, status: 'draft', number: null }),
    invoice('f', { total: 5_000, currency: 'USD', paid: 5_000, status: 'paid', payments: [{ amount: 2_000, date: '2026-01-01' }, { amount: 3_000, date: '2026-01-02' }] }),
  ],
  sequences: { 'INV-2026': 4 },
  audit: [],
  outbox: [],
  recurring: [],
});

describe('summarizeBooks', () => {
  it('counts records by kind and sums issued, not void invoices per currency', () => {
    expect(summarizeBooks(books())).toEqual({
      counts: { customers: 1, invoices: 5, creditNotes: 1, payments: 3, schedules: 0, outboxJobs: 0, auditEntries: 0 },
      totals: {
        EUR: { invoiced: 21_900, paid: 5_000, balance: 6_900 + 7_620 },
        USD: { invoiced: 5_000, paid: 5_000, balance: 0 },
      },
    });
  });
});

describe('summaryDifferences and recordDifferences', () => {
  it('find nothing between equal books, and name each difference', () => {
    const source = books();
    expect(summaryDifferences(summarizeBooks(source), summarizeBooks(books()), displayMoney)).toEqual([]);
    expect(recordDifferences(source, books())).toEqual([]);
    const copy = books();
    copy.invoices.pop();
    copy.invoices[0]!.paid = 4_000;
    copy.sequences['INV-2026'] = 3;
    expect(summaryDifferences(summarizeBooks(source), summarizeBooks(copy), displayMoney)).toEqual([
      'invoices: 5 in the source, 4 in the copy',
      'payments: 3 in the source, 1 in the copy',
      'EUR paid: 50.00 EUR in the source, 40.00 EUR in the copy',
      'EUR balance: 145.20 EUR in the source, 155.20 EUR in the copy',
      'USD invoiced: 50.00 USD in the source, 0.00 USD in the copy',
      'USD paid: 50.00 USD in the source, 0.00 USD in the copy',
    ]);
    expect(recordDifferences(source, copy)).toEqual(['sequences differ', 'invoice a differs in the copy', 'invoice f is missing from the copy']);
  });

  it('does not care about the order of keys', () => {
    const copy = books();
    copy.invoices[0] = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(copy.invoices[0]!).reverse())));
    expect(recordDifferences(books(), copy)).toEqual([]);
  });
});
