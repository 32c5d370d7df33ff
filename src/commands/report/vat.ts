import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalString } from '../../cli/flags.js';
import { VAT_BASES, type VatBasis, vatReport } from '../../domain/reports/vat.js';
import { toJsonText } from '../../render/json.js';
import { type ReportOutput, computeReport, reportOutput, reportStyle } from './output.js';
import { type TaxPeriodFlags, taxPeriod, taxPeriodFlags } from './tax-period.js';

export interface VatReportOptions {
  output: ReportOutput;
  basis: VatBasis;
  period: TaxPeriodFlags;
}

export function toOptions({ opts }: RawInput): VatReportOptions {
  const basis = optionalString(opts, 'basis') ?? 'invoice';
  if (!VAT_BASES.includes(basis as VatBasis)) throw new UsageError(`--basis: '${basis}' is not one of ${VAT_BASES.join(', ')}`);
  return { output: reportOutput(opts), basis: basis as VatBasis, period: taxPeriodFlags(opts) };
}

export async function run(options: VatReportOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const period = taxPeriod(options.period, today);
  const report = await computeReport(deps, (doc) => vatReport(doc, { ...period, basis: options.basis, asOf: today }));
  if (options.output.format === 'json') return toJsonText((await import('../../render/report-json.js')).vatJson(report), deps.io.stdoutIsTTY);
  if (options.output.format === 'csv') return (await import('../../render/report-csv.js')).vatCsv(report);
  if (report.rows.length === 0) {
    deps.io.err.write(`No VAT to report from ${period.from} to ${period.to} (${options.basis} basis).\n`);
    return '';
  }
  return (await import('../../render/report-views.js')).renderVat(report, reportStyle(options.output, deps));
}
