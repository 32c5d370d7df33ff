/**
 * Recurring invoices. A schedule issues an invoice on each occurrence date, and each invoice bills the
 * period holding that date: the calendar month ("2026-11"), quarter ("2026-Q4"), year ("2026"), or for
 * weekly schedules the week starting on the date ("2026-11-23").
 *
 * Occurrence dates: monthly schedules fall on the day of the month of `start`, or on `day` (1–28 or the last
 * day); a day a month does not have becomes that month's last day, and the next month falls on the day
 * again: 31 Jan, 28 Feb, 31 Mar, 30 Apr… Quarterly is every 3 months, yearly every 12, weekly every 7 days;
 * `interval` multiplies. The first occurrence is the first such date on or after `start`; none after `end`;
 * at most `count` in all.
 *
 * Exactly once: a period, once issued, is recorded in `issued` in the same locked write that creates its
 * invoice, and is never issued again, whatever becomes of the invoice (paid, void, deleted).
 */
import { addDays, daysInMonth, monthEnd, monthStart } from './dates.js';
import { invalid, notFound, refused } from './errors.js';
import * as fields from './fields.js';
import { findCustomer } from './customers.js';
import { requireBusiness } from './invoice-issue.js';
import { createInvoice } from './invoices.js';
import { computeTotals } from './totals.js';
import type { IssueFacts } from './presentation.js';
import type { Cadence, Invoice, Schedule, StoreDocument } from './types.js';

export const CADENCES: readonly Cadence[] = ['week', 'month', 'quarter', 'year'];
const MONTHS_OF: Record<Exclude<Cadence, 'week'>, number> = { month: 1, quarter: 3, year: 12 };
const MAX_CATCH_UP = 1000;

export type ScheduleInput = Pick<Schedule, 'customer' | 'every' | 'start' | 'items'> & Partial<Pick<Schedule, 'interval' | 'day' | 'end' | 'count' | 'terms' | 'currency' | 'note'>>;

export interface Occurrence {
  date: string;
  period: string;
}

/** The k-th candidate date of a schedule, before `start`, `end` and `count` are applied. */
function candidate(schedule: Pick<Schedule, 'every' | 'interval' | 'day' | 'start'>, k: number): string {
  if (schedule.every === 'week') return addDays(schedule.start, 7 * schedule.interval * k);
  const month = monthStart(schedule.start, k * schedule.interval * MONTHS_OF[schedule.every]);
  const length = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const wanted = schedule.day === 'last' ? length : (schedule.day ?? Number(schedule.start.slice(8)));
  return `${month.slice(0, 8)}${String(Math.min(wanted, length)).padStart(2, '0')}`;
}

export function periodOf(every: Cadence, date: string): string {
  if (every === 'week') return date;
  if (every === 'year') return date.slice(0, 4);
  if (every === 'quarter') return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
  return date.slice(0, 7);
}

/**
 * The service period (BT-73/74) an occurrence bills: the calendar month, quarter or year holding its date,
 * or for weekly schedules the seven days from it; the same period `periodOf` names.
 */
