import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { optionalString } from '../../cli/flags.js';
import { customerIdForFilter } from '../../domain/customers.js';
import { aging } from '../../domain/reports/aging.js';
import { toJsonText } from '../../render/json.js';
import { type ReportOutput, computeReport, reportOutput, reportStyle } from './output.js';
import { customerScope } from '../../cli/scopes.js';
import type { StoreScope } from '../../store/store.js';

export interface AgingOptions {
  output: ReportOutput;
  customer?: string;
}

export function toOptions({ opts }: RawInput): AgingOptions {
  const customer = optionalString(opts, 'customer');
  return { output: reportOutput(opts), ...(customer !== undefined && { customer }) };
}

export async function run(options: AgingOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  // Aging counts open and partly paid invoices only; for one customer, theirs (customerIdForFilter).
  const scope = options.customer === undefined ? { invoices: { statuses: ['open', 'partial'] } } satisfies StoreScope : customerScope(options.customer);
  const currencies = await computeReport(deps, (doc) => aging(doc.invoices, today, options.customer === undefined ? undefined : customerIdForFilter(doc, options.customer)), scope);
  if (options.output.format === 'json') return toJsonText((await import('../../render/report-json.js')).agingJson(currencies, today), deps.io.stdoutIsTTY);
  if (options.output.format === 'csv') return (await import('../../render/report-csv.js')).agingCsv(currencies);
  if (currencies.length === 0) {
    deps.io.err.write('Nothing is owed: no open balances.\n');
    return '';
  }
  return (await import('../../render/report-views.js')).renderAging(currencies, reportStyle(options.output, deps));
}
