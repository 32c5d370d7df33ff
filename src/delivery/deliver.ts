/**
 * Emailing invoices and reminders through the outbox (domain/outbox.ts tells the rules):
 *   claim the jobs in one locked write → render each PDF → send it (retrying what may pass) → record the
 *   outcome in a locked write (Committer).
 * PDFs render while earlier messages are on the wire; big batches render on worker threads.
 * Used by `send`, `outbox retry` and `recurring run --send`, which hand over everything it uses (the store,
 * the log, the progress bar, the clock, the formats of amounts and dates) in a DeliveryContext.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { requireBusiness } from '../domain/invoice-issue.js';
import { type Recipients, type RunIdentity, assertSendable, claimRetryableJobs, planSend, recordDelivery, recordFailure } from '../domain/outbox.js';
import type { StartProgress } from '../domain/progress.js';
import type { AttachableFormat } from '../domain/einvoice-attach.js';
import type { Business, Customer, Invoice, SendJob, SendKind, StoreDocument } from '../domain/types.js';
import { type MessageAttachment, assertAttachable, attachFormatsOf, createAttachmentBuilder } from './einvoice-attachments.js';
import { type Mailer, SendFailure, createSmtpMailer, renderEml } from '../mail/mailer.js';
import { type MailRoute, resolveMailRoute, scrub } from '../mail/smtp-config.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import type { InvoicePdf } from '../render/pdf/invoice-pdf.js';
import { type ScopeFrom, type Store, type StoreScope, Unchanged } from '../store/store.js';
import { type MessageFormats, composeMessage, outboxFileOf, previewFileOf } from './message.js';
import { sendWithRetries } from './retry.js';

export interface DeliveryContext {
  store: Store;
  env: Readonly<Record<string, string | undefined>>;
  /** One line of the run's log (stderr). */
  say(line: string): void;
  startProgress: StartProgress;
  today: string;
  /** The Date: of the messages. */
  now(): Date;
  newId: (prefix: string) => string;
  run: RunIdentity;
  formats: MessageFormats;
  /** --eml: write .eml files to outbox/ instead of sending. */
  eml: boolean;
  /** --attach: the e-invoices every invoice sent carries; absent: the setting mail.attach. */
  attach?: AttachableFormat[];
}

export interface SendSelection {
  kind: SendKind;
  /** Invoice ids, in the order to send. */
  invoiceIds: string[];
  /** Numbers were named: a draft or void invoice among them is an error, not a skip. */
  explicit: boolean;
  resend: boolean;
  recipients?: Partial<Recipients>;
  everyDays: number;
}

export interface SentEntry {
  number: string;
  kind: SendKind;
  to: string[];
  messageId: string;
  retry: boolean;
  channel: 'smtp' | 'file';
  file?: string;
}

export interface SendSummary {
  sent: SentEntry[];
  skipped: { number: string; kind: SendKind; reason: string }[];
  failed: { number: string; kind: SendKind; error: string }[];
}

interface ClaimedJob {
  job: SendJob;
  invoice: Invoice;
  retry: boolean;
}

/** What the jobs of a run are sent with beyond the message: the e-invoices to attach. */
interface Claim {
  claimed: ClaimedJob[];
  business: Business;
  formats: AttachableFormat[];
  attachmentsOf: (invoice: Invoice) => Promise<MessageAttachment[]>;
}

interface AttachmentPlan {
  formats: AttachableFormat[];
  customers: Customer[];
}

/** Called inside the claiming write: an invoice that cannot be a valid e-invoice claims nothing. */
function planAttachments(doc: StoreDocument, claimed: readonly ClaimedJob[], business: Business, context: DeliveryContext): AttachmentPlan {
  const formats = attachFormatsOf(context.attach, business);
  if (formats.length === 0) return { formats, customers: [] };
  const invoices = claimed.filter(({ job }) => job.kind === 'invoice').map(({ invoice }) => invoice);
  assertAttachable(doc, invoices, formats, business, context.today);
  return { formats, customers: structuredClone(doc.customers) };
}

async function claimWithAttachments(claimed: ClaimedJob[], business: Business, plan: AttachmentPlan, context: DeliveryContext): Promise<Claim> {
  if (plan.formats.length === 0) return { claimed, business, formats: [], attachmentsOf: async () => [] };
  const attachmentsOf = await createAttachmentBuilder(plan.customers, plan.formats, business, context.today);
  return { claimed, business, formats: plan.formats, attachmentsOf };
}

