import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { PartialFailure } from '../../cli/errors.js';
import { flag } from '../../cli/flags.js';
import { currentRun } from '../../cli/run-identity.js';
import { DomainError } from '../../domain/errors.js';
import { formatAmount } from '../../domain/money.js';
import { displayDecimal } from '../../domain/money-format.js';
import { lastSentOn } from '../../domain/outbox.js';
import { duePeriods, issueOccurrence } from '../../domain/recurring.js';
import { computeTotals } from '../../domain/totals.js';
import type { StoreDocument } from '../../domain/types.js';
import { toJsonText } from '../../render/json.js';
import { plural } from '../../render/text.js';

export interface RecurringRunOptions {
  send: boolean;
  dryRun: boolean;
  json: boolean;
}

export function toOptions({ opts }: RawInput): RecurringRunOptions {
  return { send: flag(opts, 'send'), dryRun: flag(opts, 'dryRun'), json: flag(opts, 'json') };
}

interface Created {
  schedule: string;
  period: string;
  date: string;
  number: string | null;
  customer: string;
  total: string;
  currency: string;
}

interface RunSummary {
  created: Created[];
  sent: unknown[];
  skipped: { schedule?: string; number?: string; reason: string }[];
  failed: { schedule?: string; number?: string; error: string }[];
}

/** What a run would issue: every due period of every active schedule, with its total; and what would fail. */
function plan(doc: StoreDocument, today: string, failed: RunSummary['failed']): Created[] {
  return doc.recurring.flatMap((schedule) => {
    const due = duePeriods(schedule, today);
    if (due.length > 0 && !doc.customers.some((c) => c.id === schedule.customer)) {
      failed.push({ schedule: schedule.id, error: `customer '${schedule.customer}' no longer exists` });
      return [];
    }
    return due.map((occurrence) => {
      const currency = schedule.currency ?? doc.customers.find((c) => c.id === schedule.customer)?.currency ?? doc.business?.currency ?? 'EUR';
      return {
        schedule: schedule.id,
        period: occurrence.period,
        date: occurrence.date,
        number: null,
        customer: schedule.customer,
        total: formatAmount(computeTotals(schedule.items, currency).total, currency),
        currency,
      };
    });
  });
}

export async function run(options: RecurringRunOptions, deps: Deps): Promise<string> {
  const store = await deps.store();
  const today = deps.today();
  const summary: RunSummary = { created: [], sent: [], skipped: [], failed: [] };
  const say = (line: string) => deps.io.err.write(`${line}\n`);
  const initial = await store.read();
  for (const schedule of initial.recurring) if (schedule.status === 'paused') summary.skipped.push({ schedule: schedule.id, reason: 'paused' });

  if (options.dryRun) {
    summary.created = plan(initial, today, summary.failed);
    for (const entry of summary.created) say(`would issue  ${entry.schedule} ${entry.period} (${entry.date}) to ${entry.customer}: ${displayDecimal(entry.total, entry.currency)}`);
    for (const entry of summary.failed) say(`would fail   ${entry.schedule}: ${entry.error}`);
    say(`Dry run: ${plural(summary.created.length, 'invoice')} would be issued; nothing was changed`);
    return options.json ? toJsonText({ ...summary, dryRun: true }, deps.io.stdoutIsTTY) : '';
  }

  // One locked write per schedule: its due periods and their invoices are recorded together, so a run
  // killed half-way leaves whole schedules done and the next run does the rest.
  for (const { id } of initial.recurring) {
    try {
      const made = await store.update((doc) => {
        const schedule = doc.recurring.find((candidate) => candidate.id === id);
        if (!schedule) return [];
        return duePeriods(schedule, today).map((occurrence) => {
          const invoice = issueOccurrence(doc, schedule, occurrence, { today, id: deps.newId('inv') });
          return { schedule: id, period: occurrence.period, date: occurrence.date, number: invoice.number, customer: invoice.customer.id, total: formatAmount(invoice.total, invoice.currency), currency: invoice.currency };
        });
      });
      for (const entry of made) say(`issued   ${entry.number} for ${entry.schedule} ${entry.period}: ${displayDecimal(entry.total, entry.currency)} to ${entry.customer}`);
      summary.created.push(...made);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      summary.failed.push({ schedule: id, error: error.message });
      say(`failed   ${id}: ${error.message}`);
    }
  }

  if (options.send) {
    // The new invoices, and any earlier ones of schedules that never went out (a send that failed before).
    const unsent = (doc: StoreDocument) =>
      doc.invoices.filter((invoice) => invoice.recurring && (invoice.status === 'open' || invoice.status === 'partial') && lastSentOn(doc, invoice, 'invoice') === undefined).map((invoice) => invoice.id);
    const { sendInvoices } = await import('../../delivery/deliver.js');
    const sent = await sendInvoices((doc) => ({ kind: 'invoice', invoiceIds: unsent(doc), explicit: false, resend: false, everyDays: 7 }), {
      store,
      env: deps.env,
      io: deps.io,
      today,
      newId: deps.newId,
      run: currentRun(),
    });
    summary.sent = sent.sent;
    summary.skipped.push(...sent.skipped);
    summary.failed.push(...sent.failed);
  }
  say(`${plural(summary.created.length, 'invoice')} issued${options.send ? `, ${plural(summary.sent.length, 'message')} sent` : ''}, ${summary.failed.length} failed`);
  const output = options.json ? toJsonText(summary, deps.io.stdoutIsTTY) : '';
  if (summary.failed.length > 0) throw new PartialFailure(`${plural(summary.failed.length, 'problem')} in the recurring run (see above)`, output);
  return output;
}
