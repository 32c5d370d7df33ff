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
import { daysBetween, monthStart } from '../dates.js';
import { balanceOf, isOverdue } from '../status.js';
import type { Invoice } from '../types.js';
import { assertExactTotals, byCurrency, counts, getOrCreate, mean, paidInFullOn } from './common.js';

export interface Period {
  from: string;
  to: string;
}

/** The last 12 calendar months up to today: 2026-11-25 → 2025-12-01 … 2026-11-25. */
export function defaultPeriod(today: string): Period {
  return { from: monthStart(today, -11), to: today };
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

export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  const last = monthNumber(period.to);
  for (let month = monthStart(period.from); monthNumber(month) <= last; month = monthStart(month, 1)) months.push(month.slice(0, 7));
  return months;
}

/** Months since year 0 of an ISO date, read from its digits (this runs for every invoice and payment). */
function monthNumber(isoDate: string): number {
  const digit = (index: number) => isoDate.charCodeAt(index) - 48;
  return (digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)) * 12 + digit(5) * 10 + digit(6) - 1;
}

type Accumulator = CurrencyDashboard & { daysTotal: number; daysCount: number };

export function dashboard(invoices: readonly Invoice[], period: Period, today: string): CurrencyDashboard[] {
  const months = monthsOf(period);
  const firstMonth = monthNumber(period.from);
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
      const month = entry.months[monthNumber(invoice.issueDate) - firstMonth] as MonthFigures;
      month.invoiced += invoice.total;
    }
    for (const payment of invoice.payments) {
      if (!inPeriod(payment.date)) continue;
      entry.received.amount += payment.amount;
      entry.received.count += 1;
      const month = entry.months[monthNumber(payment.date) - firstMonth] as MonthFigures;
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
