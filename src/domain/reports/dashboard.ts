/**
 * The dashboard of `smallpay report`, per currency, for a period (issue and payment dates within it) and a
 * day ("today", for what is pending and overdue):
 *   received — payments dated in the period, and how many;
 *   pending  — balances of open and partly paid invoices not yet due;
 *   overdue  — balances past their due date, how many, and the oldest;
 *   invoiced — totals of invoices issued in the period, and how many;
 *   averageDaysToPay — over invoices paid in full in the period, from issue to the last payment;
 *   months   — invoiced and received per calendar month of the period.
 * Credit notes, refunds and write-offs (issue 10): invoiced is net of credit notes (a credit note counts
 * against the month of its own issue date), received is net of refunds (dated when paid back); the credit
 * notes, refunds and write-offs of the period are also given apart. A write-off is never received: it only
 * takes the balance out of pending and overdue. Counts are of invoices and payments, not of corrections.
 * Two stages (issue 13): the facts, grouped sums a database can give as they are (dashboard-facts.ts), then
 * the dashboard from them (`dashboardFromFacts`); `dashboard` is both.
 */
import { FIRST_DATE, daysBetween, monthIndex, monthOfIndex, monthStart } from '../dates.js';
import type { Invoice } from '../types.js';
import { addMoney, assertExactTotals, byCurrency, getOrCreate, mean } from './common.js';
import { type DashboardFacts, dashboardFacts } from './dashboard-facts.js';

export type { DashboardFacts } from './dashboard-facts.js';

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
  /** Issue 10: the corrections of the period, already taken out of invoiced and received. */
  credited: { amount: number; count: number };
  refunded: { amount: number; count: number };
  writtenOff: { amount: number; count: number };
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

/** The dashboard of some invoices: their facts (dashboard-facts.ts), then the dashboard of those. */
export function dashboard(invoices: readonly Invoice[], period: Period, today: string): CurrencyDashboard[] {
  return dashboardFromFacts(dashboardFacts(invoices, period, today), period, today);
}

/** The dashboard from its facts, whoever computed them: the domain from invoices, or a database's GROUP BY. */
export function dashboardFromFacts(facts: DashboardFacts, period: Period, today: string): CurrencyDashboard[] {
  const months = monthsOf(period);
  const firstMonth = monthIndex(period.from);
  const perCurrency = new Map<string, CurrencyDashboard>();
  const entryFor = (currency: string): CurrencyDashboard =>
    getOrCreate(perCurrency, currency, () => ({
      currency,
      received: { amount: 0, count: 0 },
      pending: { amount: 0, count: 0 },
      overdue: { amount: 0, count: 0, oldest: null },
      invoiced: { amount: 0, count: 0 },
      credited: { amount: 0, count: 0 },
      refunded: { amount: 0, count: 0 },
      writtenOff: { amount: 0, count: 0 },
      averageDaysToPay: null,
      months: months.map((month) => ({ month, invoiced: 0, received: 0 })),
    }));
  const monthOf = (entry: CurrencyDashboard, month: string) => entry.months[monthIndex(`${month}-01`) - firstMonth] as MonthFigures;

  for (const currency of facts.currencies) entryFor(currency);
  for (const { currency, month, creditNote, amount, count } of facts.issued) {
    const entry = entryFor(currency);
    const figures = monthOf(entry, month);
    const signed = creditNote ? -amount : amount;
    entry.invoiced.amount = addMoney(entry.invoiced.amount, signed);
    figures.invoiced = addMoney(figures.invoiced, signed);
    if (creditNote) {
      entry.credited.amount = addMoney(entry.credited.amount, amount);
      entry.credited.count += count;
    } else entry.invoiced.count += count;
  }
  for (const { currency, month, kind, amount, count } of facts.flows) {
    const entry = entryFor(currency);
    if (kind === 'write-off') {
      entry.writtenOff.amount = addMoney(entry.writtenOff.amount, amount);
      entry.writtenOff.count += count;
      continue;
    }
    const figures = monthOf(entry, month);
    const signed = kind === 'refund' ? -amount : amount;
    entry.received.amount = addMoney(entry.received.amount, signed);
    figures.received = addMoney(figures.received, signed);
    if (kind === 'refund') {
      entry.refunded.amount = addMoney(entry.refunded.amount, amount);
      entry.refunded.count += count;
    } else entry.received.count += count;
  }
  for (const { currency, overdue, amount, count } of facts.open) {
    const sum = overdue ? entryFor(currency).overdue : entryFor(currency).pending;
    sum.amount = addMoney(sum.amount, amount);
    sum.count += count;
  }
  for (const { currency, number, dueDate } of facts.oldest) entryFor(currency).overdue.oldest = { number, dueDate, daysOverdue: daysBetween(dueDate, today) };
  for (const { currency, days, count } of facts.paid) entryFor(currency).averageDaysToPay = mean(days, count);
  for (const entry of perCurrency.values()) {
    assertExactTotals([entry.invoiced.amount, entry.received.amount, entry.overdue.amount, entry.pending.amount, entry.credited.amount, entry.refunded.amount, entry.writtenOff.amount, ...entry.months.flatMap((m) => [m.invoiced, m.received])]);
  }
  return byCurrency(perCurrency).map(({ value }) => value);
}
