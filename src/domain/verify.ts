/**
 * `smallpay verify`: the checks a cron job or CI pipeline runs after a job, each a list of problems.
 *   numbers  — invoice numbers unique, and gapless per series (a number deleted with --force is in the
 *              audit log and accounted for);
 *   totals   — every invoice's totals computed again from its items, allowances and charges equal what was
 *              stored, it keeps the VAT rules (vat-rules.ts), its paid amount the sum of its payments;
 *   recurring — every schedule's periods issued at most once, and at most one invoice per period; no
 *              running schedule whose customer was removed;
 *   outbox   — nothing stuck: no pending message without a live run sending it, no failed one;
 *   credits  — (verify-credits.ts) every credit note corrects an existing invoice of its customer and currency, no
 *              invoice credited beyond its net per VAT group or its total, `credited` the sum of its credit
 *              notes, refunds within what was paid, and the status what the money makes it. Credit-note
 *              numbers are checked gapless with the invoice numbers above (their own series).
 * Imported documents (issue 12, `imported`) were numbered by the tool used before: one outside SmallPay's
 * series is only checked for uniqueness, and in a series the gapless check starts after the highest imported
 * number, since what came before was not SmallPay's to give (an import may rightly bring part of a series).
 */
import { checkCredits } from './verify-credits.js';
import { invoiceLabel } from './invoices.js';
import { displayMoney } from './money-format.js';
import { placeInSeries, seriesKey } from './numbering.js';
import { type RunIdentity, claimIsLive } from './outbox.js';
import { inputOfDocumentAdjustment } from './adjustments.js';
import { computeTotals, inputOfLine } from './totals.js';
import type { Invoice, StoreDocument } from './types.js';
import { vatRuleProblems } from './vat-rules.js';

export interface Check {
  name: 'numbers' | 'totals' | 'recurring' | 'outbox' | 'credits';
  problems: string[];
}

function checkNumbers(doc: StoreDocument): string[] {
  const problems: string[] = [];
  const format = doc.business?.numberFormat ?? '';
  const bySeries = new Map<string, Map<number, string[]>>();
  const importedUpTo = new Map<string, number>();
  const note = (invoice: Invoice, deleted: boolean) => {
    if (invoice.number === null) return;
    if (invoice.imported !== undefined) {
      if (invoice.series === undefined || invoice.sequence === undefined) return;
      importedUpTo.set(invoice.series, Math.max(importedUpTo.get(invoice.series) ?? 0, invoice.sequence));
    }
    const place =
      invoice.series !== undefined && invoice.sequence !== undefined ? { series: invoice.series, sequence: invoice.sequence } : placeInSeries(invoice.number, format);
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
  // Only deleted invoices hold a number apart; a payment.removed entry keeps a copy of a live invoice.
  for (const entry of doc.audit) if (entry.invoice && entry.event === 'invoice.deleted') note(entry.invoice, true);

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
    const gaplessFrom = (importedUpTo.get(series) ?? 0) + 1;
    for (let sequence = 1; sequence <= last; sequence += 1) {
      const holders = places.get(sequence);
      if (!holders && sequence >= gaplessFrom) problems.push(`${series.replace('{SEQ}', `#${sequence}`)}: missing, a gap in the series ${series}`);
      else if (holders && holders.length > 1 && new Set(holders).size > 1) problems.push(`${series.replace('{SEQ}', `#${sequence}`)}: given twice (${holders.join(', ')})`);
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
  doc.audit.forEach((entry) => entry.invoice && entry.event === 'invoice.deleted' && count(entry.invoice));
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
    { name: 'credits', problems: checkCredits(doc) },
  ];
}
