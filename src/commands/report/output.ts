/** What the report commands share: the output format, the chart decision, and optional timings. */
import { UsageError } from '../../cli/errors.js';
import { optionalDateRange } from '../../cli/flags.js';
import type { Deps } from '../../cli/deps.js';
import type { StoreDocument } from '../../domain/types.js';
import type { ReportStyle } from '../../render/report-views.js';
import type { ScopeFrom, Store, StoreScope } from '../../store/store.js';

export type ReportFormat = 'human' | 'json' | 'csv';

export interface ReportOutput {
  format: ReportFormat;
  /** true or false when --chart or --no-chart was given; else undefined: a terminal decides. */
  chart?: boolean;
}

export function reportOutput(opts: Record<string, unknown>): ReportOutput {
  if (opts.json === true && opts.csv === true) throw new UsageError('--json and --csv cannot be used together');
  const format: ReportFormat = opts.json === true ? 'json' : opts.csv === true ? 'csv' : 'human';
  return { format, ...(typeof opts.chart === 'boolean' && { chart: opts.chart }) };
}

export const reportPeriod = optionalDateRange;

/** Charts on a terminal, or when asked with --chart (a cron job mailing the report); never with --no-chart. */
export function reportStyle(output: ReportOutput, deps: Deps): ReportStyle {
  return { stdoutIsTTY: deps.io.stdoutIsTTY, color: deps.io.color, columns: deps.io.columns, chart: output.chart ?? deps.io.stdoutIsTTY };
}

/**
 * Reads the store (the whole books unless `scope` holds all the report looks at) and computes the report,
 * timing both when SMALLPAY_TIMINGS is set (for the benchmark: the report's own time, apart from loading).
 */
export function computeReport<T>(deps: Deps, compute: (doc: StoreDocument) => T, scope?: StoreScope | ScopeFrom): Promise<T> {
  return timedReport(deps, (store) => store.read(scope), compute);
}

/** `load` what the report needs from the store, then `compute` it; SMALLPAY_TIMINGS times the two apart. */
export async function timedReport<L, T>(deps: Deps, load: (store: Store) => Promise<L>, compute: (loaded: L) => T): Promise<T> {
  const started = performance.now();
  const loadedValue = await load(await deps.store());
  const loaded = performance.now();
  const result = compute(loadedValue);
  if (deps.env.SMALLPAY_TIMINGS) deps.io.err.write(`timings: load ${(loaded - started).toFixed(1)} ms, report ${(performance.now() - loaded).toFixed(1)} ms\n`);
  return result;
}
