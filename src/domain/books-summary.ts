/**
 * What `store copy` compares between a store and its copy: how many records of each kind, and the money
 * per currency. Two stores with the same summary, the same settings and the same sequences hold the same
 * books as far as a reader of reports can tell; `verify` on the copy checks the rest.
 *
 *   counts    customers; invoices and credit notes (drafts included, by type); payments (over every
 *             invoice); schedules; outbox jobs; audit entries.
 *   totals    per currency, over issued invoices that are not void (credit notes and drafts left out):
 *             invoiced = the sum of their totals, paid = the sum of what was paid on them (before refunds),
 *             balance = the sum of their balances (status.ts: what customers still owe, less what is owed back).
 *             Amounts are integer minor units, as in the model.
 */
import { balanceOf, isCreditNote } from './status.js';
import type { StoreDocument } from './types.js';

export const COUNTED = ['customers', 'invoices', 'creditNotes', 'payments', 'schedules', 'outboxJobs', 'auditEntries'] as const;
export type Counted = (typeof COUNTED)[number];

/** How messages name each count. */
export const COUNTED_LABEL: Record<Counted, string> = {
  customers: 'customers',
  invoices: 'invoices',
  creditNotes: 'credit notes',
  payments: 'payments',
  schedules: 'schedules',
  outboxJobs: 'outbox jobs',
  auditEntries: 'audit entries',
};

export interface CurrencyTotals {
  invoiced: number;
  paid: number;
  balance: number;
}

export interface BooksSummary {
  counts: Record<Counted, number>;
  /** By currency code, sorted. */
  totals: Record<string, CurrencyTotals>;
}

export function summarizeBooks(doc: StoreDocument): BooksSummary {
  const counts: Record<Counted, number> = {
    customers: doc.customers.length,
    invoices: 0,
    creditNotes: 0,
    payments: 0,
    schedules: doc.recurring.length,
    outboxJobs: doc.outbox.length,
    auditEntries: doc.audit.length,
  };
  const totals: Record<string, CurrencyTotals> = {};
  for (const invoice of doc.invoices) {
    if (isCreditNote(invoice)) counts.creditNotes += 1;
    else counts.invoices += 1;
    counts.payments += invoice.payments.length;
    if (isCreditNote(invoice) || invoice.status === 'draft' || invoice.status === 'void') continue;
    const sums = (totals[invoice.currency] ??= { invoiced: 0, paid: 0, balance: 0 });
    sums.invoiced += invoice.total;
    sums.paid += invoice.paid;
    sums.balance += balanceOf(invoice);
  }
  const sorted: Record<string, CurrencyTotals> = {};
  for (const currency of Object.keys(totals).sort()) sorted[currency] = totals[currency] as CurrencyTotals;
  return { counts, totals: sorted };
}

/** Where a copy differs from its source, one line each ("invoices: 120 in the source, 119 in the copy"). */
export function summaryDifferences(source: BooksSummary, copy: BooksSummary, describe: (minor: number, currency: string) => string): string[] {
  const problems: string[] = [];
  for (const key of COUNTED) {
    if (source.counts[key] !== copy.counts[key]) problems.push(`${COUNTED_LABEL[key]}: ${source.counts[key]} in the source, ${copy.counts[key]} in the copy`);
  }
  const currencies = [...new Set([...Object.keys(source.totals), ...Object.keys(copy.totals)])].sort();
  for (const currency of currencies) {
    const zero: CurrencyTotals = { invoiced: 0, paid: 0, balance: 0 };
    const from = source.totals[currency] ?? zero;
    const to = copy.totals[currency] ?? zero;
    for (const field of ['invoiced', 'paid', 'balance'] as const) {
      if (from[field] !== to[field]) problems.push(`${currency} ${field}: ${describe(from[field], currency)} in the source, ${describe(to[field], currency)} in the copy`);
    }
  }
  return problems;
}

/** JSON with every object's keys sorted: two records are the same when these strings are. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

const LISTED = 10;

/**
 * Record by record: the settings, the sequences, and every customer, invoice, schedule and outbox job (by id)
 * and audit entry (in order) the same in the copy as in the source. At most ten differences are named.
 */
export function recordDifferences(source: StoreDocument, copy: StoreDocument): string[] {
  const problems: string[] = [];
  if (canonical(source.business) !== canonical(copy.business)) problems.push('business settings differ');
  if (canonical(source.sequences) !== canonical(copy.sequences)) problems.push('sequences differ');
  const byId = (what: string, from: readonly { id: string }[], to: readonly { id: string }[]) => {
    const copied = new Map(to.map((record) => [record.id, record]));
    for (const record of from) {
      const other = copied.get(record.id);
      if (other === undefined) problems.push(`${what} ${record.id} is missing from the copy`);
      else if (canonical(record) !== canonical(other)) problems.push(`${what} ${record.id} differs in the copy`);
    }
  };
  byId('customer', source.customers, copy.customers);
  byId('invoice', source.invoices, copy.invoices);
  byId('schedule', source.recurring, copy.recurring);
  byId('outbox job', source.outbox, copy.outbox);
  source.audit.forEach((entry, index) => {
    if (canonical(entry) !== canonical(copy.audit[index])) problems.push(`audit entry ${index + 1} differs in the copy`);
  });
  if (problems.length <= LISTED) return problems;
  return [...problems.slice(0, LISTED), `and ${problems.length - LISTED} more differences`];
}
