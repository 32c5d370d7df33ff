import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalString } from '../../cli/flags.js';
import { CUSTOMER_SORTS, type CustomerSort, customerReport } from '../../domain/reports/customers.js';
import { toJsonText } from '../../render/json.js';
import { type ReportOutput, computeReport, reportOutput, reportPeriod, reportStyle } from './output.js';

export interface CustomersReportOptions {
  output: ReportOutput;
  sort: CustomerSort;
  top?: number;
  period: { from?: string; to?: string };
}

export function toOptions({ opts }: RawInput): CustomersReportOptions {
  const sort = optionalString(opts, 'sort') ?? 'outstanding';
  if (!CUSTOMER_SORTS.includes(sort as CustomerSort)) throw new UsageError(`--sort: '${sort}' is not one of ${CUSTOMER_SORTS.join(', ')}`);
  const top = optionalString(opts, 'top');
  if (top !== undefined && !/^[1-9]\d{0,5}$/.test(top)) throw new UsageError(`--top: '${top}' is not a whole number from 1`);
  return { output: reportOutput(opts), sort: sort as CustomerSort, ...(top !== undefined && { top: Number(top) }), period: reportPeriod(opts) };
}

export async function run(options: CustomersReportOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const { from, to } = options.period;
  const period = from !== undefined || to !== undefined ? { from: from ?? '0000-01-01', to: to ?? today } : undefined;
  const rows = await computeReport(deps, (doc) => customerReport(doc.invoices, today, { sort: options.sort, ...(period && { period }), ...(options.top !== undefined && { top: options.top }) }));
  if (options.output.format === 'json') {
    const { customersJson } = await import('../../render/report-json.js');
    return toJsonText(customersJson(rows, { asOf: today, sort: options.sort, ...(period && { period }), ...(options.top !== undefined && { top: options.top }) }), deps.io.stdoutIsTTY);
  }
  if (options.output.format === 'csv') return (await import('../../render/report-csv.js')).customersCsv(rows);
  if (rows.length === 0) {
    deps.io.err.write('No invoiced customers yet.\n');
    return '';
  }
  return (await import('../../render/report-views.js')).renderCustomers(rows, reportStyle(options.output, deps));
}