function bccOf(business: Business): string[] {
  return business.mail?.bcc ? business.mail.bcc.split(',').map((address) => address.trim()) : [];
}

function recipientsFor(invoice: Invoice, business: Business, override: Partial<Recipients> | undefined): Recipients {
  return {
    to: override?.to ?? [invoice.customer.email],
    cc: override?.cc ?? [],
    bcc: [...(override?.bcc ?? []), ...bccOf(business)],
  };
}

function messageDomain(business: Business): string {
  return business.email.split('@')[1] ?? 'smallpay.invalid';
}

/** Plans every chosen invoice; mutates `doc` (claims), so call it inside a locked write or on a copy. */
function planAll(doc: StoreDocument, selection: SendSelection, context: DeliveryContext): { claimed: ClaimedJob[]; summary: SendSummary; business: Business } {
  const business = requireBusiness(doc);
  const summary: SendSummary = { sent: [], skipped: [], failed: [] };
  const claimed: ClaimedJob[] = [];
  for (const id of selection.invoiceIds) {
    const invoice = doc.invoices.find((candidate) => candidate.id === id);
    if (!invoice) continue;
    if (selection.explicit) assertSendable(invoice, selection.kind, context.today);
    const plan = planSend(
      doc,
      invoice,
      {
        kind: selection.kind,
        resend: selection.resend,
        recipients: recipientsFor(invoice, business, selection.recipients),
        today: context.today,
        everyDays: selection.everyDays,
        newJobId: () => context.newId('msg'),
        messageDomain: messageDomain(business),
      },
      context.run,
    );
    if ('skip' in plan) summary.skipped.push({ number: invoice.number ?? invoice.id, kind: selection.kind, reason: plan.skip });
    else claimed.push({ job: structuredClone(plan.job), invoice: structuredClone(invoice), retry: plan.retry });
  }
  return { claimed, summary, business };
}

async function storeMode(path: string): Promise<number | undefined> {
  return stat(path).then((info) => info.mode, () => undefined);
}

/** What to send, decided on the document read inside the locked write that claims the jobs. */
export type ChooseInvoices = (doc: StoreDocument) => SendSelection;

/** Where mail goes; resolved inside the claiming write, so a bad setting (or none) claims nothing. */
function mailRouteIn(doc: StoreDocument, context: DeliveryContext, mode: number | undefined): MailRoute {
  return resolveMailRoute(context.env, requireBusiness(doc), { path: context.store.path, mode }, context.eml);
}

function outboxFolder(context: DeliveryContext): string {
  return join(context.store.filesFolder, 'outbox');
}

/** Renders the PDFs of the jobs, in parallel for big batches, handing each to `use` as it comes. */
async function withPdfs(claimed: ClaimedJob[], business: Business, context: DeliveryContext, facturx: boolean, use: (index: number, pdf: InvoicePdf) => Promise<void>): Promise<void> {
  // --attach facturx makes the mailed PDF the hybrid; otherwise the renderer follows pdf.facturx.
  const options = { business, today: context.today, ...(facturx && { facturx }) };
  const { renderInParallel, workerCount } = await import('../render/pdf/parallel-render.js');
  const workers = workerCount(context.env.SMALLPAY_PDF_WORKERS, claimed.length);
  const invoices = claimed.map((entry) => entry.invoice);
  if (workers > 1) return renderInParallel(invoices, options, workers, use);
  const { createInvoicePdfRenderer } = await import('../render/pdf/invoice-pdf.js');
  const renderer = await createInvoicePdfRenderer(options);
  for (const [index, invoice] of invoices.entries()) await use(index, await renderer.render(invoice));
}

/**
 * At most this many messages on the wire at once (as many as the pool has connections), once one message
 * has gone through: until then they go one by one, so a dead server or a refused login costs one message's
 * attempts, and the rest of the batch is left untouched.
 */
const IN_FLIGHT = 3;

