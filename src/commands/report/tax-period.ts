/**
 * The period flags of the tax reports (vat, ec-sales): --quarter YYYY-Qn, --month YYYY-MM, or --from/--to;
 * one group only. --from alone runs to today, --to alone from the beginning; none: the last complete
 * quarter (domain/reports/tax-period.ts).
 */
import { UsageError } from '../../cli/errors.js';
import { exclusive, optionalString } from '../../cli/flags.js';
import { FIRST_DATE } from '../../domain/dates.js';
import type { Period } from '../../domain/reports/dashboard.js';
import { lastCompleteQuarter, monthPeriod, quarterPeriod } from '../../domain/reports/tax-period.js';
import { reportPeriod } from './output.js';

/** A period fixed by the flags, or the ends given (either may be missing), resolved against today by `taxPeriod`. */
export type TaxPeriodFlags = { period: Period } | { from?: string; to?: string };

export function taxPeriodFlags(opts: Record<string, unknown>): TaxPeriodFlags {
  exclusive(opts, ['quarter', 'month'], ['quarter', 'from'], ['quarter', 'to'], ['month', 'from'], ['month', 'to']);
  const quarter = optionalString(opts, 'quarter');
  if (quarter !== undefined) return { period: quarterPeriod(quarter, '--quarter') };
  const month = optionalString(opts, 'month');
  if (month !== undefined) return { period: monthPeriod(month, '--month') };
  return reportPeriod(opts);
}

export function taxPeriod(flags: TaxPeriodFlags, today: string): Period {
  if ('period' in flags) return flags.period;
  const { from, to } = flags;
  if (from === undefined && to === undefined) return lastCompleteQuarter(today);
  if (from !== undefined && to === undefined && from > today) throw new UsageError(`--from ${from} is after today (${today})`, 'give --to as well');
  return { from: from ?? FIRST_DATE, to: to ?? today };
}
