/**
 * The periods of a VAT return: a calendar quarter ("2026-Q4" → 2026-10-01 … 2026-12-31), a month
 * ("2026-11" → 2026-11-01 … 2026-11-30), or any range. Without one, the tax reports cover the last complete
 * quarter before today — the one whose return is due: on 2026-11-25 that is 2026-Q3 (2026-07-01 … 2026-09-30),
 * on 2027-01-10 it is 2026-Q4.
 */
import { FIRST_DATE, monthEnd, monthIndex, monthOfIndex } from '../dates.js';
import { invalid } from '../errors.js';
import type { Period } from './dashboard.js';

const QUARTER = /^(\d{4})-Q([1-4])$/i;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-Q4" → { from: "2026-10-01", to: "2026-12-31" }; `field` names the flag in the error. */
export function quarterPeriod(text: string, field: string): Period {
  const match = QUARTER.exec(text.trim());
  if (!match || `${match[1]}-01-01` < FIRST_DATE) throw invalid(`${field}: '${text}' is not a quarter (use YYYY-Qn, e.g. 2026-Q4)`);
  return quarterOf((Number(match[1]) * 12 + (Number(match[2]) - 1) * 3));
}

/** "2026-11" → { from: "2026-11-01", to: "2026-11-30" }. */
export function monthPeriod(text: string, field: string): Period {
  const match = MONTH.exec(text.trim());
  if (!match || `${match[1]}-01-01` < FIRST_DATE) throw invalid(`${field}: '${text}' is not a month (use YYYY-MM, e.g. 2026-11)`);
  const from = `${match[1]}-${match[2]}-01`;
  return { from, to: monthEnd(from) };
}

/** The last complete quarter before the quarter of `today`. */
export function lastCompleteQuarter(today: string): Period {
  const index = monthIndex(today);
  return quarterOf(index - (index % 3) - 3);
}

/** The quarter starting at a month index (see dates.ts `monthIndex`). */
function quarterOf(firstMonth: number): Period {
  const from = `${monthOfIndex(firstMonth)}-01`;
  return { from, to: monthEnd(`${monthOfIndex(firstMonth + 2)}-01`) };
}