async function deliverClaimed({ claimed, business, formats, attachmentsOf }: Claim, route: MailRoute, context: DeliveryContext, summary: SendSummary): Promise<void> {
  if (claimed.length === 0) return;
  const { Committer } = await import('./committer.js');
  const committer = new Committer(context.store);
  const secrets = route.kind === 'smtp' ? route.secrets : [];
  const folder = outboxFolder(context);
  const mailer: Mailer | undefined = route.kind === 'smtp' ? await createSmtpMailer(route.target, { pooled: true }) : undefined;
  const progress = await context.startProgress(claimed.length, 'Send');
  const inFlight = new Set<Promise<void>>();
  const attempted = new Set<string>();
  // Messages finish in any order; the summary lists them in the order of the batch.
  const sent: (SentEntry | undefined)[] = [];
  const failed: (SendSummary['failed'][number] | undefined)[] = [];
  let stopped: string | undefined;
  let delivered = 0;

  const deliverOne = async ({ job, invoice, retry }: ClaimedJob, index: number, pdf: InvoicePdf): Promise<void> => {
    attempted.add(job.id);
    const label = `${job.number} ${job.kind}`;
    if (stopped) {
      committer.add(job, (doc) => recordFailure(doc, job.id, { error: `not attempted: ${stopped}`, permanent: false, attempted: false }));
      failed[index] = { number: job.number, kind: job.kind, error: `not attempted: ${stopped}` };
      return;
    }
    try {
      // Reminders carry the PDF only: the e-invoice went with the invoice.
      const extra = job.kind === 'invoice' ? await attachmentsOf(invoice) : [];
      const message = composeMessage(job, invoice, { business, pdf: pdf.bytes, extra, today: context.today, date: context.now(), formats: context.formats });
      let response: string;
      let file: string | undefined;
      if (mailer) {
        const onRetry = (failure: SendFailure, delayMs: number) => context.say(`retrying ${label} in ${delayMs / 1000} s: ${scrub(failure.message, secrets)}`);
        response = (await sendWithRetries(() => mailer.send(message), { onRetry })).response;
      } else {
        file = outboxFileOf(folder, job);
        await writeFileAtomic(file, await renderEml(message));
        response = `written to ${file}`;
      }
      delivered += 1;
      committer.add(job, (doc) => recordDelivery(doc, job.id, { at: context.today, response: scrub(response, secrets), channel: mailer ? 'smtp' : 'file' }));
      sent[index] = { number: job.number, kind: job.kind, to: job.to, messageId: job.messageId, retry, channel: mailer ? 'smtp' : 'file', ...(file && { file }) };
      context.say(`sent     ${label} to ${job.to.join(', ')}${retry ? ' (retry of an earlier run)' : ''}${file ? ` → ${file}` : ''}`);
    } catch (error) {
      const failure = error instanceof SendFailure ? error : new SendFailure((error as Error).message, 'setup');
      const reason = scrub(failure.message, secrets);
      if (failure.stopsBatch) stopped = `the server failed: ${reason}`;
      committer.add(job, (doc) => recordFailure(doc, job.id, { error: reason, permanent: failure.permanent, attempted: true }));
      failed[index] = { number: job.number, kind: job.kind, error: reason };
      context.say(`failed   ${label}: ${reason}${failure.permanent ? ' (refused; smallpay outbox retry sends it again)' : ' (kept for the next run)'}`);
    } finally {
      progress.tick(job.number);
    }
  };

  try {
    await withPdfs(claimed, business, context, formats.includes('facturx'), async (index, pdf) => {
      while (inFlight.size >= (delivered > 0 ? IN_FLIGHT : 1)) await Promise.race(inFlight);
      const sending = deliverOne(claimed[index] as ClaimedJob, index, pdf).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    });
    await Promise.all(inFlight);
  } catch (error) {
    // A PDF that cannot be rendered (a logo gone since it was set) stops the batch like a dead server: what
    // went out is recorded, the rest stays pending and is reported as failed.
    stopped = `could not render the PDF: ${(error as Error).message}`;
    context.say(`failed   ${stopped}`);
  } finally {
    await Promise.allSettled(inFlight);
    // Jobs a failure kept from being attempted go back to pending, unclaimed, for the next run.
    for (const [index, { job }] of claimed.entries()) {
      if (attempted.has(job.id)) continue;
      const error = `not attempted: ${stopped ?? 'the run stopped'}`;
      committer.add(job, (doc) => recordFailure(doc, job.id, { error, permanent: false, attempted: false }));
      failed[index] = { number: job.number, kind: job.kind, error };
    }
    progress.stop();
    mailer?.close();
    summary.sent.push(...sent.filter((entry) => entry !== undefined));
    summary.failed.push(...failed.filter((entry) => entry !== undefined));
    await committer.drain();
  }
}

function announceFiles(route: MailRoute, claimed: readonly ClaimedJob[], context: DeliveryContext): void {
  if (route.kind === 'file' && claimed.length > 0) context.say(`Writing the messages as .eml files to ${outboxFolder(context)}; SmallPay sends nothing itself`);
}

