/**
 * Calendar dates as "YYYY-MM-DD" strings. Strings compare correctly with < and sort fast, so they are the
 * form everywhere. Arithmetic is done on whole days since 1970-01-01 ("epoch days") by integer formulas,
 * never on a Date: a Date lives in the machine's time zone, and a calendar day is not an instant. (With
 * Dates at local noon, as before, TZ=Pacific/Apia turned 2011-12-29 + 1 day into 2011-12-31, because Samoa
 * skipped the 30th; date-fns works on Dates and inherits that, which is why it is not used.)
 *
 * The range: four-digit years. Dates a user or a store gives are 1900-01-01 to 9999-12-31 (`isCalendarDate`);
 * arithmetic that would leave 0001-01-01 … 9999-12-31 throws an `invalid` error instead of writing a
 * five-digit year that no longer sorts as a string ("10000-01-01" < "2026-…").
 */
import { invalid } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** The first and last dates a user or a store may give. */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '9999-12-31';

export function formatCalendarDate(date: Date): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the Gregorian calendar, `month` from 1 to 12: (2024, 2) → 29. The one such function. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
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

/** `days` days after (before, when negative) a date: ("2026-11-25", 7) → "2026-12-02". */
export function addDays(isoDate: string, days: number): string {
  return fromEpochDay(epochDay(isoDate) + days);
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

const FIRST_EPOCH_DAY = -719162; // 0001-01-01
const LAST_EPOCH_DAY = 2932896; // 9999-12-31

/**
 * The calendar date of an epoch day (the inverse of `epochDay`, "civil from days"); outside 0001-01-01 …
 * 9999-12-31 it throws, as the four-digit form cannot hold the date.
 */
export function fromEpochDay(day: number): string {
  if (!Number.isSafeInteger(day) || day < FIRST_EPOCH_DAY || day > LAST_EPOCH_DAY) throw outOfRange(day < FIRST_EPOCH_DAY);
  const shifted = day + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

function outOfRange(early: boolean) {
  return invalid(early ? 'the date would be before 0001-01-01, which SmallPay cannot handle' : `the date would be after ${LAST_DATE}, the last date SmallPay handles`);
}

/** Whole calendar days from `from` to `to`: ("2026-11-01", "2026-12-01") → 30. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Months since January of year 0: "2026-11-25" → 2026 × 12 + 10. Read from the digits: it runs per invoice. */
export function monthIndex(isoDate: string): number {
  const digit = (index: number) => isoDate.charCodeAt(index) - 48;
  return (digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)) * 12 + digit(5) * 10 + digit(6) - 1;
}

/** "2026-11" for a month index (see `monthIndex`); throws outside the years 1 to 9999. */
export function monthOfIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 12 || index >= 10000 * 12) throw outOfRange(index < 12);
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first day of the month `months` after (or before, when negative) the month of `isoDate`. */
export function monthStart(isoDate: string, months = 0): string {
  return `${monthOfIndex(monthIndex(isoDate) + months)}-01`;
}

/** The last day of the month of `isoDate`: "2024-02-10" → "2024-02-29". */
export function monthEnd(isoDate: string): string {
  return `${isoDate.slice(0, 8)}${daysInMonth(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)))}`;
}

export function yearOf(isoDate: string): string {
  return isoDate.slice(0, 4);
}

export function monthOf(isoDate: string): string {
  return isoDate.slice(5, 7);
}
