/**
 * A statement of account for one customer, per currency: the balance brought forward from before the
 * period, every invoice (a charge) and payment (a credit) in it by date, with the running balance, and the
 * balance due at the end. Invoices come before payments of the same day.
 */
import type { Invoice } from '../types.js';
import { addMoney, byCurrency, counts, getOrCreate } from './common.js';
import type { Period } from './dashboard.js';

export interface StatementLine {
  date: string;
  type: 'invoice' | 'payment';
  number: string;
  charge: number;
  credit: number;
  balance: number;
}

export interface CurrencyStatement {
  currency: string;
  opening: number;
  lines: StatementLine[];
  closing: number;
}

export function statement(invoices: readonly Invoice[], customerId: string, period: Partial<Period>): CurrencyStatement[] {
  const before = (date: string) => period.from !== undefined && date < period.from;
  const within = (date: string) => !before(date) && (period.to === undefined || date <= period.to);
  const perCurrency = new Map<string, { opening: number; events: Omit<StatementLine, 'balance'>[] }>();
  for (const invoice of invoices) {
    if (invoice.customer.id !== customerId || !counts(invoice)) continue;
    const entry = getOrCreate(perCurrency, invoice.currency, () => ({ opening: 0, events: [] as Omit<StatementLine, 'balance'>[] }));
    const number = invoice.number ?? invoice.id;
    if (before(invoice.issueDate)) entry.opening = addMoney(entry.opening, invoice.total);
    else if (within(invoice.issueDate)) entry.events.push({ date: invoice.issueDate, type: 'invoice', number, charge: invoice.total, credit: 0 });
    for (const payment of invoice.payments) {
      if (before(payment.date)) entry.opening = addMoney(entry.opening, -payment.amount);
      else if (within(payment.date)) entry.events.push({ date: payment.date, type: 'payment', number, charge: 0, credit: payment.amount });
    }
  }
  return byCurrency(perCurrency).map(({ currency, value }) => {
    const events = value.events.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.type !== b.type ? (a.type === 'invoice' ? -1 : 1) : a.number.localeCompare(b.number)));
    let balance = value.opening;
    const lines = events.map((event) => {
      balance = addMoney(balance, event.charge - event.credit);
      return { ...event, balance };
    });
    return { currency, opening: value.opening, lines, closing: balance };
  });
}
