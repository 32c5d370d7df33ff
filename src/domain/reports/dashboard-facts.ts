/**
 * The dashboard's first stage (issue 13): the few grouped sums it is made of, small whatever the size of the
 * books. `dashboardFacts` computes them from invoices; a database computes the very same facts with GROUP BY
 * over columns derived from each invoice by the functions below (the SQL store's report-queries.ts), so the
 * dashboard of a million invoices never parses a million documents. `dashboardFromFacts` (dashboard.ts) turns
 * either into the dashboard. Every list is in one canonical order (`sortFacts`), so two sources of facts can
 * be compared as they are.
 *
 * Which invoices count is the dashboard's rule (see dashboard.ts): drafts and void invoices never; credit
 * notes only by their issue (against invoiced); payments, refunds and write-offs of the other invoices by
 * their own dates; balances of open and partly paid invoices as of today.
 */
import { daysBetween } from '../dates.js';
import { balanceOf, isCreditNote, isOverdue } from '../status.js';
import type { Invoice } from '../types.js';
import { counts, getOrCreate, paidInFullOn } from './common.js';

export interface FactSum {
  /** Minor units. */
  amount: number;
  count: number;
}

export type MoneyEventKind = 'payment' | 'refund' | 'write-off';

/** A dated flow of money on an invoice: what a database keeps one row each of (invoice_events). */
export interface MoneyEvent {
  kind: MoneyEventKind;
  date: string;
  amount: number;
}

export interface DashboardFacts {
  /** Every currency of a counted invoice: each has a dashboard, even with nothing in the period. */
  currencies: string[];
  /** Counted invoices and credit notes issued in the period, per currency, month ("2026-11") and kind. */
  issued: ({ currency: string; month: string; creditNote: boolean } & FactSum)[];
  /** Payments, refunds and write-offs of counted invoices (not credit notes) dated in the period. */
  flows: ({ currency: string; month: string; kind: MoneyEventKind } & FactSum)[];
  /** Balances of open and partly paid invoices, overdue (due before today) or not. */
  open: ({ currency: string; overdue: boolean } & FactSum)[];
  /** Per currency, the overdue invoice due first; of several due that day, the first in the books' order. */
  oldest: { currency: string; number: string; dueDate: string }[];
  /** Invoices paid in full in the period (by their last payment): days from issue to payment, summed. */
  paid: { currency: string; days: number; count: number }[];
}

/** The payments, refunds and write-off of an invoice, in that order. */
export function moneyEvents(invoice: Invoice): MoneyEvent[] {
  const events: MoneyEvent[] = invoice.payments.map((payment) => ({ kind: 'payment', date: payment.date, amount: payment.amount }));
  for (const refund of invoice.refunds ?? []) events.push({ kind: 'refund', date: refund.date, amount: refund.amount });
  if (invoice.writeOff) events.push({ kind: 'write-off', date: invoice.writeOff.date, amount: invoice.writeOff.amount });
  return events;
}

/** What a database keeps beside an invoice for the dashboard: its balance, and when and how fast it was paid in full. */
export function settlementOf(invoice: Invoice): { balance: number; paidOn: string | null; daysToPay: number | null } {
  const paidOn = paidInFullOn(invoice) ?? null;
  return { balance: balanceOf(invoice), paidOn, daysToPay: paidOn === null ? null : daysBetween(invoice.issueDate, paidOn) };
}

export function dashboardFacts(invoices: readonly Invoice[], period: { from: string; to: string }, today: string): DashboardFacts {
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const currencies = new Set<string>();
  const issued = new Map<string, DashboardFacts['issued'][number]>();
  const flows = new Map<string, DashboardFacts['flows'][number]>();
  const open = new Map<string, DashboardFacts['open'][number]>();
  const oldest = new Map<string, DashboardFacts['oldest'][number]>();
  const paid = new Map<string, DashboardFacts['paid'][number]>();

  for (const invoice of invoices) {
    if (!counts(invoice)) continue;
    const currency = invoice.currency;
    currencies.add(currency);
    if (inPeriod(invoice.issueDate)) {
      const creditNote = isCreditNote(invoice);
      const month = invoice.issueDate.slice(0, 7);
      const sum = getOrCreate(issued, `${currency} ${month} ${creditNote}`, () => ({ currency, month, creditNote, amount: 0, count: 0 }));
      sum.amount += invoice.total;
      sum.count += 1;
    }
    if (isCreditNote(invoice)) continue;
    for (const event of moneyEvents(invoice)) {
      if (!inPeriod(event.date)) continue;
      const month = event.date.slice(0, 7);
      const sum = getOrCreate(flows, `${currency} ${month} ${event.kind}`, () => ({ currency, month, kind: event.kind, amount: 0, count: 0 }));
      sum.amount += event.amount;
      sum.count += 1;
    }
    if (invoice.status === 'paid') {
      const { paidOn, daysToPay } = settlementOf(invoice);
      if (paidOn !== null && inPeriod(paidOn)) {
        const sum = getOrCreate(paid, currency, () => ({ currency, days: 0, count: 0 }));
        sum.days += daysToPay!;
        sum.count += 1;
      }
      continue;
    }
    if (invoice.status !== 'open' && invoice.status !== 'partial') continue;
    const overdue = isOverdue(invoice, today);
    const sum = getOrCreate(open, `${currency} ${overdue}`, () => ({ currency, overdue, amount: 0, count: 0 }));
    sum.amount += balanceOf(invoice);
    sum.count += 1;
    const first = oldest.get(currency);
    if (overdue && (first === undefined || invoice.dueDate < first.dueDate)) oldest.set(currency, { currency, number: invoice.number ?? invoice.id, dueDate: invoice.dueDate });
  }
  return sortFacts({ currencies: [...currencies], issued: [...issued.values()], flows: [...flows.values()], open: [...open.values()], oldest: [...oldest.values()], paid: [...paid.values()] });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const KIND_ORDER: Record<MoneyEventKind, number> = { payment: 0, refund: 1, 'write-off': 2 };

/** The canonical order of every list: by currency (code points, whatever a database's collation), month, kind. */
export function sortFacts(facts: DashboardFacts): DashboardFacts {
  return {
    currencies: [...facts.currencies].sort(compare),
    issued: [...facts.issued].sort((a, b) => compare(a.currency, b.currency) || compare(a.month, b.month) || Number(a.creditNote) - Number(b.creditNote)),
    flows: [...facts.flows].sort((a, b) => compare(a.currency, b.currency) || compare(a.month, b.month) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]),
    open: [...facts.open].sort((a, b) => compare(a.currency, b.currency) || Number(a.overdue) - Number(b.overdue)),
    oldest: [...facts.oldest].sort((a, b) => compare(a.currency, b.currency)),
    paid: [...facts.paid].sort((a, b) => compare(a.currency, b.currency)),
  };
}
