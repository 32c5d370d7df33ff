import { describe, expect, it } from 'vitest';
import { removeCustomer } from '../../src/domain/customers.js';
import { deleteInvoice, voidInvoice } from '../../src/domain/invoice-settlement.js';
import { createSchedule, duePeriods, issueOccurrence, occurrences, periodLabel, setScheduleStatus, upcoming } from '../../src/domain/recurring.js';
import type { Schedule } from '../../src/domain/types.js';
import { sampleDocument } from './fixtures.js';

const items = [{ description: 'Retainer {period} ({month} {year})', unitPrice: '1000.00', taxRate: '19' }];

function schedule(extra: Partial<Parameters<typeof createSchedule>[1]> = {}) {
  const doc = sampleDocument();
  const created = createSchedule(doc, { customer: 'globex', every: 'month', start: '2026-01-31', items, ...extra }, { today: '2026-01-01', id: 'rec_1' });
  return { doc, schedule: created };
}

const dates = (s: Schedule, until: string) => occurrences(s, until).map((o) => o.date);

describe('schedules', () => {
  it('falls on the last day of months shorter than the start day, and back on it after', () => {
    expect(dates(schedule().schedule, '2026-06-30')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    expect(dates(schedule({ start: '2028-01-31' }).schedule, '2028-03-31')).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
  });

  it('takes --day, or the last day of each month', () => {
    expect(dates(schedule({ start: '2026-01-15', day: 1 }).schedule, '2026-04-30')).toEqual(['2026-02-01', '2026-03-01', '2026-04-01']);
    expect(dates(schedule({ start: '2026-01-01', day: 'last' }).schedule, '2026-03-31')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('runs weekly, quarterly and yearly, with intervals', () => {
    expect(dates(schedule({ every: 'week', start: '2026-11-02', interval: 2 }).schedule, '2026-12-31')).toEqual(['2026-11-02', '2026-11-16', '2026-11-30', '2026-12-14', '2026-12-28']);
    const quarterly = schedule({ every: 'quarter', start: '2026-01-01' }).schedule;
    expect(occurrences(quarterly, '2026-12-31')).toEqual([
      { date: '2026-01-01', period: '2026-Q1' },
      { date: '2026-04-01', period: '2026-Q2' },
      { date: '2026-07-01', period: '2026-Q3' },
      { date: '2026-10-01', period: '2026-Q4' },
    ]);
    expect(occurrences(schedule({ every: 'year', start: '2024-02-29' }).schedule, '2027-12-31')).toEqual([
      { date: '2024-02-29', period: '2024' },
      { date: '2025-02-28', period: '2025' },
      { date: '2026-02-28', period: '2026' },
      { date: '2027-02-28', period: '2027' },
    ]);
  });

  it('stops at --end and after --count invoices', () => {
    expect(dates(schedule({ end: '2026-03-15' }).schedule, '2026-12-31')).toEqual(['2026-01-31', '2026-02-28']);
    expect(dates(schedule({ count: 3 }).schedule, '2026-12-31')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('names periods in the invoice language', () => {
    expect(periodLabel('month', '2026-11-01', 'en')).toBe('November 2026');
    expect(periodLabel('month', '2026-11-01', 'de')).toBe('November 2026');
    expect(periodLabel('quarter', '2026-11-01', 'en')).toBe('Q4 2026');
  });

  it('refuses bad schedules', () => {
    expect(() => schedule({ every: 'week', day: 1 })).toThrow(/day: applies to month/);
    expect(() => schedule({ end: '2025-12-31' })).toThrow(/end: 2025-12-31 is before the start/);
    expect(() => schedule({ customer: 'nobody' })).toThrow(/no customer 'nobody'/);
    expect(() => schedule({ items: [{ description: 'x', unitPrice: 'lots' }] })).toThrow(/items\[0\]\.unitPrice/);
  });
});

describe('issuing periods', () => {
  it('catches up missed periods, each dated in its own period, with the period named', () => {
    const { doc, schedule: s } = schedule({ start: '2026-08-01', terms: 14 });
    const due = duePeriods(s, '2026-10-15');
    expect(due.map((o) => o.period)).toEqual(['2026-08', '2026-09', '2026-10']);
    const invoices = due.map((occurrence, index) => issueOccurrence(doc, s, occurrence, { today: '2026-10-15', id: `inv_${index}` }));
    expect(invoices.map((i) => [i.issueDate, i.dueDate, i.note, i.items[0]?.description])).toEqual([
      ['2026-08-01', '2026-08-15', 'August 2026', 'Retainer August 2026 (August 2026)'],
      ['2026-09-01', '2026-09-15', 'September 2026', 'Retainer September 2026 (September 2026)'],
      ['2026-10-01', '2026-10-15', 'Oktober 2026', 'Retainer Oktober 2026 (Oktober 2026)'], // globex reads German
    ]);
    expect(invoices.map((i) => i.recurring)).toEqual([
      { scheduleId: 'rec_1', period: '2026-08' },
      { scheduleId: 'rec_1', period: '2026-09' },
      { scheduleId: 'rec_1', period: '2026-10' },
    ]);
    expect(duePeriods(s, '2026-10-15')).toEqual([]);
    expect(() => issueOccurrence(doc, s, { date: '2026-10-01', period: '2026-10' }, { today: '2026-10-15', id: 'inv_x' })).toThrow(/issued 2026-10 already/);
  });

  it('never issues a period again after its invoice is voided or deleted', () => {
    const { doc, schedule: s } = schedule({ start: '2026-08-01' });
    const [first, second] = duePeriods(s, '2026-09-30').map((o, i) => issueOccurrence(doc, s, o, { today: '2026-09-30', id: `inv_${i}` }));
    voidInvoice(first!, '2026-09-30');
    deleteInvoice(doc, second!, { force: true, today: '2026-09-30' });
    expect(duePeriods(s, '2026-09-30')).toEqual([]);
  });

  it('refuses to resume a schedule whose customer was removed (issue 9 item 14)', () => {
    const { doc } = schedule({ start: '2026-08-01' });
    removeCustomer(doc, 'globex', { force: true, today: '2026-09-30' });
    expect(doc.recurring[0]?.status).toBe('paused');
    expect(() => setScheduleStatus(doc, 'rec_1', 'active')).toThrow(/^schedule rec_1: its customer 'globex' was removed, so it cannot be resumed$/);
    expect(doc.recurring[0]?.status).toBe('paused');
  });

  it('skips paused schedules and shows what comes next', () => {
    const { doc, schedule: s } = schedule({ start: '2026-08-01' });
    setScheduleStatus(doc, 'rec_1', 'paused');
    expect(duePeriods(s, '2026-12-31')).toEqual([]);
    expect(upcoming(s, '2026-09-15', 2)).toEqual([
      { date: '2026-10-01', period: '2026-10' },
      { date: '2026-11-01', period: '2026-11' },
    ]);
  });
});

describe('the service period a recurring invoice bills (issue 10, BT-73/74)', () => {
  it('is the calendar month, quarter or year of the occurrence, or seven days for weekly schedules', async () => {
    const { servicePeriodOf } = await import('../../src/domain/recurring.js');
    expect(servicePeriodOf('month', '2026-02-15')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(servicePeriodOf('month', '2024-02-29')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(servicePeriodOf('quarter', '2026-11-30')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(servicePeriodOf('quarter', '2026-05-01')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(servicePeriodOf('year', '2026-07-04')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(servicePeriodOf('week', '2026-12-28')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(servicePeriodOf('week', '9999-12-28')).toEqual({ start: '9999-12-28', end: '9999-12-31' });
  });
});
