/**
 * One outbox job as a message: texts in the invoice's language, the PDF attached, the run's date; and the
 * .eml file a message is written to.
 */
import { daysBetween } from '../domain/dates.js';
import { balanceOf } from '../domain/status.js';
import type { Business, Invoice, SendJob } from '../domain/types.js';
import { composeMailText, mailLanguage } from '../mail/mail-templates.js';
import type { OutgoingMessage } from '../mail/mailer.js';
import { childPath } from '../platform/safe-path.js';

/** Amounts and dates as people read them in a language, as the PDF shows them; given by the caller. */
export interface MessageFormats {
  money(minor: number, currency: string, lang: string): string;
  date(isoDate: string, lang: string): string;
}

export interface MessageParts {
  business: Business;
  pdf: Buffer;
  today: string;
  /** The Date: header. */
  date: Date;
  formats: MessageFormats;
}

export function composeMessage(job: SendJob, invoice: Invoice, parts: MessageParts): OutgoingMessage {
  const { business, formats, today } = parts;
  const lang = mailLanguage([invoice.customer.lang, business.lang]);
  const issuer = invoice.issuer ?? { name: business.name };
  const money = (minor: number) => formats.money(minor, invoice.currency, lang);
  const text = composeMailText(job.kind, lang, {
    number: job.number,
    // The greeting names the contact person when there is one ("Dear Claire Dubois"), else the company.
    customer: invoice.customer.contact ?? invoice.customer.name,
    business: issuer.name,
    total: money(invoice.total),
    balance: money(balanceOf(invoice)),
    issueDate: formats.date(invoice.issueDate, lang),
    dueDate: formats.date(invoice.dueDate, lang),
    daysOverdue: String(Math.max(0, daysBetween(invoice.dueDate, today))),
  });
  return {
    from: { name: business.name, address: business.email },
    to: job.to,
    cc: job.cc,
    bcc: job.bcc,
    ...text,
    messageId: job.messageId,
    date: parts.date,
    attachments: [{ filename: `${job.number}.pdf`, content: parts.pdf, contentType: 'application/pdf' }],
  };
}

/**
 * The outbox file of a message: named after its Message-ID (without the angle brackets), which no other
 * message has, so a resend or a second reminder the same day never overwrites the first.
 */
export function outboxFileOf(folder: string, job: SendJob): string {
  return childPath(folder, job.messageId.replace(/^<(.*)>$/, '$1'), '.eml');
}

/** A --dry-run preview file: named after the invoice, as the message does not exist yet. */
export function previewFileOf(folder: string, job: SendJob, today: string): string {
  return childPath(folder, job.kind === 'reminder' ? `${job.number}-reminder-${today}` : job.number, '.eml');
}
