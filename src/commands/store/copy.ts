/**
 * `smallpay store copy --to <store>`: the books of the current store, whole, into an empty store of any
 * engine (issue 13's migration). Read in one snapshot, written with the target's `load` (one transaction, a
 * bulk insert on SQL), then read back from the target and checked: `verify` on the copy, and the copy's
 * counts, money totals, settings, sequences and records compared with the source's.
 *
 * Exit codes: 2 when the request is wrong (a bad --to, the same store, a target that is not empty: nothing is
 * written); 1 when the source cannot be read, the target cannot be written, or the copy fails verify or the
 * comparison (the copy is then left in place for a look, and the source is never changed).
 */
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { PartialFailure, UsageError } from '../../cli/errors.js';
import { parseStoreLocator } from '../../cli/store-locator.js';
import { COUNTED, COUNTED_LABEL, type BooksSummary, recordDifferences, summarizeBooks, summaryDifferences } from '../../domain/books-summary.js';
import { refused } from '../../domain/errors.js';
import { displayMoney, formatAmount } from '../../domain/money-format.js';
import { verifyStore } from '../../domain/verify.js';
import { StoreError } from '../../store/errors.js';
import type { StoreLocator } from '../../store/store.js';
import { toJsonText } from '../../render/json.js';
import { cell, plural } from '../../render/text.js';

export interface StoreCopyOptions {
  to: string;
  json: boolean;
}

export function toOptions({ opts }: RawInput): StoreCopyOptions {
  const to = typeof opts.to === 'string' ? opts.to : '';
  if (to.trim() === '') throw new UsageError('store copy: say where to with --to <store>', 'as in --to sqlite:books.db');
  return { to, json: opts.json === true };
}

interface CheckResult {
  name: string;
  ok: boolean;
  problems: string[];
}

function sameStore(a: StoreLocator, b: StoreLocator): boolean {
  if (a.engine === 'postgres' || b.engine === 'postgres') return a.engine === b.engine && a.label === b.label;
  return a.engine === b.engine && a.path === b.path;
}

export async function run(options: StoreCopyOptions, deps: Deps): Promise<string> {
  const fromLocator = deps.storeLocator();
  const toLocator = parseStoreLocator(options.to, deps.env);
  if (sameStore(fromLocator, toLocator)) throw new UsageError(`store copy: --to names the store being copied (${toLocator.label})`);
  const source = await deps.store();
  if (!(await source.exists())) throw new StoreError('io', `store ${source.path} does not exist: nothing to copy`);
  const doc = await source.read({ invoices: 'all', outbox: 'all', audit: 'all' });

  const target = await deps.openStoreAt(toLocator, { createSchema: true });
  try {
    // A database without the schema yet (or without this business) has nothing in it; its reads would say the schema is missing.
    if ((await target.exists()) && !(await target.isEmpty())) throw refused(`store ${target.path} is not empty: store copy writes only into an empty store; nothing was copied`, 'name a new file or an empty database');
    await target.load(doc);
    const copied = await target.readForCheck();
    const checks: CheckResult[] = [{ name: 'schema', problems: copied.problems }, ...(copied.doc ? verifyStore(copied.doc, deps.runIdentity()) : [])].map(withOk);
    const sourceSummary = summarizeBooks(doc);
    const copySummary = copied.doc ? summarizeBooks(copied.doc) : undefined;
    const comparison = copied.doc && copySummary ? [...summaryDifferences(sourceSummary, copySummary, displayMoney), ...recordDifferences(doc, copied.doc)] : ['the copy could not be read back'];
    checks.push(withOk({ name: 'comparison', problems: comparison }));
    const ok = checks.every((check) => check.ok);

    const report = { ok, from: { store: source.path, engine: source.engine }, to: { store: target.path, engine: target.engine }, counts: countsJson(sourceSummary, copySummary), totals: totalsJson(sourceSummary, copySummary), checks };
    const summary = summaryText(report, sourceSummary);
    if (!options.json) deps.io.err.write(summary);
    const output = options.json ? toJsonText(report, deps.io.stdoutIsTTY) : '';
    if (!ok) {
      const count = checks.reduce((sum, check) => sum + check.problems.length, 0);
      throw new PartialFailure(`the copy in ${target.path} failed its check: ${plural(count, 'problem')}; the source was not changed, the copy is left for a look`, output);
    }
    deps.io.err.write(`Copied ${source.path} to ${target.path}: verified, same counts and totals\n`);
    return output;
  } finally {
    await target.close();
  }
}

function withOk(check: { name: string; problems: string[] }): CheckResult {
  return { name: check.name, ok: check.problems.length === 0, problems: check.problems };
}

function countsJson(source: BooksSummary, copy: BooksSummary | undefined) {
  return Object.fromEntries(COUNTED.map((key) => [key, { source: source.counts[key], copy: copy ? copy.counts[key] : null }]));
}

function totalsJson(source: BooksSummary, copy: BooksSummary | undefined) {
  const currencies = [...new Set([...Object.keys(source.totals), ...Object.keys(copy?.totals ?? {})])].sort();
  return currencies.map((currency) => {
    const pair = (field: 'invoiced' | 'paid' | 'balance') => ({
      source: formatAmount(source.totals[currency]?.[field] ?? 0, currency),
      copy: copy ? formatAmount(copy.totals[currency]?.[field] ?? 0, currency) : null,
    });
    return { currency, invoiced: pair('invoiced'), paid: pair('paid'), balance: pair('balance') };
  });
}

function summaryText(report: { from: { store: string; engine: string }; to: { store: string; engine: string }; checks: CheckResult[] }, source: BooksSummary): string {
  const lines = [`Copy of ${report.from.store} (${report.from.engine}) in ${report.to.store} (${report.to.engine}):`];
  for (const key of COUNTED) lines.push(`  ${COUNTED_LABEL[key].padEnd(14)}${String(source.counts[key]).padStart(10)}`);
  for (const [currency, sums] of Object.entries(source.totals)) {
    lines.push(`  ${currency}  invoiced ${displayMoney(sums.invoiced, currency)}, paid ${displayMoney(sums.paid, currency)}, balance ${displayMoney(sums.balance, currency)}`);
  }
  for (const check of report.checks) {
    lines.push(check.ok ? `ok      ${check.name}` : `FAILED  ${check.name}`);
    for (const problem of check.problems) lines.push(`        ${cell(problem)}`);
  }
  return `${lines.join('\n')}\n`;
}
