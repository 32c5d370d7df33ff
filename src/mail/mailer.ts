/**
 * nodemailer, behind a small interface (the only file that imports it, on first use):
 * - one pooled SMTP transport per run (a few connections, reused for every message of a batch), with
 *   connection and greeting timeouts of 10 s instead of nodemailer's minutes, and TLS verified unless
 *   smtp.tlsRejectUnauthorized is false;
 * - no file or URL access while building messages: attachments are passed as bytes;
 * - errors sorted into what a retry may cure and what it may not (see SendFailure).
 * nodemailer never retries by itself: retries are the outbox's job (delivery/).
 */
import type { SmtpTarget } from './smtp-config.js';

export interface OutgoingMessage {
  from: { name: string; address: string };
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  /** Resolves with the server's reply once the server has accepted the message. */
  send(message: OutgoingMessage): Promise<{ response: string }>;
  close(): void;
}

/**
 * - retryable: the server certainly did not take the message (no connection, a 4xx reply), so sending it
 *   again in this run cannot make a duplicate;
 * - permanent: the server refused this message (a 5xx reply to it); it is recorded as failed;
 * - stopsBatch: the server or our setup is the problem (unreachable, login refused, TLS, a connection that
 *   went silent or broke), so the rest of the batch would fail the same way; its messages stay pending.
 * A connection that breaks or goes silent after the message may have been taken is not retried in the run:
 * the message stays pending and the next run sends it with the same Message-ID.
 */
export class SendFailure extends Error {
  override readonly name = 'SendFailure';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly permanent: boolean,
    readonly stopsBatch: boolean,
  ) {
    super(message);
  }
}

/** The connection never got as far as the message: safe to try again at once. */
const NOT_CONNECTED_CODES = new Set(['ECONNECTION', 'EDNS', 'EPROXY', 'ECONNREFUSED']);
/** The connection broke or went silent, perhaps after the server took the message. */
const BROKEN_CODES = new Set(['ETIMEDOUT', 'ESOCKET', 'ECONNRESET', 'EPIPE']);
const SETUP_CODES = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EREQUIRETLS', 'ECONFIG', 'EOAUTH2']);

export function classifySendError(error: unknown): SendFailure {
  const { code, responseCode, response, message } = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const text = (response ?? message ?? String(error)).replace(/\s+/g, ' ').trim();
  if (code !== undefined && SETUP_CODES.has(code)) return new SendFailure(text, false, false, true);
  if (responseCode !== undefined) {
    const permanent = responseCode >= 500 && responseCode < 600 && responseCode !== 503;
    return new SendFailure(text, !permanent, permanent, false);
  }
  if (code !== undefined && NOT_CONNECTED_CODES.has(code)) return new SendFailure(text, true, false, true);
  if (code === 'ETIMEDOUT' && /connection timeout|greeting never received/i.test(text)) return new SendFailure(text, true, false, true);
  if (code !== undefined && BROKEN_CODES.has(code)) {
    return new SendFailure(`${text} (the server may have taken it; the next run sends it again with the same Message-ID)`, false, false, true);
  }
  return new SendFailure(text, false, false, true);
}

type Nodemailer = typeof import('nodemailer');

async function nodemailer(): Promise<Nodemailer['default']> {
  return (await import('nodemailer')).default;
}

function mailOptions(message: OutgoingMessage) {
  return {
    from: message.from,
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    attachments: message.attachments,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export async function createSmtpMailer(target: SmtpTarget, options: { pooled: boolean }): Promise<Mailer> {
  const transport = (await nodemailer()).createTransport({
    host: target.host,
    port: target.port,
    secure: target.secure,
    ...(target.user !== undefined && { auth: { user: target.user, pass: target.password ?? '' } }),
    tls: { rejectUnauthorized: target.tlsRejectUnauthorized },
    ...(options.pooled ? { pool: true, maxConnections: 3, maxMessages: 500 } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  } as Parameters<Nodemailer['default']['createTransport']>[0]);
  return {
    async send(message) {
      try {
        const info = (await transport.sendMail(mailOptions(message))) as { response?: string };
        return { response: info.response ?? '' };
      } catch (error) {
        throw classifySendError(error);
      }
    },
    close: () => transport.close(),
  };
}

/** The message as an RFC 5322 file (.eml), for --dry-run and for the outbox folder. */
export async function renderEml(message: OutgoingMessage): Promise<Buffer> {
  const transport = (await nodemailer()).createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = (await transport.sendMail(mailOptions(message))) as unknown as { message: Buffer };
  return info.message;
}
