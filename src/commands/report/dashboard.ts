import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { dashboardFacts } from '../../domain/reports/dashboard-facts.js';
import { type CurrencyDashboard, type DashboardFacts, type Period, dashboardFromFacts, defaultPeriod } from '../../domain/reports/dashboard.js';
import type { StoreDocument } from '../../domain/types.js';
import { toJsonText } from '../../render/json.js';
import { type ReportOutput, reportOutput, reportPeriod, reportStyle, timedReport } from './output.js';

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
 * the domain's from every invoice; then the dashboard. The domain's facts count as the report's own time.
 */
function dashboardOf(deps: Deps, period: Period, today: string): Promise<CurrencyDashboard[]> {
  return timedReport<DashboardFacts | StoreDocument, CurrencyDashboard[]>(
    deps,
    (store) => store.dashboardFacts?.(period, today) ?? store.read(),
    (loaded) => dashboardFromFacts('invoices' in loaded ? dashboardFacts(loaded.invoices, period, today) : loaded, period, today),
  );
}
