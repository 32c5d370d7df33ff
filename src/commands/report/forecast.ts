import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalString } from '../../cli/flags.js';
import { forecast, forecastMethod } from '../../domain/reports/forecast.js';
import { toJsonText } from '../../render/json.js';
import { type ReportOutput, computeReport, reportOutput, reportStyle } from './output.js';

export interface ForecastOptions {
  output: ReportOutput;
  weeks: number;
}

export function toOptions({ opts }: RawInput): ForecastOptions {
  const weeks = optionalString(opts, 'weeks') ?? '12';
  if (!/^\d{1,3}$/.test(weeks) || Number(weeks) < 1 || Number(weeks) > 104) throw new UsageError(`--weeks: '${weeks}' is not a number of weeks from 1 to 104`);
  return { output: reportOutput(opts), weeks: Number(weeks) };
}

export async function run(options: ForecastOptions, deps: Deps): Promise<string> {
  const today = deps.today();
  const result = await computeReport(deps, (doc) => forecast(doc.invoices, today, options.weeks));
  const method = forecastMethod(result.averageDelay);
  if (options.output.format === 'json') return toJsonText((await import('../../render/report-json.js')).forecastJson(result, { asOf: today, weeks: options.weeks, method }), deps.io.stdoutIsTTY);
  if (options.output.format === 'csv') return (await import('../../render/report-csv.js')).forecastCsv(result);
  if (result.currencies.length === 0) {
    deps.io.err.write('Nothing is owed: no cash to expect.\n');
    return '';
  }
  return (await import('../../render/report-views.js')).renderForecast(result, method, reportStyle(options.output, deps));
}
