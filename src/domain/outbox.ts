/**
 * The outbox: how an invoice or a reminder is emailed exactly once.
 *
 *   1. In one locked write, a job is created (or an old pending one taken over) and claimed by this run:
 *      state pending, a Message-ID fixed for good, the claim naming the process.
 *   2. The message goes to the SMTP server.
 *   3. In one locked write the job becomes sent and the invoice's history records it.
 *
 * Two runs never send the same job: claims are taken under the store's lock, and a job claimed by a live
 * run is left alone. A run that died between 2 and 3 leaves its job pending with a dead claim: the next run
 * sends it again with the same Message-ID (mail clients drop the duplicate) and reports it as a retry.
 * Temporary failures leave the job pending for the next run; permanent ones (5xx) mark it failed, and only
 * `smallpay outbox retry` or `send --resend` send it again.
 */
import { addDays, daysBetween } from './dates.js';
import { refused } from './errors.js';
import { withoutControls } from './fields.js';
import { invoiceLabel } from './invoices.js';
import { isOverdue } from './status.js';
import type { Invoice, SendJob, SendKind, StoreDocument } from './types.js';

/** A claim from another machine counts as abandoned after this long (a live run finishes well before). */
export const FOREIGN_CLAIM_LIFETIME_MS = 60 * 60 * 1000;
/** A claim by a process id that is alive again (reused) counts as abandoned after this long. */
export const CLAIM_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface RunIdentity {
  pid: number;
  host: string;
  /** Random per run: a claim is this run's own only with this token (in containers every run may be pid 1). */
  token: string;
  /** Milliseconds since the epoch, for claims (real time: SMALLPAY_NOW only sets the calendar day). */
  now: number;
  isAlive(pid: number): boolean;
}

export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

export interface SendRequest {
  kind: SendKind;
  resend: boolean;
  recipients: Recipients;
  today: string;
  /** Reminders: at most one per this many days. */
  everyDays: number;
  newJobId: () => string;
  /** The domain of Message-IDs: the business's email domain. */
  messageDomain: string;
}

export type SendPlan = { job: SendJob; retry: boolean } | { skip: string };

export function claimIsLive(claim: SendJob['claim'], run: RunIdentity): boolean {
  if (!claim) return false;
  if (claim.token !== undefined && claim.token === run.token) return true;
  const age = run.now - claim.at;
  if (claim.host !== run.host) return age < FOREIGN_CLAIM_LIFETIME_MS;
  // Our own process id with another token: the process that claimed it is gone, and we reuse its id.
  if (claim.pid === run.pid) return false;
  return run.isAlive(claim.pid) && age < CLAIM_LIFETIME_MS;
}

function claimFor(run: RunIdentity): NonNullable<SendJob['claim']> {
  return { pid: run.pid, host: run.host, at: run.now, token: run.token };
}

/**
 * Why a message waiting from an earlier run is no longer true, if it is not: its invoice was deleted,
 * voided, or (for a reminder) paid or no longer overdue. Checked whenever a waiting job is taken up again.
 */
export function staleReason(doc: StoreDocument, job: SendJob, today: string): string | undefined {
  const invoice = doc.invoices.find((candidate) => candidate.id === job.invoiceId);
  if (!invoice) return 'the invoice was deleted';
  if (invoice.status === 'void') return 'the invoice was voided';
  if (invoice.status === 'draft') return 'the invoice is a draft';
  if (job.kind === 'reminder' && !isOverdue(invoice, today)) return invoice.status === 'paid' ? 'the invoice was paid' : 'the invoice is no longer overdue';
  return undefined;
}

function cancel(job: SendJob, reason: string): void {
  job.state = 'cancelled';
  job.lastError = `not sent: ${reason}`;
  delete job.claim;
}

/** The last day a message of this kind went out for the invoice, from the outbox and the history. */
export function lastSentOn(doc: StoreDocument, invoice: Invoice, kind: SendKind): { at: string; to: string[] } | undefined {
  let last: { at: string; to: string[] } | undefined;
  for (const entry of invoice.history) {
    if (entry.event === 'sent' && entry.kind === kind && (!last || entry.at >= last.at)) last = { at: entry.at, to: entry.to };
  }
  for (const job of doc.outbox) {
    if (job.invoiceId === invoice.id && job.kind === kind && job.state === 'sent' && job.sentAt && (!last || job.sentAt > last.at)) last = { at: job.sentAt, to: job.to };
  }
  return last;
}

