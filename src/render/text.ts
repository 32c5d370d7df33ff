/**
 * Text for people: amounts with grouping and currency, and user-given text made safe for a terminal
 * (a customer named "\x1b[2J" must not clear the screen of whoever lists customers).
 */
import { formatAmount } from '../domain/money.js';

const grouping = new Map<number, Intl.NumberFormat>();

/** 178500 EUR → "1,785.00 EUR". Intl formats the exact decimal string, never a float. */
export function displayAmount(minor: number, currency: string): string {
  const exact = formatAmount(minor, currency);
  const digits = exact.includes('.') ? exact.length - exact.indexOf('.') - 1 : 0;
  let format = grouping.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    grouping.set(digits, format);
  }
  return `${format.format(exact as unknown as number)} ${currency}`;
}

// C0 and C1 control characters and DEL; tabs and newlines are handled by the callers that allow them.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** One line of user text for a table cell or message: controls shown as '?', line breaks as spaces. */
export function cell(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(CONTROL, '?');
}

/** User text that may span lines (addresses, notes). */
export function block(text: string): string {
  return text.replace(/\t/g, ' ').replace(/\r/g, '').replace(CONTROL, '?');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
