/** The reports with credit notes, refunds and write-offs: figures worked out by hand in dataset.ts. */
import { describe, expect, it } from 'vitest';
import { aging } from '../../../src/domain/reports/aging.js';
import { customerReport } from '../../../src/domain/reports/customers.js';
import { dashboard, defaultPeriod } from '../../../src/domain/reports/dashboard.js';
import { forecast } from '../../../src/domain/reports/forecast.js';
import { statement } from '../../../src/domain/reports/statement.js';
import { balancesByCurrency } from '../../../src/domain/balances.js';
import { TODAY, reportDataset, reportDatasetWithCorrections } from './dataset.js';

const base = reportDataset().doc.invoices;
const { doc, byName } = reportDatasetWithCorrections();
const invoices = doc.invoices;
const epsilon = invoices.filter((invoice) => invoice.customer.id === 'epsilon');

describe('the corrections dataset', () => {
  it('numbers the credit notes in their own series and gives each invoice its status', () => {
    expect([byName.CN1, byName.CN2, byName.CN3].map((note) => [note?.number, note?.status, note?.total])).toEqual([
      ['CN-2026-0001', 'issued', 100000],
      ['CN-2026-0002', 'issued', 20000],
      ['CN-2026-0003', 'issued', 5000],
    ]);
    expect(['E1', 'E2', 'E3', 'E4'].map((name) => byName[name]?.status)).toEqual(['credited', 'open', 'written-off', 'paid']);
  });
});

describe('the dashboard with corrections', () => {
  const period = defaultPeriod(TODAY);
  const [before] = dashboard(base, period, TODAY);
  const [after] = dashboard(invoices, period, TODAY);

  it('counts invoiced net of credit notes and received net of refunds, never a write-off as received', () => {
    expect(after!.invoiced.amount - before!.invoiced.amount).toBe(90000);
    expect(after!.invoiced.count - before!.invoiced.count).toBe(4);
    expect(after!.received.amount - before!.received.amount).toBe(35000);
    expect(after!.received.count - before!.received.count).toBe(3);
    expect(after!.credited).toEqual({ amount: 125000, count: 3 });
    expect(after!.refunded).toEqual({ amount: 100000, count: 1 });
    expect(after!.writtenOff).toEqual({ amount: 30000, count: 1 });
  });

  it('keeps written-off and credited balances out of pending and overdue', () => {
    expect(after!.overdue.amount - before!.overdue.amount).toBe(30000); // E2 only
    expect(after!.overdue.count - before!.overdue.count).toBe(1);
    expect(after!.pending).toEqual(before!.pending); // E4 is paid (refund due), not pending
  });

  it('puts a credit note in the month of its own date, and a refund in the month it was paid back', () => {
    const month = (list: typeof after, name: string) => list!.months.find((m) => m.month === name)!;
    expect(month(after, '2026-09').invoiced - month(before, '2026-09').invoiced).toBe(-100000);
    expect(month(after, '2026-09').received - month(before, '2026-09').received).toBe(-100000);
    expect(month(after, '2026-08')).toMatchObject({ invoiced: month(before, '2026-08').invoiced + 100000, received: month(before, '2026-08').received + 100000 });
  });

  it('invoiced 0 and received 0 for an invoice paid, fully credited and refunded', () => {
    const e1 = [byName.E1!, byName.CN1!];
    const [eur] = dashboard(e1, period, TODAY);
    expect([eur!.invoiced.amount, eur!.received.amount, eur!.pending.amount, eur!.overdue.amount]).toEqual([0, 0, 0, 0]);
  });
});

describe('aging, balances, customers and forecast with corrections', () => {
  it('ages only what is still owed: the credited and written-off balances drop out', () => {
    const [eur] = aging(epsilon, TODAY);
    expect(eur!.customers).toEqual([{ customerId: 'epsilon', name: 'Epsilon', buckets: { current: 0, '1-30': 30000, '31-60': 0, '61-90': 0, '91-120': 0, 'over-120': 0 }, total: 30000 }]);
  });

  it('sums outstanding balances without credit notes, written-off or refund-due invoices', () => {
    expect(balancesByCurrency(epsilon, TODAY)).toEqual([{ currency: 'EUR', outstanding: 30000, overdue: 30000 }]);
  });

  it('shows each customer net of credit notes and refunds, and what was written off', () => {
    const row = customerReport(invoices, TODAY, { sort: 'outstanding' }).find((r) => r.customerId === 'epsilon');
    expect(row).toEqual({
      customerId: 'epsilon', name: 'Epsilon', currency: 'EUR', invoiced: 90000, received: 35000, writtenOff: 30000, outstanding: 30000, overdue: 30000,
      invoices: 4, averageDaysToPay: 3, lateShare: 0, lastPayment: '2026-11-05',
    });
  });

  it('forecasts the open balance only: the written-off invoice is not at risk', () => {
    const [eur] = forecast(epsilon, TODAY, 4).currencies;
    // E4 was paid 27 days early, so E2 (due 10-31) is expected at once.
    expect(eur!.weeks[0]).toMatchObject({ expected: 30000, invoices: 1 });
    expect(eur!.weeks.slice(1).every((week) => week.expected === 0)).toBe(true);
    expect(eur!.atRisk).toEqual({ amount: 0, invoices: [] });
  });
});

describe('the statement with corrections', () => {
  it('lists credit notes, refunds and the write-off as lines, the running balance ending in what is owed', () => {
    const [eur] = statement(invoices, 'epsilon', {});
    expect(eur!.lines.map((l) => [l.date, l.type, l.number, l.charge, l.credit, l.balance])).toEqual([
      ['2026-06-01', 'invoice', 'INV-2026-0012', 40000, 0, 40000],
      ['2026-06-15', 'payment', 'INV-2026-0012', 0, 10000, 30000],
      ['2026-08-01', 'invoice', 'INV-2026-0013', 100000, 0, 130000],
      ['2026-08-20', 'payment', 'INV-2026-0013', 0, 100000, 30000],
      ['2026-09-10', 'credit-note', 'CN-2026-0001', 0, 100000, -70000],
      ['2026-09-15', 'refund', 'INV-2026-0013', 100000, 0, 30000],
      ['2026-10-01', 'invoice', 'INV-2026-0014', 50000, 0, 80000],
      ['2026-10-10', 'credit-note', 'CN-2026-0002', 0, 20000, 60000],
      ['2026-11-01', 'write-off', 'INV-2026-0012', 0, 30000, 30000],
      ['2026-11-02', 'invoice', 'INV-2026-0015', 25000, 0, 55000],
      ['2026-11-05', 'payment', 'INV-2026-0015', 0, 25000, 30000],
      ['2026-11-10', 'credit-note', 'CN-2026-0003', 0, 5000, 25000],
    ]);
    expect(eur!.closing).toBe(25000); // E2 owes 300, E4 is owed 50 back
  });

  it('brings credit notes and refunds before the period forward', () => {
    const [eur] = statement(invoices, 'epsilon', { from: '2026-10-01' });
    expect(eur!.opening).toBe(30000);
    expect(eur!.closing).toBe(25000);
  });
});