/** Refuses what can never be sent: drafts, void invoices, reminders for invoices that are not overdue. */
export function assertSendable(invoice: Invoice, kind: SendKind, today: string): void {
  const label = invoiceLabel(invoice);
  if (invoice.status === 'draft') throw refused(`invoice ${label} is a draft`, `issue it first: smallpay invoice issue ${invoice.id}`);
  if (invoice.status === 'void') throw refused(`invoice ${label} is void and is not sent`);
  if (kind === 'reminder' && !isOverdue(invoice, today)) throw refused(`invoice ${label} is not overdue, so there is nothing to remind of`);
}

function describeSkip(job: SendJob): string {
  return `failed on ${job.createdAt}: ${job.lastError ?? 'unknown error'}; smallpay outbox retry sends it again`;
}

/**
 * Decides, inside the locked write of step 1, whether this invoice gets a message now, and claims the job.
 * Mutates `doc.outbox`.
 */
export function planSend(doc: StoreDocument, invoice: Invoice, request: SendRequest, run: RunIdentity): SendPlan {
  const { kind } = request;
  const open = doc.outbox.filter((job) => job.invoiceId === invoice.id && job.kind === kind && job.state !== 'sent' && job.state !== 'cancelled');
  for (const job of open) {
    if (job.state === 'cancelled') continue;
    if (job.state === 'pending') {
      if (claimIsLive(job.claim, run)) return { skip: `being sent by another run (process ${job.claim?.pid})` };
      const stale = staleReason(doc, job, request.today);
      if (stale) {
        cancel(job, stale);
        continue;
      }
      job.claim = claimFor(run);
      return { job, retry: true };
    }
    if (!request.resend) return { skip: describeSkip(job) };
    job.state = 'pending';
    job.claim = claimFor(run);
    return { job, retry: true };
  }
  const last = lastSentOn(doc, invoice, kind);
  if (last && !request.resend) {
    if (kind === 'invoice') return { skip: `already sent on ${last.at} to ${last.to.join(', ')}; --resend sends it again` };
    if (daysBetween(last.at, request.today) < request.everyDays) {
      return { skip: `reminded on ${last.at}; the next reminder is due from ${addDays(last.at, request.everyDays)}` };
    }
  }
  const id = request.newJobId();
  const job: SendJob = {
    id,
    invoiceId: invoice.id,
    number: invoice.number ?? invoice.id,
    kind,
    ...request.recipients,
    messageId: `<${id}@${request.messageDomain}>`,
    state: 'pending',
    createdAt: request.today,
    attempts: 0,
    claim: claimFor(run),
  };
  doc.outbox.push(job);
  return { job, retry: false };
}

/**
 * Claims the pending jobs no live run holds, and (when asked) the failed ones, for `outbox retry`; a job
 * whose message is no longer true is cancelled instead (see staleReason).
 */
export function claimRetryableJobs(doc: StoreDocument, run: RunIdentity, includeFailed: boolean, today: string): SendJob[] {
  const claimed: SendJob[] = [];
  for (const job of doc.outbox) {
    const retryable = (job.state === 'pending' && !claimIsLive(job.claim, run)) || (includeFailed && job.state === 'failed');
    if (!retryable) continue;
    const stale = staleReason(doc, job, today);
    if (stale) {
      cancel(job, stale);
      continue;
    }
    job.state = 'pending';
    job.claim = claimFor(run);
    claimed.push(job);
  }
  return claimed;
}

function jobById(doc: StoreDocument, id: string): SendJob | undefined {
  return doc.outbox.find((job) => job.id === id);
}

/** Step 3: the job is sent, and the invoice's history says when, to whom, with which Message-ID. */
export function recordDelivery(doc: StoreDocument, jobId: string, outcome: { at: string; response: string; channel: 'smtp' | 'file' }): void {
  const job = jobById(doc, jobId);
  if (!job) return;
  job.state = 'sent';
  job.sentAt = outcome.at;
  job.response = withoutControls(outcome.response);
  job.channel = outcome.channel;
  job.attempts += 1;
  delete job.claim;
  delete job.lastError;
  const invoice = doc.invoices.find((candidate) => candidate.id === job.invoiceId);
  invoice?.history.push({ at: outcome.at, event: 'sent', kind: job.kind, to: job.to, messageId: job.messageId });
}

/** A temporary failure leaves the job pending for the next run; a permanent one marks it failed. */
export function recordFailure(doc: StoreDocument, jobId: string, failure: { error: string; permanent: boolean; attempted: boolean }): void {
  const job = jobById(doc, jobId);
  if (!job) return;
  if (failure.attempted) job.attempts += 1;
  job.lastError = withoutControls(failure.error);
  job.state = failure.permanent ? 'failed' : 'pending';
  delete job.claim;
}
