/**
 * Calendar dates as "YYYY-MM-DD" strings. Strings compare correctly with < and sort fast, so they are the
 * form everywhere; a Date is made only for arithmetic, at local noon, so that no time-zone offset or
 * daylight-saving jump can move it to another day.
 */
import { addDays as addDaysToDate } from 'date-fns/addDays';
import { invalid } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

function toDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 12);
}

export function formatCalendarDate(date: Date): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/** A real date from 1900 to 9999 in the form YYYY-MM-DD. Arithmetic only: it runs for every date of a store. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= 28 || day <= daysInMonth(year, month);
}

/** A user-given date; `field` names the flag or JSON field in the error. */
export function parseCalendarDate(text: string, field: string): string {
  const trimmed = text.trim();
  if (!isCalendarDate(trimmed)) throw invalid(`${field}: '${text}' is not a date (use YYYY-MM-DD, e.g. 2026-11-01)`);
  return trimmed;
}

/** Hours 0–23, minutes and seconds 0–59, an offset from −14:00 to +14:00 (the widest in use, Kiribati). */
function isTimeOfDay(match: RegExpExecArray): boolean {
  const [, , hours, minutes, seconds, zone, offsetHours, offsetMinutes] = match;
  if (hours === undefined) return true;
  if (Number(hours) > 23 || Number(minutes) > 59 || (seconds !== undefined && Number(seconds) > 59)) return false;
  if (zone === undefined || zone === 'Z') return true;
  const offset = Number(offsetHours) * 60 + Number(offsetMinutes);
  return Number(offsetMinutes) <= 59 && offset <= 14 * 60;
}

/**
 * "Today" from an ISO date or date-time such as SMALLPAY_NOW: the calendar date as written
 * ("2026-11-25T23:30:00+05:00" is 2026-11-25), so a setting means the same day on every machine.
 * Accepted: YYYY-MM-DD, optionally followed by T (or a space) and HH:MM, HH:MM:SS or HH:MM:SS.fff, and
 * optionally Z or an offset ±HH:MM (or ±HHMM); every part within its range, the date from 1900 to 9999.
 */
export function calendarDateOf(isoDateOrDateTime: string, field: string): string {
  const match = ISO_DATE_TIME.exec(isoDateOrDateTime.trim());
  if (!match || !isCalendarDate(match[1] as string) || !isTimeOfDay(match)) {
    throw invalid(`${field}: '${isoDateOrDateTime}' is not an ISO date or date-time (e.g. 2026-11-25 or 2026-11-25T09:00:00Z)`);
  }
  return match[1] as string;
}

export function addDays(isoDate: string, days: number): string {
  return formatCalendarDate(addDaysToDate(toDate(isoDate), days));
}

/**
 * Days since 1970-01-01 of a calendar date, by arithmetic alone (the "days from civil" algorithm): no Date,
 * no time zone, and fast enough to run for every invoice of a 100,000-invoice report.
 */
export function epochDay(isoDate: string): number {
  let year = (isoDate.charCodeAt(0) - 48) * 1000 + (isoDate.charCodeAt(1) - 48) * 100 + (isoDate.charCodeAt(2) - 48) * 10 + (isoDate.charCodeAt(3) - 48);
  const month = (isoDate.charCodeAt(5) - 48) * 10 + (isoDate.charCodeAt(6) - 48);
  const day = (isoDate.charCodeAt(8) - 48) * 10 + (isoDate.charCodeAt(9) - 48);
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Whole calendar days from `from` to `to`: ("2026-11-01", "2026-12-01") → 30. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The first day of the month `months` after (or before, when negative) the month of `isoDate`. */
export function monthStart(isoDate: string, months = 0): string {
  const index = Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export function yearOf(isoDate: string): string {
  return isoDate.slice(0, 4);
}

export function monthOf(isoDate: string): string {
  return isoDate.slice(5, 7);
}
