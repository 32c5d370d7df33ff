/** The VAT report, the EC sales list and the tax periods, against the hand-worked figures of tax-dataset.ts. */
import { describe, expect, it } from 'vitest';
import { ecSalesList } from '../../../src/domain/reports/ec-sales.js';
import { lastCompleteQuarter, monthPeriod, quarterPeriod } from '../../../src/domain/reports/tax-period.js';
import { taxPointOf, vatReport } from '../../../src/domain/reports/vat.js';
import { TAX_TODAY, taxDataset } from './tax-dataset.js';

const { doc, byName } = taxDataset();
const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const Q4 = { from: '2026-10-01', to: '2026-12-31' };
type Row = { currency: string; category: string; rate: string; net: number; tax: number; foreign: boolean };
const rows = (period: { from: string; to: string }, basis: 'invoice' | 'payment') =>
  vatReport(doc, { ...period, basis, asOf: TAX_TODAY }).rows.map((r: Row) => [r.currency, r.category, r.rate, r.net, r.tax, r.foreign]);

describe('the dataset', () => {
  it('is what its header says', () => {
    expect(Object.fromEntries(Object.entries(byName).map(([name, i]) => [name, [i.number, i.status, i.total]]))).toEqual({
      I1: ['INV-2026-0001', 'paid', 129700],
      I2: ['INV-2026-0002', 'paid', 200000],
      I3: ['INV-2026-0003', 'paid', 150000],
      I4: ['INV-2026-0004', 'paid', 95200],
      I5: ['INV-2026-0005', 'partial', 119000],
      CN1: ['CN-2026-0001', 'issued', 11900],
      I6: ['INV-2026-0006', 'open', 50000],
      V: ['INV-2026-0007', 'void', 5950],
      CN2: ['CN-2026-0002', 'issued', 10000],
      Dr: [null, 'draft', 118881],
    });
    expect(byName.CN2?.taxes[0]?.category).toBe('AE');
  });
});

describe('vatReport, invoice basis', () => {
  it('Q3: by date of supply or issue date; goods (K) supplied in Q3 but invoiced in Q4 wait', () => {
    expect(rows(Q3, 'invoice')).toEqual([
      ['EUR', 'S', '19', 100000, 19000, false],
      ['EUR', 'S', '7', 10000, 700, false],
      ['EUR', 'AE', '0', 200000, 0, false],
    ]);
  });

  it('Q4: credit notes netted at their issue date, void and drafts left out, foreign currency apart', () => {
    const report = vatReport(doc, { ...Q4, basis: 'invoice', asOf: TAX_TODAY });
    expect(rows(Q4, 'invoice')).toEqual([
      ['EUR', 'S', '19', 70000, 13300, false],
      ['EUR', 'AE', '0', 40000, 0, false],
      ['EUR', 'K', '0', 150000, 0, false],
      ['USD', 'S', '19', 100000, 19000, true],
    ]);
    expect(report).toMatchObject({ asOf: TAX_TODAY, from: '2026-10-01', to: '2026-12-31', basis: 'invoice', currency: 'EUR' });
    expect(report.totals).toEqual([
      { currency: 'EUR', net: 260000, tax: 13300, foreign: false },
      { currency: 'USD', net: 100000, tax: 19000, foreign: true },
    ]);
  });

  it('the whole year is Q3 + Q4', () => {
    expect(rows({ from: '2026-01-01', to: '2026-12-31' }, 'invoice')).toEqual([
      ['EUR', 'S', '19', 170000, 32300, false],
      ['EUR', 'S', '7', 10000, 700, false],
      ['EUR', 'AE', '0', 240000, 0, false],
      ['EUR', 'K', '0', 150000, 0, false],
      ['USD', 'S', '19', 100000, 19000, true],
    ]);
  });

  it('dates a document by its tax point', () => {
    expect(taxPointOf(byName.I1!, 'S')).toBe('2026-08-20');
    expect(taxPointOf(byName.I2!, 'AE')).toBe('2026-09-30');
    expect(taxPointOf(byName.I3!, 'K')).toBe('2026-10-02');
    expect(taxPointOf(byName.I4!, 'S')).toBe('2026-10-14');
    // The credit note repeats the invoice's date of supply, but counts when it is issued.
    expect(byName.CN1?.serviceDate).toBe('2026-10-14');
    expect(taxPointOf(byName.CN1!, 'S')).toBe('2026-11-03');
  });
});

