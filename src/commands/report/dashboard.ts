import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { dashboardFacts } from '../../domain/reports/dashboard-facts.js';
import { type CurrencyDashboard, type Period, dashboardFromFacts, defaultPeriod } from '../../domain/reports/dashboard.js';
import { toJsonText } from '../../render/json.js';
import { type ReportOutput, reportOutput, reportPeriod, reportStyle } from './output.js';

export interface DashboardOptions {
  output: ReportOutput;
  period: { from?: string; to?: string };
}

export function toOptions({ opts }: RawInput): DashboardOptions {
  return { output: reportOutput(opts), period: reportPeriod(opts) };
}

export async function run(options: DashboardOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const fallback = defaultPeriod(options.period.to ?? today);
  const period: Period = { from: options.period.from ?? fallback.from, to: options.period.to ?? today };
  const currencies = await dashboardOf(deps, period, today);
  if (options.output.format === 'json') {
    const { dashboardJson } = await import('../../render/report-json.js');
    return toJsonText(dashboardJson(currencies, period, today), deps.io.stdoutIsTTY);
  }
  if (options.output.format === 'csv') return (await import('../../render/report-csv.js')).dashboardCsv(currencies);
  if (currencies.length === 0) {
    deps.io.err.write('No invoices yet: nothing to report.\n');
    return '';
  }
  const { renderDashboard } = await import('../../render/report-views.js');
  return renderDashboard(currencies, period, reportStyle(options.output, deps));
}

/**
 * The facts from the store when it can compute them itself (a database, from its indexes: issue 13), else
 * from every invoice by the domain; then the dashboard. SMALLPAY_TIMINGS times both stages for the benchmark.
 */
async function dashboardOf(deps: Deps, period: Period, today: string): Promise<CurrencyDashboard[]> {
  const started = performance.now();
  const store = await deps.store();
  // "load" is the engine's share: its sums for a database, reading the file for JSON (bench/report.mjs).
  const invoices = store.dashboardFacts ? undefined : (await store.read()).invoices;
  const fromStore = invoices === undefined ? await store.dashboardFacts!(period, today) : undefined;
  const loaded = performance.now();
  const currencies = dashboardFromFacts(fromStore ?? dashboardFacts(invoices!, period, today), period, today);
  if (deps.env.SMALLPAY_TIMINGS) deps.io.err.write(`timings: load ${(loaded - started).toFixed(1)} ms, report ${(performance.now() - loaded).toFixed(1)} ms\n`);
  return currencies;
}
