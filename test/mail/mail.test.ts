import { describe, expect, it } from 'vitest';
import { classifySendError } from '../../src/mail/mailer.js';
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
    [{ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 Mailbox unavailable' }, { retryable: false, permanent: true, stopsBatch: false }],
    [{ code: 'EMESSAGE', responseCode: 421, response: '421 Try again later' }, { retryable: true, permanent: false, stopsBatch: false }],
    [{ responseCode: 451, response: '451 Local error' }, { retryable: true, permanent: false, stopsBatch: false }],
    [{ responseCode: 503, response: '503 Bad sequence' }, { retryable: true, permanent: false, stopsBatch: false }],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' }, { retryable: true, permanent: false, stopsBatch: true }],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, { retryable: true, permanent: false, stopsBatch: true }],
    [{ code: 'ETIMEDOUT', message: 'Timeout' }, { retryable: false, permanent: false, stopsBatch: true }],
    [{ code: 'ESOCKET', message: 'Connection closed unexpectedly' }, { retryable: false, permanent: false, stopsBatch: true }],
    [{ code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' }, { retryable: false, permanent: false, stopsBatch: true }],
    [{ code: 'ETLS', message: 'self-signed certificate' }, { retryable: false, permanent: false, stopsBatch: true }],
  ])('sorts %j', (error, expected) => {
    expect(classifySendError(error)).toMatchObject(expected);
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

  it('writes files when no server is configured', () => {
    expect(resolveMailRoute({}, business(), store)).toEqual({ kind: 'file' });
  });

  it('scrubs secrets from texts', () => {
    expect(scrub('login as ada:hunter2 failed (hunter2)', ['hunter2'])).toBe('login as ada:*** failed (***)');
  });
});
