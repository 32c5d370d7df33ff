/**
 * `smallpay verify`: the checks a cron job or CI pipeline runs after a job, each a list of problems.
 *   numbers  — invoice numbers unique, and gapless per series (a number deleted with --force is in the
 *              audit log and accounted for);
 *   totals   — every invoice's totals computed again from its items, allowances and charges equal what was
 *              stored, it keeps the VAT rules (vat-rules.ts), its paid amount the sum of its payments, its
 *              status what the payments make it;
 *   recurring — every schedule's periods issued at most once, and at most one invoice per period; no
 *              running schedule whose customer was removed;
 *   outbox   — nothing stuck: no pending message without a live run sending it, no failed one.
 */
import { invoiceLabel } from './invoices.js';
import { displayMoney } from './money-format.js';
import { seriesKey } from './numbering.js';
import { type RunIdentity, claimIsLive } from './outbox.js';
import { statusForPaid } from './status.js';
import { inputOfDocumentAdjustment } from './adjustments.js';
import { computeTotals, inputOfLine } from './totals.js';
import type { Invoice, StoreDocument } from './types.js';
import { vatRuleProblems } from './vat-rules.js';

export interface Check {
  name: 'numbers' | 'totals' | 'recurring' | 'outbox';
  problems: string[];
}

/** The series and place of a number from its format, for invoices issued before numbers kept them. */
function parseNumber(number: string, format: string): { series: string; sequence: number } | undefined {
  const pattern = format
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{YYYY\}/g, '(\\d{4})')
    .replace(/\{YY\}/g, '(\\d{2})')
    .replace(/\{MM\}/g, '(\\d{2})')
    .replace(/\{SEQ(?::\d+)?\}/, '(?<seq>\\d+)');
  const match = new RegExp(`^${pattern}$`, 'd').exec(number);
  const [start, end] = match?.indices?.groups?.seq ?? [];
  if (!match?.groups?.seq || start === undefined || end === undefined) return undefined;
  // Replace the sequence where it stands, not the first same digits (INV-2026-2026).
  return { series: `${number.slice(0, start)}{SEQ}${number.slice(end)}`, sequence: Number(match.groups.seq) };
}

