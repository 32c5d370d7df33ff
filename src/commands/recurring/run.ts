import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { PartialFailure } from '../../cli/errors.js';
import { UsageError } from '../../cli/errors.js';
import { flag } from '../../cli/flags.js';
import { NUMBERING } from '../../cli/scopes.js';
import { deliveryContext } from '../../cli/delivery-context.js';
import { readIssueFacts } from '../../cli/issue-facts.js';
import { DomainError } from '../../domain/errors.js';
import { formatAmount } from '../../domain/money.js';
import { displayDecimal } from '../../domain/money-format.js';
import { lastSentOn } from '../../domain/outbox.js';
import { duePeriods, issueOccurrence } from '../../domain/recurring.js';
import { computeTotals } from '../../domain/totals.js';
import type { Invoice, StoreDocument } from '../../domain/types.js';
import { toJsonText } from '../../render/json.js';
import { type Store, Unchanged } from '../../store/store.js';
import { plural } from '../../render/text.js';

export interface RecurringRunOptions {
  send: boolean;
  /** With --send: write .eml files to outbox/ instead of sending. */
  eml: boolean;
  dryRun: boolean;
  json: boolean;
}

export function toOptions({ opts }: RawInput): RecurringRunOptions {
  const eml = flag(opts, 'eml');
  if (eml && !flag(opts, 'send')) throw new UsageError('--eml goes with --send');
  return { send: flag(opts, 'send'), eml, dryRun: flag(opts, 'dryRun'), json: flag(opts, 'json') };
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

/**
 * The invoices `--send` emails: those issued by a run asked to send them (this one, or an earlier one whose
 * sending failed) and never sent. An invoice a run without --send issued is never sent here: its owner may
 * have sent it another way. A message still pending in the outbox was asked for too (by a --send run from
 * before invoices recorded it, or by `send`), and goes with them.
 */
function toSend(doc: StoreDocument): string[] {
  const open = (invoice: Invoice) => invoice.status === 'open' || invoice.status === 'partial';
  const pending = new Set(doc.outbox.filter((job) => job.kind === 'invoice' && job.state === 'pending').map((job) => job.invoiceId));
  const requested = (invoice: Invoice) => invoice.recurring?.sendRequested === true || pending.has(invoice.id);
  return doc.invoices.filter((invoice) => invoice.recurring && requested(invoice) && open(invoice) && lastSentOn(doc, invoice, 'invoice') === undefined).map((invoice) => invoice.id);
}

/**
 * Sends what toSend chooses. The invoices are issued by now, so a mail setup that fails (no server, a
 * malformed SMALLPAY_SMTP_URL) is a partial failure of the run like a refused message: each invoice it kept
 * from going out is listed as failed, and the summary is printed.
 */
async function sendIssued(options: RecurringRunOptions, deps: Deps, store: Store, today: string, summary: RunSummary): Promise<void> {
  const { sendInvoices } = await import('../../delivery/deliver.js');
  let chosen: string[] = [];
  try {
    // toSend chooses among open and partly paid invoices; their outbox jobs come with them.
    const sent = await sendInvoices((doc) => {
      chosen = toSend(doc);
      return { kind: 'invoice', invoiceIds: chosen, explicit: false, resend: false, everyDays: 7 };
    }, deliveryContext(deps, store, { eml: options.eml, today }), { invoices: { statuses: ['open', 'partial'] } });
    summary.sent = sent.sent;
    summary.skipped.push(...sent.skipped);
    summary.failed.push(...sent.failed);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    deps.io.err.write(`failed   sending: ${error.message}\n`);
    const doc = await store.read({ invoices: { refs: chosen } });
    for (const id of chosen) {
      const invoice = doc.invoices.find((candidate) => candidate.id === id);
      summary.failed.push({ number: invoice?.number ?? id, error: `not sent: ${error.message}` });
    }
  }
}

export async function run(options: RecurringRunOptions, deps: Deps): Promise<string> {
  const store = await deps.store();
  const today = deps.today();
  const summary: RunSummary = { created: [], sent: [], skipped: [], failed: [] };
  const say = (line: string) => deps.io.err.write(`${line}\n`);
  // The plan needs the schedules, customers and settings only; each schedule's write issues its periods
  // as invoice new does (numbers from the series' counters, a UNIQUE index on each schedule's periods).
  const initial = await store.read({});
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
      const made = await store.update(async (doc) => {
        const schedule = doc.recurring.find((candidate) => candidate.id === id);
        const due = schedule ? duePeriods(schedule, today) : [];
        // Nothing due (the usual daily cron run): no write, so the .bak keeps the version before the last change.
        if (!schedule || due.length === 0) return new Unchanged([]);
        // The logo the invoices freeze, read only when there is something to issue.
        const facts = await readIssueFacts(doc.business);
        return due.map((occurrence) => {
          const invoice = issueOccurrence(doc, schedule, occurrence, { today, id: deps.newId('inv'), facts });
          // Only a run asked to send may send it, now or (when that fails) in a later --send run.
          if (options.send && invoice.recurring) invoice.recurring.sendRequested = true;
          return { schedule: id, period: occurrence.period, date: occurrence.date, number: invoice.number, customer: invoice.customer.id, total: formatAmount(invoice.total, invoice.currency), currency: invoice.currency };
        });
      }, NUMBERING);
      for (const entry of made) say(`issued   ${entry.number} for ${entry.schedule} ${entry.period}: ${displayDecimal(entry.total, entry.currency)} to ${entry.customer}`);
      summary.created.push(...made);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      summary.failed.push({ schedule: id, error: error.message });
      say(`failed   ${id}: ${error.message}`);
    }
  }

  if (options.send) await sendIssued(options, deps, store, today, summary);
  say(`${plural(summary.created.length, 'invoice')} issued${options.send ? `, ${plural(summary.sent.length, 'message')} sent` : ''}, ${summary.failed.length} failed`);
  const output = options.json ? toJsonText(summary, deps.io.stdoutIsTTY) : '';
  if (summary.failed.length > 0) throw new PartialFailure(`${plural(summary.failed.length, 'problem')} in the recurring run (see above)`, output);
  return output;
}
