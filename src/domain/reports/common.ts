/**
 * What every report shares: which invoices count, sums that stay exact, and payment behaviour.
 * Drafts and void invoices never count: a draft is not owed, a void invoice is owed by no one.
 */
import { daysBetween } from '../dates.js';
import { invalid } from '../errors.js';
import { MAX_MINOR_UNITS } from '../money.js';
import type { Invoice } from '../types.js';

export function counts(invoice: Invoice): boolean {
  return invoice.status !== 'draft' && invoice.status !== 'void';
}

/** Adds minor units, refusing a total beyond exact integers rather than rounding it. */
export function addMoney(total: number, amount: number): number {
  const sum = total + amount;
  if (!Number.isSafeInteger(sum) || Math.abs(sum) > MAX_MINOR_UNITS * 1000) throw invalid('the amounts are too large to total exactly');
  return sum;
}

/**
 * For the hot loops of big reports: add with `+=`, then check the totals once. Amounts added there are never
 * negative, so a total that ends within the exact range never left it on the way.
 */
export function assertExactTotals(totals: Iterable<number>): void {
  for (const total of totals) {
    if (!Number.isSafeInteger(total) || Math.abs(total) > MAX_MINOR_UNITS * 1000) throw invalid('the amounts are too large to total exactly');
  }
}

/** The day an invoice was paid in full: its last payment's date, when it is paid. */
export function paidInFullOn(invoice: Invoice): string | undefined {
  if (invoice.status !== 'paid' || invoice.payments.length === 0) return undefined;
  let last = invoice.payments[0]?.date as string;
  for (const payment of invoice.payments) if (payment.date > last) last = payment.date;
  return last;
}

/** Days from issue to full payment, and days past the due date it was paid (negative: early). */
export function paymentTiming(invoice: Invoice): { daysToPay: number; delay: number } | undefined {
  const paidOn = paidInFullOn(invoice);
  if (paidOn === undefined) return undefined;
  return { daysToPay: daysBetween(invoice.issueDate, paidOn), delay: daysBetween(invoice.dueDate, paidOn) };
}

/** A mean to one decimal, or null for none: 12.25 → 12.3 (days are not money; plain numbers are fine). */
export function mean(total: number, count: number): number | null {
  return count === 0 ? null : Math.round((total / count) * 10) / 10;
}

/** Groups rows by currency, in alphabetical order of the currency codes. */
export function byCurrency<T>(entries: Map<string, T>): { currency: string; value: T }[] {
  return [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, value]) => ({ currency, value }));
}

export function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
