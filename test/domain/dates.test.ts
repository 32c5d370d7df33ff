import { describe, expect, it } from 'vitest';
import { addDays, calendarDateOf, daysBetween, daysInMonth, fromEpochDay, isCalendarDate, monthEnd, monthStart, parseCalendarDate } from '../../src/domain/dates.js';

describe('calendar dates', () => {
  it.each(['2026-11-25', '2024-02-29', '2000-02-29', '1900-01-01', '9999-12-31'])('accepts %s', (date) => expect(isCalendarDate(date)).toBe(true));
  it.each(['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-1', '26-11-25', '2026-11-25T00:00', '1899-12-31'])(
    'refuses %s',
    (date) => expect(isCalendarDate(date)).toBe(false),
  );

  it('names the field in errors', () => {
    expect(() => parseCalendarDate('2026-02-30', '--due')).toThrow(/--due: '2026-02-30' is not a date/);
  });

  it('adds days across months, years and daylight-saving changes', () => {
    expect(addDays('2026-11-01', 30)).toBe('2026-12-01');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-01-31', -31)).toBe('2025-12-31');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
    expect(daysBetween('2026-12-01', '2026-11-01')).toBe(-30);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  it('takes "today" from an ISO date or date-time as written', () => {
    expect(calendarDateOf('2026-11-25', 'SMALLPAY_NOW')).toBe('2026-11-25');
    expect(calendarDateOf('2026-11-25T23:30:00+05:00', 'SMALLPAY_NOW')).toBe('2026-11-25');
    expect(calendarDateOf('2026-11-25T01:00:00Z', 'SMALLPAY_NOW')).toBe('2026-11-25');
    expect(calendarDateOf('2026-11-25T08:15:30.123-0800', 'SMALLPAY_NOW')).toBe('2026-11-25');
    expect(() => calendarDateOf('yesterday', 'SMALLPAY_NOW')).toThrow(/SMALLPAY_NOW: 'yesterday' is not an ISO date/);
    expect(() => calendarDateOf('2026-02-30', 'SMALLPAY_NOW')).toThrow(/SMALLPAY_NOW/);
  });
});

describe('in time zones with daylight saving', () => {
  it.each(['Europe/Berlin', 'America/Sao_Paulo', 'Pacific/Auckland', 'America/Santiago', 'Pacific/Apia'])('adds days in %s without skipping or repeating a day', (zone) => {
    const previous = process.env.TZ;
    process.env.TZ = zone;
    try {
      let date = '2025-12-20';
      for (let day = 0; day < 500; day += 1) {
        const next = addDays(date, 1);
        expect(daysBetween(date, next)).toBe(1);
        expect(isCalendarDate(next)).toBe(true);
        expect(next > date).toBe(true);
        date = next;
      }
      expect(date).toBe(addDays('2025-12-20', 500));
    } finally {
      process.env.TZ = previous;
    }
  });
});

describe('epoch days and months', () => {
  it('counts days since 1970 by arithmetic, matching the calendar', async () => {
    const { epochDay, monthStart } = await import('../../src/domain/dates.js');
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('2000-03-01')).toBe(11017);
    expect(epochDay('2026-11-25')).toBe(Date.UTC(2026, 10, 25) / 86_400_000);
    for (let day = -30000; day < 60000; day += 97) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(epochDay(iso)).toBe(day);
    }
    expect(monthStart('2026-11-25')).toBe('2026-11-01');
    expect(monthStart('2026-11-25', -11)).toBe('2025-12-01');
    expect(monthStart('2026-01-31', -1)).toBe('2025-12-01');
    expect(monthStart('2026-12-05', 1)).toBe('2027-01-01');
  });
});

describe('a day the local clock skipped', () => {
  it('is still a calendar day: Samoa skipped 2011-12-30, the calendar did not', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Pacific/Apia';
    try {
      expect(addDays('2011-12-29', 1)).toBe('2011-12-30');
      expect(addDays('2011-12-31', -1)).toBe('2011-12-30');
    } finally {
      process.env.TZ = previous;
    }
  });
});

describe('the ends of the date range (issue 9)', () => {
  it('does arithmetic up to 9999-12-31 and refuses to go past it', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(/after 9999-12-31/);
    expect(monthStart('9999-12-31')).toBe('9999-12-01');
    expect(() => monthStart('9999-12-31', 1)).toThrow(/after 9999-12-31/);
    expect(monthEnd('9999-12-05')).toBe('9999-12-31');
    expect(addDays('1900-01-01', -1)).toBe('1899-12-31');
    expect(fromEpochDay(-719162)).toBe('0001-01-01');
    expect(() => fromEpochDay(-719163)).toThrow(/before 0001-01-01/);
  });

  it('knows the length of every month, leap years included (the one daysInMonth)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2026, month))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([daysInMonth(2024, 2), daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(9996, 2)]).toEqual([29, 29, 28, 29]);
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
  });
});
