/**
 * The dashboard of `smallpay report`, per currency, for a period (issue and payment dates within it) and a
 * day ("today", for what is pending and overdue):
 *   received — payments dated in the period, and how many;
 *   pending  — balances of open and partly paid invoices not yet due;
 *   overdue  — balances past their due date, how many, and the oldest;
 *   invoiced — totals of invoices issued in the period, and how many;
 *   averageDaysToPay — over invoices paid in full in the period, from issue to the last payment;
 *   months   — invoiced and received per calendar month of the period.
 */
import { FIRST_DATE, daysBetween, monthIndex, monthOfIndex, monthStart } from '../dates.js';
import { balanceOf, isOverdue } from '../status.js';
import type { Invoice } from '../types.js';
import { assertExactTotals, byCurrency, counts, getOrCreate, mean, paidInFullOn } from './common.js';

export interface Period {
  from: string;
  to: string;
}

/**
 * The last 12 calendar months up to today: 2026-11-25 → 2025-12-01 … 2026-11-25; never before the first
 * date SmallPay accepts (1900-05-10 → 1900-01-01 … 1900-05-10).
 */
export function defaultPeriod(today: string): Period {
  const from = monthIndex(today) - 11 < monthIndex(FIRST_DATE) ? FIRST_DATE : monthStart(today, -11);
  return { from, to: today };
}

export interface MonthFigures {
  month: string;
  invoiced: number;
  received: number;
}

export interface CurrencyDashboard {
  currency: string;
  received: { amount: number; count: number };
  pending: { amount: number; count: number };
  overdue: { amount: number; count: number; oldest: { number: string; dueDate: string; daysOverdue: number } | null };
  invoiced: { amount: number; count: number };
  averageDaysToPay: number | null;
  months: MonthFigures[];
}

/**
 * The months of a period, "2026-01" … "2026-11". Counted as month numbers, not by stepping date strings:
 * the month after 9999-12 cannot be written as a date, and a loop that tried once never ended (issue 9).
 */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let month = monthIndex(period.from), last = monthIndex(period.to); month <= last; month += 1) months.push(monthOfIndex(month));
  return months;
}

type Accumulator = CurrencyDashboard & { daysTotal: number; daysCount: number };

export function dashboard(invoices: readonly Invoice[], period: Period, today: string): CurrencyDashboard[] {
  const months = monthsOf(period);
  const firstMonth = monthIndex(period.from);
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const perCurrency = new Map<string, Accumulator>();
  let last: Accumulator | undefined;
  const entryFor = (currency: string): Accumulator => {
    if (last?.currency === currency) return last;
    last = getOrCreate(perCurrency, currency, () => ({
      currency,
      received: { amount: 0, count: 0 },
      pending: { amount: 0, count: 0 },
      overdue: { amount: 0, count: 0, oldest: null },
      invoiced: { amount: 0, count: 0 },
      averageDaysToPay: null,
      months: months.map((month) => ({ month, invoiced: 0, received: 0 })),
      daysTotal: 0,
      daysCount: 0,
    }));
    return last;
  };

  for (const invoice of invoices) {
    if (!counts(invoice)) continue;
    const entry = entryFor(invoice.currency);
    if (inPeriod(invoice.issueDate)) {
      entry.invoiced.amount += invoice.total;
      entry.invoiced.count += 1;
      const month = entry.months[monthIndex(invoice.issueDate) - firstMonth] as MonthFigures;
      month.invoiced += invoice.total;
    }
    for (const payment of invoice.payments) {
      if (!inPeriod(payment.date)) continue;
      entry.received.amount += payment.amount;
      entry.received.count += 1;
      const month = entry.months[monthIndex(payment.date) - firstMonth] as MonthFigures;
      month.received += payment.amount;
    }
    if (invoice.status === 'paid') {
      const paidOn = paidInFullOn(invoice);
      if (paidOn !== undefined && inPeriod(paidOn)) {
        entry.daysTotal += daysBetween(invoice.issueDate, paidOn);
        entry.daysCount += 1;
      }
      continue;
    }
    const balance = balanceOf(invoice);
    if (isOverdue(invoice, today)) {
      entry.overdue.amount += balance;
      entry.overdue.count += 1;
      const oldest = entry.overdue.oldest;
      if (!oldest || invoice.dueDate < oldest.dueDate) {
        entry.overdue.oldest = { number: invoice.number ?? invoice.id, dueDate: invoice.dueDate, daysOverdue: daysBetween(invoice.dueDate, today) };
      }
    } else {
      entry.pending.amount += balance;
      entry.pending.count += 1;
    }
  }
  for (const entry of perCurrency.values()) {
    assertExactTotals([entry.invoiced.amount, entry.received.amount, entry.overdue.amount, entry.pending.amount, ...entry.months.flatMap((m) => [m.invoiced, m.received])]);
  }
  return byCurrency(perCurrency).map(({ value }) => {
    const { daysTotal, daysCount, ...figures } = value;
    return { ...figures, averageDaysToPay: mean(daysTotal, daysCount) };
  });
}
