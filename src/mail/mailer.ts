/**
 * nodemailer, behind a small interface (the only file that imports it, on first use):
 * - one pooled SMTP transport per run (a few connections, reused for every message of a batch), with
 *   connection and greeting timeouts of 10 s instead of nodemailer's minutes, and TLS verified unless
 *   smtp.tlsRejectUnauthorized is false;
 * - a login over smtp:// requires STARTTLS (nodemailer's requireTLS) unless the user opted out, so a
 *   password never goes over the wire in clear because a server (or someone in between) offers no STARTTLS;
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
  /** The Date: header: the run's clock (SMALLPAY_NOW when set), not the machine's. */
  date: Date;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  /** Resolves with the server's reply once the server has accepted the message. */
  send(message: OutgoingMessage): Promise<{ response: string }>;
  close(): void;
}

/**
 * What went wrong with one message, and so what the outbox does with it:
 * - not-connected: no connection was made (refused, unknown host, connection or greeting timeout), so the
 *   server certainly did not take the message: retried at once; if it persists the batch stops, pending;
 * - temporary: the server answered 4xx: retried at once; if it persists the message stays pending;
 * - refused: the server refused this message (5xx): recorded as failed, the batch goes on;
 * - setup: login refused, TLS, configuration: the batch stops, its messages stay pending;
 * - broken: the connection broke or went silent once the message may have been under way: not retried in
 *   this run (that could deliver it twice); the batch stops, and the next run sends it again with the same
 *   Message-ID, which mail clients use to show it once.
 */
export type SendFailureKind = 'not-connected' | 'broken' | 'refused' | 'setup' | 'temporary';

export class SendFailure extends Error {
  override readonly name = 'SendFailure';
  constructor(
    message: string,
    readonly kind: SendFailureKind,
  ) {
    super(message);
  }

  /** Sending it again in this run cannot make a duplicate, and may pass. */
  get retryable(): boolean {
    return this.kind === 'not-connected' || this.kind === 'temporary';
  }

  /** The server refused it: only `outbox retry` or `send --resend` try again. */
  get permanent(): boolean {
    return this.kind === 'refused';
  }

  /** The rest of the batch would fail the same way. */
  get stopsBatch(): boolean {
    return this.kind === 'not-connected' || this.kind === 'broken' || this.kind === 'setup';
  }
}

/** System errors that only a connection attempt can give (nodemailer keeps them as `originalCode`). */
const CONNECT_ERRNOS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL']);
/** nodemailer's timers of the phases before any message: connecting, the greeting, the TLS handshake. */
const CONNECT_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
const SETUP_CODES = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EREQUIRETLS', 'ECONFIG', 'EOAUTH2']);

interface NodemailerError {
  code?: string;
  originalCode?: string;
  timeoutType?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * Whether the connection never got as far as a message. nodemailer marks every socket error with
 * command 'CONN', before or after the greeting alike, so that alone does not tell; the system error code
 * (ECONNREFUSED can only come from connecting), the timer that fired, or the pool giving up on connections
 * closed before a byte of the message was written do.
 */
function neverConnected(error: NodemailerError, text: string): boolean {
  if (error.code === 'EDNS' || error.code === 'EPROXY') return true;
  if (CONNECT_ERRNOS.has(error.originalCode ?? '') || CONNECT_ERRNOS.has(error.code ?? '')) return true;
  if (error.code === 'ETIMEDOUT') return CONNECT_TIMEOUTS.has(error.timeoutType ?? '') || /^(connection timeout|greeting never received)/i.test(text);
  if (/\b(connect (ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)|getaddrinfo (ENOTFOUND|EAI_AGAIN))\b/.test(text)) return true;
  return error.code === 'ECONNECTION' && /maximum number of retries after connection was closed/i.test(text);
}

export function classifySendError(error: unknown): SendFailure {
  const details = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const text = (details.response ?? details.message ?? String(error)).replace(/\s+/g, ' ').trim();
  if (details.code !== undefined && SETUP_CODES.has(details.code)) {
    const full = (details.message ?? text).replace(/\s+/g, ' ').trim();
    if (details.code === 'ETLS' && /STARTTLS/.test(full)) {
      return new SendFailure(`${full}: the server offers no STARTTLS, so the password is not sent in clear text (?requireTLS=false in SMALLPAY_SMTP_URL, or smtp.requireTLS false, allows it)`, 'setup');
    }
    return new SendFailure(full, 'setup');
  }
  if (details.responseCode !== undefined) {
    const refused = details.responseCode >= 500 && details.responseCode < 600 && details.responseCode !== 503;
    return new SendFailure(text, refused ? 'refused' : 'temporary');
  }
  if (neverConnected(details, text)) return new SendFailure(text, 'not-connected');
  return new SendFailure(`${text} (the server may have taken it; the next run sends it again with the same Message-ID)`, 'broken');
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
    date: message.date,
    attachments: message.attachments,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export async function createSmtpMailer(target: SmtpTarget, options: { pooled: boolean }): Promise<Mailer> {
  const login = target.user !== undefined;
  const transport = (await nodemailer()).createTransport({
    host: target.host,
    port: target.port,
    secure: target.secure,
    ...(login && { auth: { user: target.user, pass: target.password ?? '' } }),
    // smtps:// is TLS from the first byte; smtp:// with a login must upgrade before AUTH, or fail.
    ...(login && !target.secure && target.requireTLS && { requireTLS: true }),
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

/** The message as an RFC 5322 file (.eml), for --eml, --dry-run and mail.transport file. */
export async function renderEml(message: OutgoingMessage): Promise<Buffer> {
  const transport = (await nodemailer()).createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = (await transport.sendMail(mailOptions(message))) as unknown as { message: Buffer };
  return info.message;
}
