import { describe, expect, it } from 'vitest';
import { SendFailure, type SendFailureKind, classifySendError } from '../../src/mail/mailer.js';
import { composeMailText, mailLanguage } from '../../src/mail/mail-templates.js';
import { resolveMailRoute, scrub } from '../../src/mail/smtp-config.js';
import { createBusiness, changeSetting } from '../../src/domain/business.js';
import { DomainError } from '../../src/domain/errors.js';

const values = {
  number: 'INV-2026-0001',
  customer: 'Globex <script>alert(1)</script> & Co',
  business: 'Ada\r\nBcc: victim@example.com',
  total: '1.785,00 €',
  balance: '1.785,00 €',
  issueDate: '1. November 2026',
  dueDate: '1. Dezember 2026',
  daysOverdue: '12',
};

describe('mail texts', () => {
  it('fills the placeholders in the language asked', () => {
    const text = composeMailText('reminder', 'de', values);
    expect(text.subject).toBe('Zahlungserinnerung: Rechnung INV-2026-0001 ist seit 12 Tagen fällig');
    expect(text.text).toContain('Der offene Betrag beträgt 1.785,00 €.');
  });

  it('keeps the subject on one line and escapes the HTML body', () => {
    const text = composeMailText('invoice', 'en', values);
    expect(text.subject).toBe('Invoice INV-2026-0001 from Ada Bcc: victim@example.com');
    expect(text.subject).not.toMatch(/[\r\n]/);
    expect(text.html).toContain('Globex &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(text.html).not.toContain('<script>');
  });

  it('falls back to English for languages without templates', () => {
    expect(mailLanguage(['pl', undefined, 'fr'])).toBe('fr');
    expect(mailLanguage(['pl'])).toBe('en');
  });
});

describe('SMTP errors', () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 Mailbox unavailable' }, 'refused'],
    [{ code: 'EMESSAGE', responseCode: 421, response: '421 Try again later' }, 'temporary'],
    [{ responseCode: 451, response: '451 Local error' }, 'temporary'],
    [{ responseCode: 503, response: '503 Bad sequence' }, 'temporary'],
    // nodemailer 10 reports a refused connection as ESOCKET, command CONN, keeping the system code.
    [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'not-connected'],
    [{ code: 'ESOCKET', originalCode: 'ENOTFOUND', command: 'CONN', message: 'getaddrinfo ENOTFOUND mail.invalid' }, 'not-connected'],
    [{ code: 'EDNS', message: 'queryA ENOTFOUND mail.invalid' }, 'not-connected'],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' }, 'not-connected'],
    [{ code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT', command: 'CONN', message: 'Connection timeout' }, 'not-connected'],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'not-connected'],
    [{ code: 'ECONNECTION', message: 'Reached maximum number of retries after connection was closed' }, 'not-connected'],
    // The same CONN command once the session runs: the message may have been under way.
    [{ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT', command: 'CONN', message: 'Timeout' }, 'broken'],
    [{ code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN', message: 'read ECONNRESET' }, 'broken'],
    [{ code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' }, 'broken'],
    [{ code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' }, 'setup'],
    [{ code: 'ETLS', message: 'self-signed certificate' }, 'setup'],
  ])('sorts %j as %s', (error, kind) => {
    expect(classifySendError(error).kind).toBe(kind);
  });

  it('retries what cannot have been delivered, and stops the batch when the server is the problem', () => {
    const of = (kind: SendFailureKind) => new SendFailure('x', kind);
    expect((['not-connected', 'broken', 'refused', 'setup', 'temporary'] as const).map((kind) => [kind, of(kind).retryable, of(kind).permanent, of(kind).stopsBatch])).toEqual([
      ['not-connected', true, false, true],
      ['broken', false, false, true],
      ['refused', false, true, false],
      ['setup', false, false, true],
      ['temporary', true, false, false],
    ]);
    expect(classifySendError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }).message).not.toMatch(/may have/);
    expect(classifySendError({ code: 'ESOCKET', message: 'read ECONNRESET' }).message).toMatch(/the server may have taken it/);
  });
});

describe('the mail route', () => {
  const business = () => createBusiness({ name: 'Ada', email: 'ada@example.com' });
  const store = { path: '/s/store.json', mode: 0o100600 };

  it('takes SMALLPAY_SMTP_URL first, showing it without its password', () => {
    const route = resolveMailRoute({ SMALLPAY_SMTP_URL: 'smtps://ada%40example.com:p%40ss@mail.example.com' }, business(), store);
    expect(route).toMatchObject({ kind: 'smtp', target: { host: 'mail.example.com', port: 465, secure: true, user: 'ada@example.com', password: 'p@ss' }, display: 'smtps://ada%40example.com@mail.example.com:465' });
  });

  it('uses the settings, with the password of SMALLPAY_SMTP_PASSWORD before the stored one', () => {
    const b = business();
    changeSetting(b, 'smtp.host', 'mail.example.com');
    changeSetting(b, 'smtp.user', 'ada');
    changeSetting(b, 'smtp.password', 'stored');
    expect(resolveMailRoute({ SMALLPAY_SMTP_PASSWORD: 'from-env' }, b, store)).toMatchObject({ target: { port: 587, secure: false, password: 'from-env', tlsRejectUnauthorized: true } });
    expect(resolveMailRoute({}, b, store)).toMatchObject({ target: { password: 'stored' } });
    expect(() => resolveMailRoute({}, b, { path: '/s/store.json', mode: 0o100640 })).toThrow(DomainError);
  });

  it('writes files only when asked (--eml or mail.transport file), and is an error without a server', () => {
    expect(() => resolveMailRoute({}, business(), store)).toThrow('no SMTP server configured (SMALLPAY_SMTP_URL or smtp.host); use --eml to write .eml files');
    expect(resolveMailRoute({}, business(), store, true)).toEqual({ kind: 'file' });
    expect(resolveMailRoute({ SMALLPAY_SMTP_URL: 'smtp://mail.example.com' }, business(), store, true)).toEqual({ kind: 'file' });
    const b = business();
    changeSetting(b, 'mail.transport', 'file');
    expect(resolveMailRoute({ SMALLPAY_SMTP_URL: 'smtp://mail.example.com' }, b, store)).toEqual({ kind: 'file' });
  });

  it('requires STARTTLS for a login unless the URL or the setting opts out', () => {
    const url = (text: string, b = business()) => resolveMailRoute({ SMALLPAY_SMTP_URL: text }, b, store);
    expect(url('smtp://ada:pw@mail.example.com')).toMatchObject({ target: { requireTLS: true } });
    expect(url('smtp://ada:pw@mail.example.com?requireTLS=false')).toMatchObject({ target: { requireTLS: false } });
    const optedOut = business();
    changeSetting(optedOut, 'smtp.requireTLS', 'false');
    expect(url('smtp://ada:pw@mail.example.com', optedOut)).toMatchObject({ target: { requireTLS: false } });
    changeSetting(optedOut, 'smtp.host', 'mail.example.com');
    expect(resolveMailRoute({}, optedOut, store)).toMatchObject({ target: { requireTLS: false } });
    expect(() => url('smtp://ada:pw@mail.example.com?requireTLS=perhaps')).toThrow('SMALLPAY_SMTP_URL: requireTLS=perhaps is not true or false');
  });

  it('refuses a malformed % escape without showing the password', () => {
    let message = '';
    try {
      resolveMailRoute({ SMALLPAY_SMTP_URL: 'smtp://u:%zzsecret@mail.example.com' }, business(), store);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('SMALLPAY_SMTP_URL: the password has a malformed % escape (write a % itself as %25)');
  });

  it('scrubs secrets from texts', () => {
    expect(scrub('login as ada:hunter2 failed (hunter2)', ['hunter2'])).toBe('login as ada:*** failed (***)');
  });
});
