/**
 * Text for people: user-given text made safe for a terminal
 * (a customer named "\x1b[2J" must not clear the screen of whoever lists customers).
 */
import { displayMoney } from '../domain/money-format.js';

/** @deprecated The display form of money is `displayMoney` in domain/money-format.ts; this is the same function. */
export const displayAmount = displayMoney;

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
