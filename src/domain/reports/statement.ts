/**
 * A statement of account for one customer, per currency: the balance brought forward from before the
 * period, every document and money movement in it by date, with the running balance, and the balance due
 * at the end:
 *   invoice     — a charge of its total;
 *   credit-note — a credit of its total (the credit note's own number);
 *   payment     — a credit;
 *   refund      — a charge: money paid back raises what the customer owes (or lowers what they are owed);
 *   write-off   — a credit: the debt is closed, though nothing was received.
 * On the same day, documents come before money: invoice, credit note, payment, refund, write-off.
 */
import { isCreditNote } from '../status.js';
import type { Invoice } from '../types.js';
import { addMoney, byCurrency, counts, getOrCreate } from './common.js';
import type { Period } from './dashboard.js';

export type StatementLineType = 'invoice' | 'credit-note' | 'payment' | 'refund' | 'write-off';
const LINE_ORDER: readonly StatementLineType[] = ['invoice', 'credit-note', 'payment', 'refund', 'write-off'];

export interface StatementLine {
  date: string;
  type: StatementLineType;
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

type Event = Omit<StatementLine, 'balance'>;

function eventsOf(invoice: Invoice): Event[] {
  const number = invoice.number ?? invoice.id;
  if (isCreditNote(invoice)) return [{ date: invoice.issueDate, type: 'credit-note', number, charge: 0, credit: invoice.total }];
  return [
    { date: invoice.issueDate, type: 'invoice', number, charge: invoice.total, credit: 0 },
    ...invoice.payments.map((payment): Event => ({ date: payment.date, type: 'payment', number, charge: 0, credit: payment.amount })),
    ...(invoice.refunds ?? []).map((refund): Event => ({ date: refund.date, type: 'refund', number, charge: refund.amount, credit: 0 })),
    ...(invoice.writeOff ? [{ date: invoice.writeOff.date, type: 'write-off', number, charge: 0, credit: invoice.writeOff.amount } as Event] : []),
  ];
}

export function statement(invoices: readonly Invoice[], customerId: string, period: Partial<Period>): CurrencyStatement[] {
  const before = (date: string) => period.from !== undefined && date < period.from;
  const within = (date: string) => !before(date) && (period.to === undefined || date <= period.to);
  const perCurrency = new Map<string, { opening: number; events: Event[] }>();
  for (const invoice of invoices) {
    if (invoice.customer.id !== customerId || !counts(invoice)) continue;
    const entry = getOrCreate(perCurrency, invoice.currency, () => ({ opening: 0, events: [] as Event[] }));
    for (const event of eventsOf(invoice)) {
      if (before(event.date)) entry.opening = addMoney(entry.opening, event.charge - event.credit);
      else if (within(event.date)) entry.events.push(event);
    }
  }
  return byCurrency(perCurrency).map(({ currency, value }) => {
    const events = value.events.sort((a, b) =>
      a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.type !== b.type ? LINE_ORDER.indexOf(a.type) - LINE_ORDER.indexOf(b.type) : a.number.localeCompare(b.number),
    );
    let balance = value.opening;
    const lines = events.map((event) => {
      balance = addMoney(balance, event.charge - event.credit);
      return { ...event, balance };
    });
    return { currency, opening: value.opening, lines, closing: balance };
  });
}
