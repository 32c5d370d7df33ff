import { describe, expect, it } from 'vitest';
import { AT_RISK_DAYS, forecast } from '../../../src/domain/reports/forecast.js';
import { aging, bucketOf } from '../../../src/domain/reports/aging.js';
import { customerReport } from '../../../src/domain/reports/customers.js';
import { dashboard, defaultPeriod } from '../../../src/domain/reports/dashboard.js';
import { statement } from '../../../src/domain/reports/statement.js';
import { TODAY, reportDataset } from './dataset.js';

const { doc } = reportDataset();
const invoices = doc.invoices;

describe('the dashboard', () => {
  const period = defaultPeriod(TODAY);
  const [eur, usd] = dashboard(invoices, period, TODAY);

  it('covers the last 12 calendar months by default', () => {
    expect(period).toEqual({ from: '2025-12-01', to: '2026-11-25' });
    expect(eur!.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('sums each currency apart, never drafts or void invoices', () => {
    expect(eur).toMatchObject({
      currency: 'EUR',
      received: { amount: 220000, count: 5 },
      pending: { amount: 25000, count: 2 },
      overdue: { amount: 85000, count: 3, oldest: { number: 'INV-2026-0006', dueDate: '2026-10-25', daysOverdue: 31 } },
      invoiced: { amount: 330000, count: 8 },
      averageDaysToPay: 38.7,
    });
    expect(usd).toMatchObject({
      currency: 'USD',
      received: { amount: 20000, count: 1 },
      pending: { amount: 0, count: 0 },
      overdue: { amount: 80000, count: 1, oldest: { dueDate: '2026-05-31', daysOverdue: 178 } },
      invoiced: { amount: 100000, count: 2 },
      averageDaysToPay: 9,
    });
  });

  it('gives invoiced and received per month', () => {
    const nonZero = eur!.months.filter((m) => m.invoiced || m.received).map((m) => [m.month, m.invoiced, m.received]);
    expect(nonZero).toEqual([
      ['2026-01', 100000, 0],
      ['2026-02', 0, 100000],
      ['2026-03', 60000, 0],
      ['2026-04', 0, 60000],
      ['2026-06', 50000, 20000],
      ['2026-07', 0, 30000],
      ['2026-09', 65000, 0],
      ['2026-10', 30000, 10000],
      ['2026-11', 25000, 0],
    ]);
  });

  it('takes a period', () => {
    const [march] = dashboard(invoices, { from: '2026-03-01', to: '2026-04-30' }, TODAY);
    expect(march).toMatchObject({ received: { amount: 60000, count: 1 }, invoiced: { amount: 60000, count: 1 }, averageDaysToPay: 50 });
  });
});

describe('aging', () => {
  it('puts balances in buckets at their exact boundaries', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 120, 121, -5].map(bucketOf)).toEqual(['current', '1-30', '1-30', '31-60', '31-60', '61-90', '61-90', '91-120', '91-120', 'over-120', 'current']);
  });

  it('totals per bucket and per customer, in each currency', () => {
    const [eur, usd] = aging(invoices, TODAY);
    expect(eur).toEqual({
      currency: 'EUR',
      totals: { current: 25000, '1-30': 60000, '31-60': 25000, '61-90': 0, '91-120': 0, 'over-120': 0 },
      total: 110000,
      customers: [
        { customerId: 'beta', name: 'Beta', buckets: { current: 15000, '1-30': 30000, '31-60': 25000, '61-90': 0, '91-120': 0, 'over-120': 0 }, total: 70000 },
        { customerId: 'alpha', name: 'Alpha', buckets: { current: 0, '1-30': 30000, '31-60': 0, '61-90': 0, '91-120': 0, 'over-120': 0 }, total: 30000 },
        { customerId: 'delta', name: 'Delta', buckets: { current: 10000, '1-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, 'over-120': 0 }, total: 10000 },
      ],
    });
    expect(usd).toMatchObject({ currency: 'USD', totals: { 'over-120': 80000 }, total: 80000 });
  });

  it('narrows to one customer', () => {
    expect(aging(invoices, TODAY, 'alpha').map((c) => [c.currency, c.total])).toEqual([['EUR', 30000]]);
  });
});

describe('customers', () => {
  it('shows how each customer pays, sorted by what they owe within each currency', () => {
    expect(customerReport(invoices, TODAY, { sort: 'outstanding' })).toEqual([
      { customerId: 'beta', name: 'Beta', currency: 'EUR', invoiced: 140000, received: 70000, writtenOff: 0, outstanding: 70000, overdue: 55000, invoices: 4, averageDaysToPay: 50, lateShare: 1, lastPayment: '2026-10-01' },
      { customerId: 'alpha', name: 'Alpha', currency: 'EUR', invoiced: 185000, received: 155000, writtenOff: 0, outstanding: 30000, overdue: 30000, invoices: 4, averageDaysToPay: 32, lateShare: 0.3333, lastPayment: '2026-07-11' },
      { customerId: 'delta', name: 'Delta', currency: 'EUR', invoiced: 10000, received: 0, writtenOff: 0, outstanding: 10000, overdue: 0, invoices: 1, averageDaysToPay: null, lateShare: null, lastPayment: null },
      { customerId: 'gamma', name: 'Gamma', currency: 'USD', invoiced: 100000, received: 20000, writtenOff: 0, outstanding: 80000, overdue: 80000, invoices: 2, averageDaysToPay: 9, lateShare: 0, lastPayment: '2026-11-10' },
    ]);
  });

  it('sorts by revenue or lateness, and keeps the top N per currency', () => {
    expect(customerReport(invoices, TODAY, { sort: 'revenue' }).map((r) => r.customerId)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(customerReport(invoices, TODAY, { sort: 'late' }).map((r) => r.customerId)).toEqual(['beta', 'alpha', 'delta', 'gamma']);
    expect(customerReport(invoices, TODAY, { sort: 'outstanding', top: 1 }).map((r) => r.customerId)).toEqual(['beta', 'gamma']);
  });
});

describe('the forecast', () => {
  it('expects each balance on its due date moved by its customer habit, the average for newcomers', () => {
    const result = forecast(invoices, TODAY, 12);
    expect(result.averageDelay).toBe(1);
    const [eur, usd] = result.currencies;
    const weeks = eur!.weeks.filter((w) => w.expected > 0).map((w) => [w.week, w.from, w.to, w.expected, w.invoices]);
    expect(weeks).toEqual([
      [1, '2026-11-25', '2026-12-01', 85000, 3], // A3 (alpha, 2 days late), B1 and B2 (beta, 20 days late: already past)
      [5, '2026-12-23', '2026-12-29', 10000, 1], // D1: delta has no history, so the average of 1 day: 12-25
      [7, '2027-01-06', '2027-01-12', 15000, 1], // B3: due 12-20, beta pays 20 days late: 2027-01-09
    ]);
    expect(eur!.later).toBe(0);
    expect(eur!.atRisk).toEqual({ amount: 0, invoices: [] });
    expect(usd!.atRisk).toEqual({ amount: 80000, invoices: [{ number: 'INV-2026-0003', customerId: 'gamma', customer: 'Gamma', balance: 80000, dueDate: '2026-05-31', daysOverdue: 178 }] });
    expect(usd!.weeks.every((w) => w.expected === 0)).toBe(true);
    expect(AT_RISK_DAYS).toBe(90);
  });

  it('puts what falls after the last week in "later"', () => {
    const [eur] = forecast(invoices, TODAY, 4).currencies;
    expect(eur!.later).toBe(25000);
  });
});

describe('the statement', () => {
  it('lists invoices and payments with a running balance ending in the balance due', () => {
    const [eur] = statement(invoices, 'beta', {});
    expect(eur!.opening).toBe(0);
    expect(eur!.lines.map((l) => [l.date, l.type, l.charge, l.credit, l.balance])).toEqual([
      ['2026-03-01', 'invoice', 60000, 0, 60000],
      ['2026-04-20', 'payment', 0, 60000, 0],
      ['2026-09-01', 'invoice', 40000, 0, 40000],
      ['2026-09-15', 'invoice', 25000, 0, 65000],
      ['2026-10-01', 'payment', 0, 10000, 55000],
      ['2026-11-20', 'invoice', 15000, 0, 70000],
    ]);
    expect(eur!.closing).toBe(70000);
  });

  it('brings forward the balance from before the period', () => {
    const [eur] = statement(invoices, 'beta', { from: '2026-09-10' });
    expect(eur!.opening).toBe(40000);
    expect(eur!.lines.map((l) => l.balance)).toEqual([65000, 55000, 70000]);
  });
});
