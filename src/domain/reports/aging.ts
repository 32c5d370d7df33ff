/**
 * Open balances by how long they are past due, per customer and currency. A balance due today or later is
 * "current"; one day past due (due yesterday) is in 1–30; 30 days past due is in 1–30, 31 in 31–60, and
 * so on; more than 120 days is "over-120".
 */
import { epochDay } from '../dates.js';
import { balanceOf } from '../status.js';
import type { Invoice } from '../types.js';
import { assertExactTotals, byCurrency, getOrCreate } from './common.js';

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '91-120', 'over-120'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export type BucketAmounts = Record<AgingBucket, number>;

export function bucketOf(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  if (daysPastDue <= 120) return '91-120';
  return 'over-120';
}

const emptyBuckets = (): BucketAmounts => ({ current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, 'over-120': 0 });

export interface AgingRow {
  customerId: string;
  name: string;
  buckets: BucketAmounts;
  total: number;
}

export interface CurrencyAging {
  currency: string;
  totals: BucketAmounts;
  total: number;
  customers: AgingRow[];
}

export function aging(invoices: readonly Invoice[], today: string, customerId?: string): CurrencyAging[] {
  const todayNumber = epochDay(today);
  const perCurrency = new Map<string, { totals: BucketAmounts; total: number; rows: Map<string, AgingRow> }>();
  for (const invoice of invoices) {
    if (invoice.status !== 'open' && invoice.status !== 'partial') continue;
    if (customerId !== undefined && invoice.customer.id !== customerId) continue;
    const balance = balanceOf(invoice);
    const bucket = bucketOf(todayNumber - epochDay(invoice.dueDate));
    const entry = getOrCreate(perCurrency, invoice.currency, () => ({ totals: emptyBuckets(), total: 0, rows: new Map<string, AgingRow>() }));
    const row = getOrCreate(entry.rows, invoice.customer.id, () => ({ customerId: invoice.customer.id, name: invoice.customer.name, buckets: emptyBuckets(), total: 0 }));
    row.buckets[bucket] += balance;
    row.total += balance;
    entry.totals[bucket] += balance;
    entry.total += balance;
  }
  for (const entry of perCurrency.values()) {
    assertExactTotals([entry.total, ...Object.values(entry.totals), ...[...entry.rows.values()].map((row) => row.total)]);
  }
  return byCurrency(perCurrency).map(({ currency, value }) => ({
    currency,
    totals: value.totals,
    total: value.total,
    customers: [...value.rows.values()].sort((a, b) => b.total - a.total || a.customerId.localeCompare(b.customerId)),
  }));
}
