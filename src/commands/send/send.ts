import { join } from 'node:path';
import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { PartialFailure, UsageError } from '../../cli/errors.js';
import { flag, optionalDate, optionalString } from '../../cli/flags.js';
import { deliveryContext } from '../../cli/delivery-context.js';
import { customerScope } from '../../cli/scopes.js';
import { customerIdForFilter } from '../../domain/customers.js';
import { type AttachableFormat, parseAttachFormats } from '../../domain/einvoice-attach.js';
import { emailAddresses, termsDays } from '../../domain/fields.js';
import { type InvoiceFilter, selectInvoices } from '../../domain/invoice-query.js';
import { findInvoice } from '../../domain/invoices.js';
import { isCreditNote } from '../../domain/status.js';
import { type Recipients, lastSentOn } from '../../domain/outbox.js';
import type { SendKind, StoreDocument } from '../../domain/types.js';
import { toJsonText } from '../../render/json.js';
import { plural } from '../../render/text.js';
import type { SendSelection, SendSummary } from '../../delivery/deliver.js';
import type { ScopeFrom, StoreScope } from '../../store/store.js';

type Mode = { kind: 'numbers'; invoices: string[]; reminder: boolean } | { kind: 'unsent' } | { kind: 'overdue' };

export interface SendOptions {
  mode: Mode;
  filter: Omit<InvoiceFilter, 'customerId' | 'status'>;
  customer?: string;
  recipients?: Partial<Recipients>;
  everyDays: number;
  resend: boolean;
  dryRun: boolean;
  /** Write .eml files to outbox/ instead of sending. */
  eml: boolean;
  json: boolean;
  /** --attach, repeatable: the e-invoices to attach instead of the setting mail.attach. */
  attach?: AttachableFormat[];
}

export function toOptions({ args, opts }: RawInput): SendOptions {
  const unsent = flag(opts, 'unsent');
  const overdue = flag(opts, 'overdue');
  const modes = [args.length > 0, unsent, overdue].filter(Boolean).length;
  if (modes === 0) throw new UsageError('say what to send: invoice numbers, --unsent or --overdue');
  if (modes > 1) throw new UsageError('give invoice numbers, --unsent or --overdue: one of them');
  const batch = unsent || overdue;
  const to = optionalString(opts, 'to');
  const cc = optionalString(opts, 'cc');
  const bcc = optionalString(opts, 'bcc');
  if (!batch && (opts.customer !== undefined || opts.from !== undefined)) throw new UsageError('--customer and --from go with --unsent or --overdue');
  if (batch && (cc !== undefined || bcc !== undefined)) throw new UsageError('--cc and --bcc go with one invoice, not with --unsent or --overdue');
  if (!batch && args.length > 1 && (to !== undefined || cc !== undefined || bcc !== undefined)) throw new UsageError('--to, --cc and --bcc go with one invoice only');
  if (flag(opts, 'eml') && flag(opts, 'dryRun')) throw new UsageError('--eml and --dry-run: one of them (--dry-run writes .eml files to dry-run/ and marks nothing sent)');
  if (opts.reminder === true && batch) throw new UsageError('--reminder goes with invoice numbers; --overdue sends reminders already');
  const customer = optionalString(opts, 'customer');
  const attach = Array.isArray(opts.attach) ? parseAttachFormats((opts.attach as string[]).join(','), '--attach') : undefined;
  const from = optionalDate(opts, 'from', '--from');
  // --to is the last issue date in a batch, and the recipients of a single invoice.
  const until = batch ? optionalDate(opts, 'to', '--to') : undefined;
  const recipients: Partial<Recipients> = {
    ...(!batch && to !== undefined && { to: emailAddresses(to, '--to') }),
    ...(cc !== undefined && { cc: emailAddresses(cc, '--cc') }),
    ...(bcc !== undefined && { bcc: emailAddresses(bcc, '--bcc') }),
  };
  return {
    mode: unsent ? { kind: 'unsent' } : overdue ? { kind: 'overdue' } : { kind: 'numbers', invoices: args, reminder: opts.reminder === true },
    filter: { ...(from !== undefined && { from }), ...(until !== undefined && { to: until }) },
    ...(customer !== undefined && { customer }),
    ...(Object.keys(recipients).length > 0 && { recipients }),
    everyDays: Math.max(1, termsDays(optionalString(opts, 'every') ?? '7', '--every')),
    resend: flag(opts, 'resend'),
    dryRun: flag(opts, 'dryRun'),
    eml: flag(opts, 'eml'),
    json: flag(opts, 'json'),
    ...(attach !== undefined && { attach }),
  };
}