/**
 * A claim that claimed nothing and cancelled nothing (every invoice skipped, nothing to retry) leaves the
 * store as it is: a write would rotate the .bak and lose the previous version to a no-op cron run.
 */
function unlessOutboxChanged<T>(doc: StoreDocument, outboxBefore: string, value: T): T | Unchanged<T> {
  return JSON.stringify(doc.outbox) === outboxBefore ? new Unchanged(value) : value;
}

/**
 * `send`: claims, renders and sends the chosen invoices or reminders, reading the store once: `scope` must
 * hold every invoice `choose` may choose (their outbox jobs come with them).
 */
export async function sendInvoices(choose: ChooseInvoices, context: DeliveryContext, scope: StoreScope | ScopeFrom): Promise<SendSummary> {
  const mode = await storeMode(context.store.path);
  const outcome = await context.store.update((doc) => {
    const selection = choose(doc);
    if (selection.invoiceIds.length === 0) return new Unchanged(undefined);
    const route = mailRouteIn(doc, context, mode);
    const outboxBefore = JSON.stringify(doc.outbox);
    const planned = planAll(doc, selection, context);
    const attachments = planAttachments(doc, planned.claimed, planned.business, context);
    return unlessOutboxChanged(doc, outboxBefore, { ...planned, attachments, route });
  }, scope);
  if (!outcome) return { sent: [], skipped: [], failed: [] };
  const { claimed, summary, business, route, attachments } = outcome;
  for (const skip of summary.skipped) context.say(`skipped  ${skip.number} ${skip.kind}: ${skip.reason}`);
  announceFiles(route, claimed, context);
  await deliverClaimed(await claimWithAttachments(claimed, business, attachments, context), route, context, summary);
  return summary;
}

/** `outbox retry`: sends again the pending jobs no live run holds, and the failed ones. */
export async function retryOutbox(context: DeliveryContext): Promise<SendSummary> {
  const mode = await storeMode(context.store.path);
  // The jobs it may claim and their invoices: a job whose invoice is not there is cancelled (staleReason).
  const outcome = await context.store.update((doc) => {
    const outboxBefore = JSON.stringify(doc.outbox);
    const claimed: ClaimedJob[] = [];
    for (const job of claimRetryableJobs(doc, context.run, true, context.today)) {
      const invoice = doc.invoices.find((candidate) => candidate.id === job.invoiceId) as Invoice;
      claimed.push({ job: structuredClone(job), invoice: structuredClone(invoice), retry: true });
    }
    // Nothing to send needs no server; claims made before a bad route is found are not written.
    const business = requireBusiness(doc);
    if (claimed.length === 0) return unlessOutboxChanged(doc, outboxBefore, { claimed, business, attachments: { formats: [], customers: [] }, route: undefined });
    return { claimed, business, attachments: planAttachments(doc, claimed, business, context), route: mailRouteIn(doc, context, mode) };
  }, { invoices: { withActiveJobs: true }, outbox: 'active' });
  const summary: SendSummary = { sent: [], skipped: [], failed: [] };
  if (!outcome.route) return summary;
  announceFiles(outcome.route, outcome.claimed, context);
  await deliverClaimed(await claimWithAttachments(outcome.claimed, outcome.business, outcome.attachments, context), outcome.route, context, summary);
  return summary;
}

/** `send --dry-run`: the messages that would go out, as .eml files in `folder`; nothing is claimed or sent. */
export async function previewInvoices(choose: ChooseInvoices, context: DeliveryContext, folder: string, scope: StoreScope | ScopeFrom): Promise<SendSummary & { files: string[] }> {
  const doc = await context.store.read(scope);
  const { claimed, summary, business } = planAll(doc, choose(doc), context);
  const { attachmentsOf, formats } = await claimWithAttachments(claimed, business, planAttachments(doc, claimed, business, context), context);
  const files: string[] = [];
  await withPdfs(claimed, business, context, formats.includes('facturx'), async (index, pdf) => {
    const { job, invoice } = claimed[index] as ClaimedJob;
    const file = previewFileOf(folder, job, context.today);
    const extra = job.kind === 'invoice' ? await attachmentsOf(invoice) : [];
    const message = composeMessage(job, invoice, { business, pdf: pdf.bytes, extra, today: context.today, date: context.now(), formats: context.formats });
    await writeFileAtomic(file, await renderEml(message));
    files[index] = file;
  });
  return { ...summary, files };
}
