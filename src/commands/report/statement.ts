import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { singleArgument } from '../../cli/flags.js';
import { customerIdForFilter } from '../../domain/customers.js';
import { statement } from '../../domain/reports/statement.js';
import { toJsonText } from '../../render/json.js';
import { type ReportOutput, computeReport, reportOutput, reportPeriod, reportStyle } from './output.js';
import { customerScope } from '../../cli/scopes.js';

export interface StatementOptions {
  output: ReportOutput;
  customer: string;
  period: { from?: string; to?: string };
}

export function toOptions({ args, opts }: RawInput): StatementOptions {
  return { output: reportOutput(opts), customer: singleArgument(args, 'customer id or email'), period: reportPeriod(opts) };
}

export async function run(options: StatementOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const period = { ...options.period, to: options.period.to ?? today };
  const { customer, currencies } = await computeReport(deps, (doc) => {
    const id = customerIdForFilter(doc, options.customer);
    const live = doc.customers.find((c) => c.id === id);
    const frozen = doc.invoices.find((invoice) => invoice.customer.id === id)?.customer;
    const who = live ?? frozen ?? { id, name: id, email: '' };
    return { customer: { id: who.id, name: who.name, email: who.email }, currencies: statement(doc.invoices, id, period) };
  }, customerScope(options.customer));
  if (options.output.format === 'json') return toJsonText((await import('../../render/report-json.js')).statementJson(customer, currencies, { asOf: today, ...period }), deps.io.stdoutIsTTY);
  if (options.output.format === 'csv') return (await import('../../render/report-csv.js')).statementCsv(currencies);
  if (currencies.length === 0) {
    deps.io.err.write(`No invoices for ${customer.id}.\n`);
    return '';
  }
  return (await import('../../render/report-views.js')).renderStatement(customer, currencies, reportStyle(options.output, deps));
}