function selection(doc: StoreDocument, options: SendOptions, today: string): SendSelection {
  const base = { resend: options.resend, everyDays: options.everyDays, ...(options.recipients && { recipients: options.recipients }) };
  const { mode } = options;
  if (mode.kind === 'numbers') {
    const kind: SendKind = mode.reminder ? 'reminder' : 'invoice';
    return { ...base, kind, explicit: true, invoiceIds: mode.invoices.map((reference) => findInvoice(doc, reference).id) };
  }
  const filter: InvoiceFilter = {
    ...options.filter,
    status: mode.kind === 'overdue' ? 'overdue' : undefined,
    ...(options.customer !== undefined && { customerId: customerIdForFilter(doc, options.customer) }),
  };
  let invoices = selectInvoices(doc.invoices, filter, today).filter((invoice) => invoice.status === 'open' || invoice.status === 'partial' || (mode.kind === 'unsent' && isCreditNote(invoice) && invoice.status === 'issued'));
  if (mode.kind === 'unsent' && !options.resend) invoices = invoices.filter((invoice) => lastSentOn(doc, invoice, 'invoice') === undefined);
  return { ...base, kind: mode.kind === 'overdue' ? 'reminder' : 'invoice', explicit: false, invoiceIds: invoices.map((invoice) => invoice.id) };
}

/**
 * Every invoice `selection` may choose, with its outbox jobs: those named; else one condition of the batch
 * (the filter narrows it): the customer's invoices, or the open and partly paid ones, with --unsent also the
 * credit notes (status issued, which only credit notes have).
 */
function scopeOf(options: SendOptions): StoreScope | ScopeFrom {
  const { mode } = options;
  if (mode.kind === 'numbers') return { invoices: { refs: mode.invoices } };
  if (options.customer !== undefined) return customerScope(options.customer);
  return { invoices: { statuses: mode.kind === 'unsent' ? ['open', 'partial', 'issued'] : ['open', 'partial'] } };
}

function summaryLine(summary: SendSummary): string {
  return `${plural(summary.sent.length, 'message')} sent, ${summary.skipped.length} skipped, ${summary.failed.length} failed`;
}

export async function run(options: SendOptions, deps: Deps): Promise<string> {
  const store = await deps.store();
  const today = deps.today();
  const chosen = (doc: StoreDocument) => selection(doc, options, today);
  const { previewInvoices, sendInvoices } = await import('../../delivery/deliver.js');
  const context = deliveryContext(deps, store, { eml: options.eml, today, ...(options.attach && { attach: options.attach }) });

  if (options.dryRun) {
    const folder = join(store.filesFolder, 'dry-run');
    const preview = await previewInvoices(chosen, context, folder, scopeOf(options));
    for (const skip of preview.skipped) deps.io.err.write(`skipped  ${skip.number} ${skip.kind}: ${skip.reason}\n`);
    deps.io.err.write(`Dry run: nothing sent; ${plural(preview.files.length, 'message')} written to ${folder}\n`);
    if (options.json) return toJsonText({ sent: [], skipped: preview.skipped, failed: [], dryRun: true, folder, files: preview.files }, deps.io.stdoutIsTTY);
    return preview.files.map((file) => `${file}\n`).join('');
  }

  const summary = await sendInvoices(chosen, context, scopeOf(options));
  deps.io.err.write(`${summaryLine(summary)}\n`);
  const output = options.json ? toJsonText(summary, deps.io.stdoutIsTTY) : '';
  if (summary.failed.length > 0) throw new PartialFailure(`${plural(summary.failed.length, 'message')} could not be sent (${summaryLine(summary)})`, output);
  return output;
}