export function servicePeriodOf(every: Cadence, date: string): { start: string; end: string } {
  if (every === 'week') return { start: date, end: date.slice(0, 4) === '9999' && date > '9999-12-25' ? '9999-12-31' : addDays(date, 6) };
  if (every === 'year') return { start: `${date.slice(0, 4)}-01-01`, end: `${date.slice(0, 4)}-12-31` };
  if (every === 'quarter') {
    const first = (Math.ceil(Number(date.slice(5, 7)) / 3) - 1) * 3 + 1;
    const start = `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
    return { start, end: monthEnd(`${date.slice(0, 4)}-${String(first + 2).padStart(2, '0')}-01`) };
  }
  return { start: monthStart(date), end: monthEnd(date) };
}

/** Every occurrence of a schedule, oldest first, within `start`, `end` and `count` (at most 100,000 tried). */
function* allOccurrences(schedule: Schedule): Generator<Occurrence> {
  let found = 0;
  for (let k = 0; k < 100_000 && found < (schedule.count ?? Infinity); k += 1) {
    const date = candidate(schedule, k);
    if (date < schedule.start) continue;
    if (schedule.end !== undefined && date > schedule.end) return;
    found += 1;
    yield { date, period: periodOf(schedule.every, date) };
  }
}

/** The occurrences of a schedule up to `until` (inclusive), oldest first. */
export function occurrences(schedule: Schedule, until: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const occurrence of allOccurrences(schedule)) {
    if (occurrence.date > until) break;
    found.push(occurrence);
  }
  return found;
}

/** The next `limit` issue dates after `after` not issued yet, for `recurring show`. */
export function upcoming(schedule: Schedule, after: string, limit: number): Occurrence[] {
  const issued = new Set(schedule.issued.map((entry) => entry.period));
  const found: Occurrence[] = [];
  for (const occurrence of allOccurrences(schedule)) {
    if (found.length >= limit) break;
    if (occurrence.date > after && !issued.has(occurrence.period)) found.push(occurrence);
  }
  return found;
}

/** The periods whose date has come (up to today) and that were never issued: what a run issues. */
export function duePeriods(schedule: Schedule, today: string): Occurrence[] {
  if (schedule.status !== 'active') return [];
  const issued = new Set(schedule.issued.map((entry) => entry.period));
  return occurrences(schedule, today).filter((occurrence) => !issued.has(occurrence.period)).slice(0, MAX_CATCH_UP);
}

/** "November 2026", "Q4 2026", "2026", or for a week its first day "23 November 2026", in the invoice's language. */
export function periodLabel(every: Cadence, date: string, lang: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  const year = date.slice(0, 4);
  if (every === 'year') return year;
  if (every === 'quarter') return `Q${Math.ceil(Number(date.slice(5, 7)) / 3)} ${year}`;
  if (every === 'week') return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

export function findSchedule(doc: StoreDocument, id: string): Schedule {
  const schedule = doc.recurring.find((candidate) => candidate.id === id.trim());
  if (!schedule) throw notFound(`no recurring schedule '${id}'`, 'smallpay recurring list shows them');
  return schedule;
}

/** Checks a schedule as a whole: its customer, its dates, and that its items price in its currency. */
function checkSchedule(doc: StoreDocument, schedule: Omit<Schedule, 'id' | 'status' | 'createdAt' | 'issued'>): void {
  const business = requireBusiness(doc);
  const customer = findCustomer(doc, schedule.customer);
  if (!Number.isInteger(schedule.interval) || schedule.interval < 1 || schedule.interval > 120) throw invalid('interval: must be a whole number from 1 to 120');
  if (schedule.day !== undefined && schedule.every === 'week') throw invalid('day: applies to month, quarter and year schedules; a weekly one falls on the weekday of --start');
  if (schedule.end !== undefined && schedule.end < schedule.start) throw invalid(`end: ${schedule.end} is before the start ${schedule.start}`);
  if (schedule.count !== undefined && (!Number.isInteger(schedule.count) || schedule.count < 1)) throw invalid('count: must be a whole number from 1');
  computeTotals(schedule.items, schedule.currency ?? customer.currency ?? business.currency);
}

export function createSchedule(doc: StoreDocument, input: ScheduleInput, context: { today: string; id: string }): Schedule {
  const customer = findCustomer(doc, input.customer);
  // Fixed now: a later change of the customer's or business's currency must not change what is billed.
  const currency = fields.currency(input.currency ?? customer.currency ?? requireBusiness(doc).currency, 'currency');
  const schedule: Schedule = {
    id: context.id,
    customer: customer.id,
    every: input.every,
    interval: input.interval ?? 1,
    ...(input.day !== undefined && { day: input.day }),
    start: input.start,
    ...(input.end !== undefined && { end: input.end }),
    ...(input.count !== undefined && { count: input.count }),
    ...(input.terms !== undefined && { terms: input.terms }),
    currency,
    ...(input.note !== undefined && input.note.trim() !== '' && { note: fields.multiLine(input.note, 'note') }),
    items: input.items,
    status: 'active',
    createdAt: context.today,
    issued: [],
  };
  checkSchedule(doc, schedule);
  doc.recurring.push(schedule);
  return schedule;
}

export type ScheduleChanges = Partial<Pick<ScheduleInput, 'items' | 'terms' | 'note' | 'end' | 'count' | 'currency'>>;

/** Changes what future invoices of a schedule bill; invoices already made keep what they were. */
export function editSchedule(doc: StoreDocument, id: string, changes: ScheduleChanges): Schedule {
  const schedule = findSchedule(doc, id);
  const next: Schedule = { ...schedule, ...changes };
  if (changes.note !== undefined && changes.note.trim() === '') delete next.note;
  checkSchedule(doc, next);
  Object.assign(schedule, next);
  if (next.note === undefined) delete schedule.note;
  return schedule;
}

export function setScheduleStatus(doc: StoreDocument, id: string, status: Schedule['status']): Schedule {
  const schedule = findSchedule(doc, id);
  if (schedule.status === status) throw refused(`schedule ${id} is already ${status === 'active' ? 'running' : 'paused'}`);
  // `customer rm --force` pauses the schedules of the customer it removes; resuming one could only fail at
  // every later run, so it is refused here.
  if (status === 'active' && !doc.customers.some((customer) => customer.id === schedule.customer)) {
    throw refused(`schedule ${schedule.id}: its customer '${schedule.customer}' was removed, so it cannot be resumed`, `remove it with smallpay recurring rm ${schedule.id}, or add a schedule for another customer`);
  }
  schedule.status = status;
  return schedule;
}

export function removeSchedule(doc: StoreDocument, id: string): Schedule {
  const schedule = findSchedule(doc, id);
  doc.recurring = doc.recurring.filter((candidate) => candidate !== schedule);
  return schedule;
}

function fillPlaceholders(text: string, values: { period: string; month: string; year: string }): string {
  return text.replace(/\{(period|month|year)\}/g, (_whole, key: keyof typeof values) => values[key]);
}

/**
 * Issues the invoice of one period: dated on the occurrence, due after the schedule's terms, with the
 * period in its note and in the {period}, {month}, {year} of its item descriptions; the period is
 * recorded as issued in the same change.
 */
export function issueOccurrence(doc: StoreDocument, schedule: Schedule, occurrence: Occurrence, context: { today: string; id: string; facts?: IssueFacts }): Invoice {
  if (schedule.issued.some((entry) => entry.period === occurrence.period)) {
    throw refused(`schedule ${schedule.id} has issued ${occurrence.period} already`);
  }
  const business = requireBusiness(doc);
  const customer = doc.customers.find((candidate) => candidate.id === schedule.customer);
  if (!customer) throw refused(`schedule ${schedule.id}: customer '${schedule.customer}' no longer exists`, `pause it (smallpay recurring pause ${schedule.id}) or remove it`);
  const lang = customer.lang ?? business.lang;
  const at = new Date(`${occurrence.date}T00:00:00Z`);
  const values = {
    period: periodLabel(schedule.every, occurrence.date, lang),
    month: new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(at),
    year: occurrence.date.slice(0, 4),
  };
  const invoice = createInvoice(
    doc,
    {
      customer: customer.id,
      items: schedule.items.map((item) => ({ ...item, description: fillPlaceholders(item.description, values) })),
      issueDate: occurrence.date,
      // Issue 10: the date of supply a German invoice must state is the period the schedule bills.
      servicePeriod: servicePeriodOf(schedule.every, occurrence.date),
      ...(schedule.terms !== undefined && { terms: schedule.terms }),
      ...(schedule.currency !== undefined && { currency: schedule.currency }),
      note: schedule.note ? `${values.period}\n${fillPlaceholders(schedule.note, values)}` : values.period,
    },
    context,
  );
  invoice.recurring = { scheduleId: schedule.id, period: occurrence.period };
  schedule.issued.push({ period: occurrence.period, date: occurrence.date, invoiceId: invoice.id, number: invoice.number });
  return invoice;
}
