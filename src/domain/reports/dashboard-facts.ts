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
import { daysBetween, monthIndex, monthOfIndex } from '../dates.js';
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

/** One currency's sums while they are gathered: keyed by month number (monthIndex) and kind, not by strings. */
interface Gathered {
  issued: Map<number, FactSum>;
  flows: Map<number, FactSum>;
  open: [FactSum | undefined, FactSum | undefined];
  oldest?: { number: string; dueDate: string };
  paid?: { days: number; count: number };
}

const KINDS: readonly MoneyEventKind[] = ['payment', 'refund', 'write-off'];

function add(sums: Map<number, FactSum>, key: number, amount: number): void {
  const sum = sums.get(key);
  if (sum === undefined) sums.set(key, { amount, count: 1 });
  else {
    sum.amount += amount;
    sum.count += 1;
  }
}

/** The facts of some invoices. A hot loop for big JSON books: no strings built and no arrays made per invoice. */
export function dashboardFacts(invoices: readonly Invoice[], period: { from: string; to: string }, today: string): DashboardFacts {
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const perCurrency = new Map<string, Gathered>();
  let lastCurrency: string | undefined;
  let last: Gathered | undefined;

  for (const invoice of invoices) {
    if (!counts(invoice)) continue;
    if (invoice.currency !== lastCurrency) {
      lastCurrency = invoice.currency;
      last = getOrCreate(perCurrency, invoice.currency, () => ({ issued: new Map(), flows: new Map(), open: [undefined, undefined] }));
    }
    const gathered = last!;
    const creditNote = isCreditNote(invoice);
    if (inPeriod(invoice.issueDate)) add(gathered.issued, monthIndex(invoice.issueDate) * 2 + (creditNote ? 1 : 0), invoice.total);
    if (creditNote) continue;
    for (const payment of invoice.payments) if (inPeriod(payment.date)) add(gathered.flows, monthIndex(payment.date) * 3, payment.amount);
    for (const refund of invoice.refunds ?? []) if (inPeriod(refund.date)) add(gathered.flows, monthIndex(refund.date) * 3 + 1, refund.amount);
    if (invoice.writeOff && inPeriod(invoice.writeOff.date)) add(gathered.flows, monthIndex(invoice.writeOff.date) * 3 + 2, invoice.writeOff.amount);
    if (invoice.status === 'paid') {
      const { paidOn, daysToPay } = settlementOf(invoice);
      if (paidOn !== null && inPeriod(paidOn)) {
        gathered.paid ??= { days: 0, count: 0 };
        gathered.paid.days += daysToPay!;
        gathered.paid.count += 1;
      }
      continue;
    }
    if (invoice.status !== 'open' && invoice.status !== 'partial') continue;
    const overdue = isOverdue(invoice, today);
    const sum = (gathered.open[overdue ? 1 : 0] ??= { amount: 0, count: 0 });
    sum.amount += balanceOf(invoice);
    sum.count += 1;
    if (overdue && (gathered.oldest === undefined || invoice.dueDate < gathered.oldest.dueDate)) gathered.oldest = { number: invoice.number ?? invoice.id, dueDate: invoice.dueDate };
  }

  const facts: DashboardFacts = { currencies: [...perCurrency.keys()], issued: [], flows: [], open: [], oldest: [], paid: [] };
  for (const [currency, gathered] of perCurrency) {
    for (const [key, sum] of gathered.issued) facts.issued.push({ currency, month: monthOfIndex(Math.floor(key / 2)), creditNote: key % 2 === 1, ...sum });
    for (const [key, sum] of gathered.flows) facts.flows.push({ currency, month: monthOfIndex(Math.floor(key / 3)), kind: KINDS[key % 3]!, ...sum });
    gathered.open.forEach((sum, overdue) => sum && facts.open.push({ currency, overdue: overdue === 1, ...sum }));
    if (gathered.oldest) facts.oldest.push({ currency, ...gathered.oldest });
    if (gathered.paid) facts.paid.push({ currency, ...gathered.paid });
  }
  return sortFacts(facts);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The canonical order of every list: by currency (code points, whatever a database's collation), month, kind. */
export function sortFacts(facts: DashboardFacts): DashboardFacts {
  return {
    currencies: [...facts.currencies].sort(compare),
    issued: [...facts.issued].sort((a, b) => compare(a.currency, b.currency) || compare(a.month, b.month) || Number(a.creditNote) - Number(b.creditNote)),
    flows: [...facts.flows].sort((a, b) => compare(a.currency, b.currency) || compare(a.month, b.month) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind)),
    open: [...facts.open].sort((a, b) => compare(a.currency, b.currency) || Number(a.overdue) - Number(b.overdue)),
    oldest: [...facts.oldest].sort((a, b) => compare(a.currency, b.currency)),
    paid: [...facts.paid].sort((a, b) => compare(a.currency, b.currency)),
  };
}
