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
import { addMoney, byCurrency, counts, getOrCreate, mean, paymentTiming, paidInFullOn } from './common.js';

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
  for (let month = monthStart(period.from); month <= period.to; month = monthStart(month, 1)) months.push(month.slice(0, 7));
  return months;
}

export function dashboard(invoices: readonly Invoice[], period: Period, today: string): CurrencyDashboard[] {
  const months = monthsOf(period);
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const perCurrency = new Map<string, CurrencyDashboard & { daysTotal: number; daysCount: number; monthIndex: Map<string, MonthFigures> }>();
  const entryFor = (currency: string) =>
    getOrCreate(perCurrency, currency, () => {
      const figures = months.map((month) => ({ month, invoiced: 0, received: 0 }));
      return {
        currency,
        received: { amount: 0, count: 0 },
        pending: { amount: 0, count: 0 },
        overdue: { amount: 0, count: 0, oldest: null },
        invoiced: { amount: 0, count: 0 },
        averageDaysToPay: null,
        months: figures,
        daysTotal: 0,
        daysCount: 0,
        monthIndex: new Map(figures.map((figure) => [figure.month, figure])),
      };
    });

  for (const invoice of invoices) {
    if (!counts(invoice)) continue;
    const entry = entryFor(invoice.currency);
    if (inPeriod(invoice.issueDate)) {
      entry.invoiced.amount = addMoney(entry.invoiced.amount, invoice.total);
      entry.invoiced.count += 1;
      const month = entry.monthIndex.get(invoice.issueDate.slice(0, 7));
      if (month) month.invoiced = addMoney(month.invoiced, invoice.total);
    }
    for (const payment of invoice.payments) {
      if (!inPeriod(payment.date)) continue;
      entry.received.amount = addMoney(entry.received.amount, payment.amount);
      entry.received.count += 1;
      const month = entry.monthIndex.get(payment.date.slice(0, 7));
      if (month) month.received = addMoney(month.received, payment.amount);
    }
    const paidOn = paidInFullOn(invoice);
    if (paidOn !== undefined && inPeriod(paidOn)) {
      entry.daysTotal += paymentTiming(invoice)?.daysToPay ?? 0;
      entry.daysCount += 1;
    }
    if (invoice.status !== 'open' && invoice.status !== 'partial') continue;
    const balance = balanceOf(invoice);
    if (isOverdue(invoice, today)) {
      entry.overdue.amount = addMoney(entry.overdue.amount, balance);
      entry.overdue.count += 1;
      const oldest = entry.overdue.oldest;
      if (!oldest || invoice.dueDate < oldest.dueDate) {
        entry.overdue.oldest = { number: invoice.number ?? invoice.id, dueDate: invoice.dueDate, daysOverdue: daysBetween(invoice.dueDate, today) };
      }
    } else {
      entry.pending.amount = addMoney(entry.pending.amount, balance);
      entry.pending.count += 1;
    }
  }
  return byCurrency(perCurrency).map(({ value }) => {
    const { daysTotal, daysCount, monthIndex: _index, ...figures } = value;
    return { ...figures, averageDaysToPay: mean(daysTotal, daysCount) };
  });
}
