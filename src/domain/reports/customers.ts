/**
 * How each customer pays, per currency (a customer invoiced in two currencies has a row for each):
 * invoiced and received in the period, what they owe now and how much of it is overdue, how many invoices,
 * the average days from issue to full payment, the share of their paid invoices paid after the due date,
 * and their last payment. Invoiced is net of credit notes (dated on their own issue date), received net of
 * refunds; written off is what was closed as bad debt in the period, never counted as received; invoices
 * counts invoices, not credit notes.
 */
import { balanceOf, isCreditNote, isOverdue } from '../status.js';
import type { Invoice } from '../types.js';
import { addMoney, counts, getOrCreate, mean, paymentTiming } from './common.js';
import type { Period } from './dashboard.js';

export const CUSTOMER_SORTS = ['outstanding', 'revenue', 'late'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export interface CustomerRow {
  customerId: string;
  name: string;
  currency: string;
  invoiced: number;
  received: number;
  writtenOff: number;
  outstanding: number;
  overdue: number;
  invoices: number;
  averageDaysToPay: number | null;
  /** Of the invoices paid in full, the share paid after their due date, 0 to 1 (four decimals); null if none. */
  lateShare: number | null;
  lastPayment: string | null;
}

export function customerReport(invoices: readonly Invoice[], today: string, options: { period?: Period; sort: CustomerSort; top?: number }): CustomerRow[] {
  const { period } = options;
  const inPeriod = (date: string) => !period || (date >= period.from && date <= period.to);
  const rows = new Map<string, CustomerRow & { days: number; paidCount: number; lateCount: number }>();
  for (const invoice of invoices) {
    if (!counts(invoice)) continue;
    const row = getOrCreate(rows, `${invoice.customer.id}\u0000${invoice.currency}`, () => ({
      customerId: invoice.customer.id,
      name: invoice.customer.name,
      currency: invoice.currency,
      invoiced: 0,
      received: 0,
      writtenOff: 0,
      outstanding: 0,
      overdue: 0,
      invoices: 0,
      averageDaysToPay: null,
      lateShare: null,
      lastPayment: null,
      days: 0,
      paidCount: 0,
      lateCount: 0,
    }));
    if (isCreditNote(invoice)) {
      if (inPeriod(invoice.issueDate)) row.invoiced = addMoney(row.invoiced, -invoice.total);
      continue;
    }
    for (const refund of invoice.refunds ?? []) if (inPeriod(refund.date)) row.received = addMoney(row.received, -refund.amount);
    if (invoice.writeOff && inPeriod(invoice.writeOff.date)) row.writtenOff = addMoney(row.writtenOff, invoice.writeOff.amount);
    if (inPeriod(invoice.issueDate)) {
      row.invoiced = addMoney(row.invoiced, invoice.total);
      row.invoices += 1;
    }
    for (const payment of invoice.payments) {
      if (inPeriod(payment.date)) row.received = addMoney(row.received, payment.amount);
      if (row.lastPayment === null || payment.date > row.lastPayment) row.lastPayment = payment.date;
    }
    if (invoice.status === 'open' || invoice.status === 'partial') {
      row.outstanding = addMoney(row.outstanding, balanceOf(invoice));
      if (isOverdue(invoice, today)) row.overdue = addMoney(row.overdue, balanceOf(invoice));
    }
    const timing = paymentTiming(invoice);
    if (timing && inPeriod(invoice.issueDate)) {
      row.days += timing.daysToPay;
      row.paidCount += 1;
      if (timing.delay > 0) row.lateCount += 1;
    }
  }
  const keyOf: Record<CustomerSort, (row: CustomerRow) => number> = {
    outstanding: (row) => row.outstanding,
    revenue: (row) => row.received,
    late: (row) => row.lateShare ?? -1,
  };
  const result = [...rows.values()].map(({ days, paidCount, lateCount, ...row }) => ({
    ...row,
    averageDaysToPay: mean(days, paidCount),
    lateShare: paidCount === 0 ? null : Math.round((lateCount / paidCount) * 10000) / 10000,
  }));
  // Amounts in different currencies are never compared: rows sort within their currency.
  result.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : keyOf[options.sort](b) - keyOf[options.sort](a) || a.customerId.localeCompare(b.customerId)));
  if (options.top === undefined) return result;
  const taken = new Map<string, number>();
  return result.filter((row) => {
    const count = (taken.get(row.currency) ?? 0) + 1;
    taken.set(row.currency, count);
    return count <= (options.top as number);
  });
}