function checkNumbers(doc: StoreDocument): string[] {
  const problems: string[] = [];
  const format = doc.business?.numberFormat ?? '';
  const bySeries = new Map<string, Map<number, string[]>>();
  const note = (invoice: Invoice, deleted: boolean) => {
    if (invoice.number === null) return;
    const place =
      invoice.series !== undefined && invoice.sequence !== undefined ? { series: invoice.series, sequence: invoice.sequence } : parseNumber(invoice.number, format);
    if (!place) {
      problems.push(`${invoice.number}: does not fit the number format ${format}, so its place in a series is unknown`);
      return;
    }
    let places = bySeries.get(place.series);
    if (!places) bySeries.set(place.series, (places = new Map()));
    const holders = places.get(place.sequence) ?? [];
    holders.push(deleted ? `${invoice.number} (deleted)` : invoice.number);
    places.set(place.sequence, holders);
  };
  for (const invoice of doc.invoices) note(invoice, false);
  for (const entry of doc.audit) if (entry.invoice) note(entry.invoice, true);

  const seenNumbers = new Map<string, number>();
  for (const invoice of doc.invoices) if (invoice.number !== null) seenNumbers.set(invoice.number, (seenNumbers.get(invoice.number) ?? 0) + 1);
  for (const [number, times] of seenNumbers) if (times > 1) problems.push(`${number}: used by ${times} invoices`);
  for (const invoice of doc.invoices) {
    if (invoice.number === null || invoice.series === undefined || invoice.numberFormat === undefined) continue;
    if (seriesKey(invoice.numberFormat, invoice.issueDate) !== invoice.series) problems.push(`${invoice.number}: dated ${invoice.issueDate}, outside its number series ${invoice.series}`);
  }

  for (const series of new Set([...bySeries.keys(), ...Object.keys(doc.sequences)])) {
    const places = bySeries.get(series) ?? new Map<number, string[]>();
    const last = Math.max(doc.sequences[series] ?? 0, ...places.keys());
    for (let sequence = 1; sequence <= last; sequence += 1) {
      const holders = places.get(sequence);
      if (!holders) problems.push(`${series.replace('{SEQ}', `#${sequence}`)}: missing, a gap in the series ${series}`);
      else if (holders.length > 1 && new Set(holders).size > 1) problems.push(`${series.replace('{SEQ}', `#${sequence}`)}: given twice (${holders.join(', ')})`);
    }
    if ((doc.sequences[series] ?? 0) < last) problems.push(`${series}: the counter stands at ${doc.sequences[series] ?? 0} but numbers go up to ${last}`);
  }
  return problems;
}

function checkTotals(doc: StoreDocument): string[] {
  const problems: string[] = [];
  for (const invoice of doc.invoices) {
    const label = invoiceLabel(invoice);
    const money = (minor: number) => displayMoney(minor, invoice.currency);
    try {
      const totals = computeTotals(invoice.items.map((line) => inputOfLine(line, invoice.currency)), invoice.currency, {
        allowances: (invoice.allowances ?? []).map((entry) => inputOfDocumentAdjustment(entry, invoice.currency)),
        charges: (invoice.charges ?? []).map((entry) => inputOfDocumentAdjustment(entry, invoice.currency)),
      });
      totals.items.forEach((item, index) => {
        const stored = invoice.items[index];
        if (stored && stored.net !== item.net) problems.push(`${label}: item ${index + 1} net is ${money(stored.net)}, computed ${money(item.net)}`);
      });
      for (const field of ['subtotal', 'tax', 'total'] as const) {
        if (invoice[field] !== totals[field]) problems.push(`${label}: ${field} is ${money(invoice[field])}, computed ${money(totals[field])}`);
      }
      for (const field of ['lineTotal', 'allowanceTotal', 'chargeTotal'] as const) {
        const stored = invoice[field];
        if (stored !== undefined && stored !== totals[field]) problems.push(`${label}: ${field} is ${money(stored)}, computed ${money(totals[field])}`);
      }
      const sameTaxes =
        invoice.taxes.length === totals.taxes.length &&
        totals.taxes.every((line, index) => {
          const stored = invoice.taxes[index];
          return stored?.rate === line.rate && (stored.category ?? line.category) === line.category && stored.base === line.base && stored.tax === line.tax;
        });
      if (!sameTaxes) problems.push(`${label}: the tax breakdown differs from the one computed`);
      for (const problem of vatRuleProblems(invoice, invoice.issuer ?? doc.business ?? {})) {
        if (problem.level === 'refuse') problems.push(`${label}: ${problem.rule}: ${problem.message}`);
      }
    } catch (error) {
      problems.push(`${label}: its items cannot be totalled (${(error as Error).message})`);
      continue;
    }
    const paid = invoice.payments.reduce((sum, payment) => sum + payment.amount, 0);
    if (paid !== invoice.paid) problems.push(`${label}: paid is ${money(invoice.paid)}, its payments add up to ${money(paid)}`);
    if (invoice.status !== 'draft' && invoice.status !== 'void' && invoice.status !== statusForPaid(invoice.total, invoice.paid)) {
      problems.push(`${label}: status is ${invoice.status}, but ${money(invoice.paid)} paid of ${money(invoice.total)} makes it ${statusForPaid(invoice.total, invoice.paid)}`);
    }
    if (invoice.paid > invoice.total) problems.push(`${label}: paid ${money(invoice.paid)} is more than its total ${money(invoice.total)}`);
  }
  return problems;
}

function checkRecurring(doc: StoreDocument): string[] {
  const problems: string[] = [];
  for (const schedule of doc.recurring) {
    if (schedule.status === 'active' && !doc.customers.some((customer) => customer.id === schedule.customer)) {
      problems.push(`schedule ${schedule.id}: running, but its customer '${schedule.customer}' was removed; smallpay recurring pause ${schedule.id}`);
    }
    const periods = new Set<string>();
    for (const entry of schedule.issued) {
      if (periods.has(entry.period)) problems.push(`schedule ${schedule.id}: period ${entry.period} issued twice`);
      periods.add(entry.period);
    }
  }
  const invoicesPerPeriod = new Map<string, string[]>();
  const count = (invoice: Invoice) => {
    if (!invoice.recurring) return;
    const key = `schedule ${invoice.recurring.scheduleId}, period ${invoice.recurring.period}`;
    invoicesPerPeriod.set(key, [...(invoicesPerPeriod.get(key) ?? []), invoiceLabel(invoice)]);
  };
  doc.invoices.forEach(count);
  doc.audit.forEach((entry) => entry.invoice && count(entry.invoice));
  for (const [key, invoices] of invoicesPerPeriod) if (invoices.length > 1) problems.push(`${key}: ${invoices.length} invoices (${invoices.join(', ')})`);
  return problems;
}

function checkOutbox(doc: StoreDocument, run: RunIdentity): string[] {
  const problems: string[] = [];
  for (const job of doc.outbox) {
    if (job.state === 'failed') problems.push(`${job.number} ${job.kind} to ${job.to.join(', ')}: failed (${job.lastError ?? 'no reply'}); smallpay outbox retry`);
    else if (job.state === 'pending' && !claimIsLive(job.claim, run)) problems.push(`${job.number} ${job.kind} to ${job.to.join(', ')}: pending since ${job.createdAt} with no run sending it; smallpay outbox retry`);
  }
  return problems;
}

export function verifyStore(doc: StoreDocument, run: RunIdentity): Check[] {
  return [
    { name: 'numbers', problems: checkNumbers(doc) },
    { name: 'totals', problems: checkTotals(doc) },
    { name: 'recurring', problems: checkRecurring(doc) },
    { name: 'outbox', problems: checkOutbox(doc, run) },
  ];
}