describe('vatReport, payment basis', () => {
  it('Q3: the share of a partial payment, largest remainders so the shares add up to the payment', () => {
    expect(rows(Q3, 'payment')).toEqual([
      ['EUR', 'S', '19', 38550, 7325, false],
      ['EUR', 'S', '7', 3855, 270, false],
    ]);
  });

  it('Q4: the rest of that invoice, a refund after a credit note negative, foreign currency apart', () => {
    expect(rows(Q4, 'payment')).toEqual([
      ['EUR', 'S', '19', 131450, 24975, false],
      ['EUR', 'S', '7', 6145, 430, false],
      ['EUR', 'AE', '0', 200000, 0, false],
      ['EUR', 'K', '0', 150000, 0, false],
      ['USD', 'S', '19', 33613, 6387, true],
    ]);
  });

  it('October alone, and November (only the refund in EUR)', () => {
    expect(rows(monthPeriod('2026-10', '--month'), 'payment')).toEqual([
      ['EUR', 'S', '19', 141450, 26875, false],
      ['EUR', 'S', '7', 6145, 430, false],
      ['EUR', 'AE', '0', 200000, 0, false],
      ['EUR', 'K', '0', 150000, 0, false],
    ]);
    expect(rows(monthPeriod('2026-11', '--month'), 'payment')).toEqual([['EUR', 'S', '19', -10000, -1900, false]]);
  });

  it('over all time both bases agree for invoices settled in full', () => {
    const all = { from: '1900-01-01', to: '9999-12-31' };
    const [invoice, payment] = [rows(all, 'invoice'), rows(all, 'payment')];
    // I1, I2, I3 and I4 are settled: both bases give their net of credit notes. I6 (400.00 AE left) is
    // unpaid and I5 has 400.00 of 1,190.00 USD paid, so those rows differ.
    expect(payment.slice(0, 2)).toEqual(invoice.slice(0, 2));
    expect(payment[3]).toEqual(invoice[3]);
    expect(invoice[2]).toEqual(['EUR', 'AE', '0', 240000, 0, false]);
    expect(payment[2]).toEqual(['EUR', 'AE', '0', 200000, 0, false]);
  });
});

describe('ecSalesList', () => {
  it('Q3: services by date of supply', () => {
    expect(ecSalesList(doc, { ...Q3, asOf: TAX_TODAY }).rows).toEqual([{ buyerVatId: 'FR40303265045', buyerName: 'Paris SARL', currency: 'EUR', services: 200000, goods: 0, foreign: false }]);
  });

  it('Q4: goods by issue date, credit notes netted, sorted by VAT id', () => {
    expect(ecSalesList(doc, { ...Q4, asOf: TAX_TODAY })).toEqual({
      asOf: TAX_TODAY,
      from: '2026-10-01',
      to: '2026-12-31',
      currency: 'EUR',
      rows: [
        { buyerVatId: 'ATU12345678', buyerName: 'Wien GmbH', currency: 'EUR', services: 0, goods: 150000, foreign: false },
        { buyerVatId: 'FR40303265045', buyerName: 'Paris SARL', currency: 'EUR', services: 40000, goods: 0, foreign: false },
      ],
    });
  });

  it('agrees with the VAT report per category', () => {
    for (const period of [Q3, Q4]) {
      const list = ecSalesList(doc, { ...period, asOf: TAX_TODAY }).rows;
      const vat = vatReport(doc, { ...period, basis: 'invoice', asOf: TAX_TODAY }).rows;
      const sum = (pick: (r: { services: number; goods: number }) => number) => list.reduce((total, r) => total + pick(r), 0);
      expect(sum((r) => r.services)).toBe(vat.find((r) => r.category === 'AE')?.net ?? 0);
      expect(sum((r) => r.goods)).toBe(vat.find((r) => r.category === 'K')?.net ?? 0);
    }
  });
});

describe('tax periods', () => {
  it('reads quarters and months', () => {
    expect(quarterPeriod('2026-Q4', '--quarter')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterPeriod('2026-q1', '--quarter')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(monthPeriod('2024-02', '--month')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    for (const bad of ['2026-Q5', '2026-Q0', '2026Q1', 'Q1-2026', '1899-Q4']) expect(() => quarterPeriod(bad, '--quarter')).toThrow(/--quarter: .* is not a quarter/);
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-11']) expect(() => monthPeriod(bad, '--month')).toThrow(/--month: .* is not a month/);
  });

  it('defaults to the last complete quarter', () => {
    expect(lastCompleteQuarter('2026-11-25')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastCompleteQuarter('2027-01-10')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(lastCompleteQuarter('2026-03-31')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(lastCompleteQuarter('2026-04-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});
