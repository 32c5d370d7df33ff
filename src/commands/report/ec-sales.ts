import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { ecSalesList } from '../../domain/reports/ec-sales.js';
import { toJsonText } from '../../render/json.js';
import { cell } from '../../render/text.js';
import { type ReportOutput, computeReport, reportOutput, reportStyle } from './output.js';
import { type TaxPeriodFlags, taxPeriod, taxPeriodFlags } from './tax-period.js';

export interface EcSalesOptions {
  output: ReportOutput;
  period: TaxPeriodFlags;
}

export function toOptions({ opts }: RawInput): EcSalesOptions {
  return { output: reportOutput(opts), period: taxPeriodFlags(opts) };
}

export async function run(options: EcSalesOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const period = taxPeriod(options.period, today);
  const list = await computeReport(deps, (doc) => ecSalesList(doc, { ...period, asOf: today }));
  const missing = list.rows.filter((row) => row.buyerVatId === null).map((row) => cell(row.buyerName));
  if (missing.length > 0) deps.io.err.write(`warning: no buyer VAT id on the documents of ${missing.join(', ')}: the EC sales list needs one (smallpay customer edit <id> --tax-id …)\n`);
  if (options.output.format === 'json') return toJsonText((await import('../../render/report-json.js')).ecSalesJson(list), deps.io.stdoutIsTTY);
  if (options.output.format === 'csv') return (await import('../../render/report-csv.js')).ecSalesCsv(list);
  if (list.rows.length === 0) {
    deps.io.err.write(`No reverse-charge services or intra-community supplies from ${period.from} to ${period.to}.\n`);
    return '';
  }
  return (await import('../../render/report-views.js')).renderEcSales(list, reportStyle(options.output, deps));
}
