import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, collect, sandbox, seedBusiness, spawnCli, testEngine } from '../support/cli.js';
import { plainSpaces, readPdf } from '../support/pdf-text.js';
import { simpleParser } from 'mailparser';
import { type SmtpSink, startSmtpSink } from '../support/smtp.js';

let box: Sandbox;
let smtp: SmtpSink;

async function seed(count = 3) {
  await seedBusiness(box);
  await box.ok(['config', 'set', 'iban', 'DE89370400440532013000']);
  for (let i = 1; i <= count; i += 1) {
    await box.ok(['invoice', 'new', '--customer', i % 2 ? 'globex' : 'acme', '--date', '2026-10-01', '--item', `Work ${i}`, '--price', `${i}00`, '--tax', '19']);
  }
}

beforeEach(async () => {
  box = sandbox();
  smtp = await startSmtpSink();
});
afterEach(async () => {
  await smtp.stop();
  box.cleanup();
});

// The test server offers no STARTTLS: a login over it in clear text has to be allowed explicitly.
const mailEnv = () => ({ SMALLPAY_SMTP_URL: `smtp://smallpay:s3cr3t-pass@127.0.0.1:${smtp.port}?requireTLS=false` });
const send = (args: string[], env: Record<string, string> = {}) => box.run(['send', ...args, '--json'], { env: { ...mailEnv(), ...env } });
const summaryOf = (stdout: string) => JSON.parse(stdout) as { sent: { number: string; kind: string; retry: boolean; messageId: string }[]; skipped: { number: string; reason: string }[]; failed: { number: string; error: string }[] };

describe('smallpay send', () => {
  it('emails the invoice to the customer with its PDF, in their language', async () => {
    await seed(1);
    const result = await send(['INV-2026-0001']);
    expect(result.code).toBe(0);
    const summary = summaryOf(result.stdout);
    expect(summary.sent).toEqual([expect.objectContaining({ number: 'INV-2026-0001', kind: 'invoice', to: ['ap@globex.test'], retry: false, channel: 'smtp' })]);
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message!.envelope).toEqual({ from: 'ada@example.com', to: ['ap@globex.test'] });
    expect(message!.user).toBe('smallpay');
    expect(message!.mail.from?.value).toEqual([{ name: 'Ada Consulting', address: 'ada@example.com' }]);
    expect(message!.mail.subject).toBe('Rechnung INV-2026-0001 von Ada Consulting');
    expect(message!.mail.text).toContain('Guten Tag Globex GmbH,');
    expect(plainSpaces(message!.mail.text ?? '')).toContain('über 119,00 €, zahlbar bis 31. Oktober 2026');
    expect(message!.mail.html).toContain('<strong>INV-2026-0001</strong>');
    expect(message!.messageId).toBe(summary.sent[0]!.messageId);
    const [attachment] = message!.mail.attachments;
    expect(attachment).toMatchObject({ filename: 'INV-2026-0001.pdf', contentType: 'application/pdf' });
    const pdf = await readPdf(attachment!.content);
    expect(pdf.text).toContain('INV-2026-0001');
    // The attachment is the PDF `invoice pdf` writes, byte for byte.
    const written = await box.ok(['invoice', 'pdf', 'INV-2026-0001', '--json']);
    expect(readFileSync(JSON.parse(written.stdout)[0].path).equals(attachment!.content)).toBe(true);
    const invoice = JSON.parse((await box.ok(['invoice', 'show', 'INV-2026-0001', '--json'])).stdout);
    expect(invoice.history.at(-1)).toEqual({ at: '2026-11-25', event: 'sent', kind: 'invoice', to: ['ap@globex.test'], messageId: summary.sent[0]!.messageId });
  });

  it('sends to other recipients when asked, with a copy for the books', async () => {
    await seed(1);
    await box.ok(['config', 'set', 'mail.bcc', 'books@ada.test']);
    await send(['INV-2026-0001', '--to', 'x@globex.test,y@globex.test', '--cc', 'boss@globex.test']);
    expect(smtp.received[0]!.envelope.to.sort()).toEqual(['books@ada.test', 'boss@globex.test', 'x@globex.test', 'y@globex.test']);
    expect(smtp.received[0]!.mail.headers.get('bcc')).toBeUndefined();
  });

  it('refuses drafts and sends nothing', async () => {
    await seed(1);
    const draft = (await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1', '--draft'])).stdout.trim();
    const result = await send(['INV-2026-0001', draft]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^smallpay: invoice draft inv_\w+ is a draft; issue it first/m);
    expect(smtp.received).toHaveLength(0);
  });

  it('sends --unsent once: the second run skips what went out', async () => {
    await seed(3);
    const first = summaryOf((await send(['--unsent'])).stdout);
    expect(first.sent.map((s) => s.number)).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003']);
    const second = await send(['--unsent']);
    expect(second.code).toBe(0);
    expect(summaryOf(second.stdout)).toEqual({ sent: [], skipped: [], failed: [] });
    expect(smtp.received).toHaveLength(3);
    const again = summaryOf((await send(['INV-2026-0001'])).stdout);
    expect(again.skipped).toEqual([expect.objectContaining({ number: 'INV-2026-0001', reason: expect.stringMatching(/^already sent on 2026-11-25 to ap@globex.test/) })]);
    const resent = summaryOf((await send(['INV-2026-0001', '--resend'])).stdout);
    expect(resent.sent).toHaveLength(1);
    expect(smtp.received).toHaveLength(4);
  });

  it('leaves the store and its .bak untouched when there is nothing to send or retry', async () => {
    await seed(1);
    await send(['INV-2026-0001']);
    // The .bak now holds the version before this edit; a no-op cron run must not rotate it away.
    await box.ok(['customer', 'add', '--id', 'initech', '--name', 'Initech', '--email', 'ap@initech.test']);
    const before = await box.snapshot();
    expect(summaryOf((await send(['INV-2026-0001'])).stdout).skipped).toHaveLength(1);
    expect(summaryOf((await send(['--unsent'])).stdout)).toEqual({ sent: [], skipped: [], failed: [] });
    expect((await box.run(['outbox', 'retry'], { env: mailEnv() })).code).toBe(0);
    expect(await box.snapshot()).toBe(before);
    expect(smtp.received).toHaveLength(1);
  });

  it('reminds of overdue invoices at most once per window, saying how late and how much', async () => {
    await seed(2);
    await box.ok(['invoice', 'pay', 'INV-2026-0002', '--amount', '38']);
    const first = summaryOf((await send(['--overdue'])).stdout);
    expect(first.sent.map((s) => [s.number, s.kind])).toEqual([['INV-2026-0001', 'reminder'], ['INV-2026-0002', 'reminder']]);
    const reminder = smtp.received.find((r) => r.mail.subject?.includes('INV-2026-0002'));
    expect(reminder!.mail.subject).toBe('Payment reminder: invoice INV-2026-0002 is 41 days overdue');
    expect(reminder!.mail.text).toContain('The balance due is $200.00.');
    const later = await send(['--overdue'], { SMALLPAY_NOW: '2026-11-30' });
    expect(summaryOf(later.stdout).skipped.map((s) => s.reason)).toEqual(['reminded on 2026-11-25; the next reminder is due from 2026-12-02', 'reminded on 2026-11-25; the next reminder is due from 2026-12-02']);
    const nextWeek = summaryOf((await send(['--overdue'], { SMALLPAY_NOW: '2026-12-02' })).stdout);
    expect(nextWeek.sent).toHaveLength(2);
    const fortnightly = summaryOf((await send(['--overdue', '--every', '14'], { SMALLPAY_NOW: '2026-12-10' })).stdout);
    expect(fortnightly.sent).toHaveLength(0);
    expect(smtp.received).toHaveLength(4);
  });

  it('retries 421 and 451 replies within the run and sends once', async () => {
    await seed(2);
    smtp.respond = ({ attempt }) => (attempt === 1 ? { code: 421, message: 'Try again later' } : attempt === 2 ? { code: 451, message: 'Local error' } : 'accept');
    const result = await send(['--unsent']);
    expect(result.code).toBe(0);
    expect(summaryOf(result.stdout).sent).toHaveLength(2);
    expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Rechnung INV-2026-0001 von Ada Consulting', 'Invoice INV-2026-0002 from Ada Consulting']);
  });

  it('records a 550 refusal as failed, exits 1, and sends it again only when asked', async () => {
    await seed(2);
    smtp.respond = ({ raw }) => (raw.toString().includes('INV-2026-0001') ? { code: 550, message: 'Mailbox unavailable' } : 'accept');
    const result = await send(['--unsent']);
    expect(result.code).toBe(1);
    const summary = summaryOf(result.stdout);
    expect(summary.failed).toEqual([{ number: 'INV-2026-0001', kind: 'invoice', error: expect.stringContaining('550 Mailbox unavailable') }]);
    expect(summary.sent.map((s) => s.number)).toEqual(['INV-2026-0002']);
    expect(result.stderr).toMatch(/smallpay: 1 message could not be sent/);
    const outbox = JSON.parse((await box.ok(['outbox', '--json'])).stdout);
    expect(outbox).toEqual([expect.objectContaining({ number: 'INV-2026-0001', state: 'failed', attempts: 1, lastError: expect.stringContaining('550') })]);
    const rerun = summaryOf((await send(['--unsent'])).stdout);
    expect(rerun.skipped).toEqual([expect.objectContaining({ number: 'INV-2026-0001', reason: expect.stringMatching(/^failed on 2026-11-25: .*550.*; smallpay outbox retry sends it again/) })]);
    smtp.respond = () => 'accept';
    const retried = await box.run(['outbox', 'retry', '--json'], { env: mailEnv() });
    expect(retried.code).toBe(0);
    expect(summaryOf(retried.stdout).sent).toEqual([expect.objectContaining({ number: 'INV-2026-0001', retry: true })]);
    expect(smtp.received.filter((r) => r.raw.toString().includes('INV-2026-0001.pdf'))).toHaveLength(1);
    expect(JSON.parse((await box.ok(['outbox', '--json'])).stdout)).toEqual([]);
  });

  it('marks nothing sent while the server is down, and sends each exactly once when it is back', async () => {
    await seed(3);
    await smtp.stop();
    const down = await send(['--unsent']);
    expect(down.code).toBe(1);
    const failed = summaryOf(down.stdout).failed;
    expect(failed.map((f) => f.number)).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003']);
    for (const failure of failed) expect(failure.error).toMatch(/ECONNREFUSED|^not attempted: the server failed/);
    const invoices = JSON.parse((await box.ok(['invoice', 'list', '--json'])).stdout) as { history: { event: string }[] }[];
    expect(invoices.every((invoice) => invoice.history.every((entry) => entry.event !== 'sent'))).toBe(true);
    await smtp.start();
    const up = summaryOf((await send(['--unsent'])).stdout);
    expect(up.sent.map((s) => s.number)).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003']);
    expect(summaryOf((await send(['--unsent'])).stdout).sent).toEqual([]);
    expect(smtp.received).toHaveLength(3);
  });

  it('sends each invoice exactly once after a re-run when the server drops the connection mid-batch', async () => {
    await seed(4);
    smtp.respond = ({ attempt }) => (attempt === 3 ? 'drop' : 'accept');
    await send(['--unsent']);
    smtp.respond = () => 'accept';
    await send(['--unsent']);
    const numbers = smtp.received.map((r) => /Subject: .*(INV-2026-\d{4})/.exec(r.raw.toString())?.[1]).sort();
    expect(numbers).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003', 'INV-2026-0004']);
  });

  it('sends each invoice once with two runs at the same time', async () => {
    await seed(6);
    const [a, b] = await Promise.all([send(['--unsent']), send(['--unsent'])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const sent = [...summaryOf(a.stdout).sent, ...summaryOf(b.stdout).sent].map((s) => s.number).sort();
    expect(sent).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003', 'INV-2026-0004', 'INV-2026-0005', 'INV-2026-0006']);
    expect(smtp.received).toHaveLength(6);
  });

  it('re-sends with the same Message-ID, as a retry, after a run killed between acceptance and record', async () => {
    await seed(1);
    const child = spawnCli(['send', 'INV-2026-0001'], { home: box.home, env: { SMALLPAY_STORE: box.store, ...mailEnv() } });
    smtp.onAccepted = () => void child.kill('SIGKILL');
    const killed = await collect(child);
    expect(killed.signal).toBe('SIGKILL');
    smtp.onAccepted = undefined;
    const outbox = JSON.parse((await box.ok(['outbox', '--json'])).stdout);
    expect(outbox).toEqual([expect.objectContaining({ number: 'INV-2026-0001', state: 'pending', sending: false })]);
    const rerun = summaryOf((await send(['--unsent'])).stdout);
    expect(rerun.sent).toEqual([expect.objectContaining({ number: 'INV-2026-0001', retry: true })]);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[0]!.messageId).toBe(smtp.received[1]!.messageId);
    expect(summaryOf((await send(['--unsent'])).stdout).sent).toEqual([]);
  });

  it('refuses to send without an SMTP server unless --eml is given, marking nothing sent', async () => {
    await seed(2);
    const storeBefore = await box.snapshot();
    for (const args of [['send', '--unsent', '--json'], ['send', 'INV-2026-0001']]) {
      const result = await box.run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('smallpay: no SMTP server configured (SMALLPAY_SMTP_URL or smtp.host); use --eml to write .eml files\n');
      expect(result.stdout).toBe('');
    }
    expect(await box.snapshot()).toBe(storeBefore);
    expect(existsSync(join(box.files, 'outbox'))).toBe(false);
    expect(JSON.parse((await box.ok(['outbox', '--all', '--json'])).stdout)).toEqual([]);
    expect(summaryOf((await box.ok(['send', '--unsent', '--dry-run', '--json'])).stdout).sent).toEqual([]);
    // The mail is still unsent, so --unsent finds it once there is a way to send it.
    expect(summaryOf((await send(['--unsent'])).stdout).sent.map((s) => s.number)).toEqual(['INV-2026-0001', 'INV-2026-0002']);
  });

  it('writes .eml files to outbox/ with --eml, one per message, named after its Message-ID', async () => {
    await seed(2);
    const result = await box.run(['send', '--unsent', '--eml', '--json'], { env: mailEnv() });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Writing the messages as .eml files to');
    expect(smtp.received).toHaveLength(0);
    const resent = await box.run(['send', 'INV-2026-0001', '--resend', '--to', 'other@globex.test', '--eml', '--json']);
    expect(resent.code).toBe(0);
    const reminders = [await box.run(['send', 'INV-2026-0001', '--reminder', '--eml', '--json']), await box.run(['send', 'INV-2026-0001', '--reminder', '--resend', '--eml', '--json'])];
    const sent = [result, resent, ...reminders].flatMap((run) => summaryOf(run.stdout).sent as unknown as { number: string; kind: string; to: string[]; messageId: string; channel: string; file: string }[]);
    expect(sent.map((s) => [s.number, s.kind, s.channel])).toEqual([
      ['INV-2026-0001', 'invoice', 'file'],
      ['INV-2026-0002', 'invoice', 'file'],
      ['INV-2026-0001', 'invoice', 'file'],
      ['INV-2026-0001', 'reminder', 'file'],
      ['INV-2026-0001', 'reminder', 'file'],
    ]);
    const folder = join(box.files, 'outbox');
    // Five messages, five files: a resend and a second reminder on the same day overwrite nothing.
    expect(readdirSync(folder).sort()).toEqual(sent.map((s) => `${s.messageId.slice(1, -1)}.eml`).sort());
    for (const entry of sent) {
      expect(entry.file).toBe(join(folder, `${entry.messageId.slice(1, -1)}.eml`));
      const mail = await simpleParser(readFileSync(entry.file));
      expect(mail.messageId).toBe(entry.messageId);
      expect(mail.to).toMatchObject({ value: entry.to.map((address) => ({ address })) });
      expect(mail.attachments.map((a) => a.filename)).toEqual([`${entry.number}.pdf`]);
    }
    const invoice = JSON.parse((await box.ok(['invoice', 'show', 'INV-2026-0001', '--json'])).stdout);
    expect(invoice.history.filter((entry: { event: string }) => entry.event === 'sent')).toHaveLength(4);
  });

  it('writes .eml files when the setting mail.transport is file, and sends again when it is smtp', async () => {
    await seed(1);
    await box.ok(['config', 'set', 'mail.transport', 'file']);
    const written = await box.run(['send', 'INV-2026-0001', '--json'], { env: mailEnv() });
    expect(written.code).toBe(0);
    expect(readdirSync(join(box.files, 'outbox'))).toEqual([`${summaryOf(written.stdout).sent[0]!.messageId.slice(1, -1)}.eml`]);
    expect(smtp.received).toHaveLength(0);
    await box.ok(['config', 'set', 'mail.transport', 'smtp']);
    expect((await send(['INV-2026-0001', '--resend'])).code).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect((await box.run(['config', 'set', 'mail.transport', 'pigeon'])).stderr).toBe("smallpay: mail.transport: 'pigeon' is not smtp or file\n");
  });

  it('dates messages by SMALLPAY_NOW, not by the machine clock', async () => {
    await seed(1);
    const result = await send(['INV-2026-0001'], { SMALLPAY_NOW: '2026-11-25T09:30:00Z' });
    expect(result.code).toBe(0);
    expect(smtp.received[0]!.mail.date?.toISOString()).toBe('2026-11-25T09:30:00.000Z');
    const eml = await box.run(['send', 'INV-2026-0001', '--resend', '--eml', '--json'], { env: { SMALLPAY_NOW: '2027-01-02T03:04:05+01:00' } });
    const mail = await simpleParser(readFileSync((summaryOf(eml.stdout).sent[0] as unknown as { file: string }).file));
    expect(mail.date?.toISOString()).toBe('2027-01-02T02:04:05.000Z');
  });

  it('only writes .eml files with --dry-run, sending and marking nothing', async () => {
    await seed(2);
    const result = await send(['--unsent', '--dry-run']);
    expect(result.code).toBe(0);
    const preview = JSON.parse(result.stdout);
    expect(preview).toMatchObject({ sent: [], dryRun: true, folder: join(box.files, 'dry-run') });
    expect(preview.files).toEqual([join(box.files, 'dry-run', 'INV-2026-0001.eml'), join(box.files, 'dry-run', 'INV-2026-0002.eml')]);
    expect(smtp.received).toHaveLength(0);
    expect(existsSync(join(box.files, 'outbox'))).toBe(false);
    expect(JSON.parse((await box.ok(['outbox', '--all', '--json'])).stdout)).toEqual([]);
    expect(summaryOf((await send(['--unsent'])).stdout).sent).toHaveLength(2);
  });

  it('never shows the SMTP password', async () => {
    await seed(1);
    await smtp.stop();
    const failing = await send(['--unsent']);
    await box.ok(['config', 'set', 'smtp.host', '127.0.0.1']);
    await box.ok(['config', 'set', 'smtp.password', 'hunter2-secret']);
    const shown = await box.ok(['config', 'show']);
    const shownJson = await box.ok(['config', 'show', '--json']);
    for (const output of [failing.stdout, failing.stderr, shown.stdout, shownJson.stdout, (await box.snapshot()).replace(/"password":\s*"hunter2-secret"/, '')]) {
      expect(output).not.toContain('s3cr3t-pass');
      expect(output).not.toContain('hunter2-secret');
    }
    expect(JSON.parse(shownJson.stdout).smtp.password).toBe('(set, not shown)');
  });

  // File modes are the JSON file's; a database guards its rows with its own credentials.
  it.runIf(testEngine === 'json')('refuses a stored password while others can read the store', async () => {
    await seed(1);
    await box.ok(['config', 'set', 'smtp.host', '127.0.0.1']);
    await box.ok(['config', 'set', 'smtp.port', String(smtp.port)]);
    await box.ok(['config', 'set', 'smtp.user', 'smallpay']);
    await box.ok(['config', 'set', 'smtp.requireTLS', 'false']);
    await box.ok(['config', 'set', 'smtp.password', 'hunter2-secret']);
    const { chmodSync } = await import('node:fs');
    chmodSync(box.store, 0o644);
    const refused = await box.run(['send', 'INV-2026-0001']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/smtp.password: .* can be read by others \(mode 0644\), so its password is not used; chmod 600/);
    chmodSync(box.store, 0o600);
    expect((await box.run(['send', 'INV-2026-0001'])).code).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });
});

describe('smtp:// with a password', () => {
  it('never logs in over a connection without STARTTLS, unless the user opts out', async () => {
    await seed(1);
    const clear = `smtp://smallpay:s3cr3t-pass@127.0.0.1:${smtp.port}`;
    const refused = await box.run(['send', 'INV-2026-0001', '--json'], { env: { SMALLPAY_SMTP_URL: clear } });
    expect(refused.code).toBe(1);
    expect(summaryOf(refused.stdout).failed).toEqual([{ number: 'INV-2026-0001', kind: 'invoice', error: expect.stringContaining('STARTTLS') }]);
    expect(refused.stderr).not.toContain('s3cr3t-pass');
    expect(smtp.logins).toEqual([]);
    expect(smtp.received).toHaveLength(0);
    expect(JSON.parse((await box.ok(['outbox', '--json'])).stdout)).toEqual([expect.objectContaining({ number: 'INV-2026-0001', state: 'pending' })]);
    const optedOut = await box.run(['send', 'INV-2026-0001', '--json'], { env: { SMALLPAY_SMTP_URL: `${clear}?requireTLS=false` } });
    expect(optedOut.code).toBe(0);
    expect(smtp.logins).toEqual(['smallpay']);
    expect(smtp.received).toHaveLength(1);
  });

  it('refuses the setting smtp.requireTLS false only as a word, and an unknown URL parameter', async () => {
    await seed(1);
    expect((await box.run(['config', 'set', 'smtp.requireTLS', 'maybe'])).code).toBe(2);
    const unknown = await box.run(['send', 'INV-2026-0001'], { env: { SMALLPAY_SMTP_URL: `smtp://u:p@127.0.0.1:${smtp.port}?requireTls=false` } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("smallpay: SMALLPAY_SMTP_URL: unknown parameter 'requireTls' (known: requireTLS)\n");
    expect(smtp.attempts).toBe(0);
  });

  it.runIf(testEngine === 'json')('is not stored by config set while the store or its .bak can be read by others', async () => {
    await seed(1);
    const { chmodSync } = await import('node:fs');
    const before = readFileSync(box.store, 'utf8');
    chmodSync(box.store, 0o644);
    const open = await box.run(['config', 'set', 'smtp.password', 'hunter2-secret']);
    expect(open.code).toBe(2);
    expect(open.stderr).toBe(`smallpay: smtp.password: ${box.store} can be read by others (mode 0644), so no password is stored in it; chmod 600 '${box.store}', or pass the password in SMALLPAY_SMTP_PASSWORD\n`);
    expect(readFileSync(box.store, 'utf8')).toBe(before);
    chmodSync(box.store, 0o600);
    chmodSync(`${box.store}.bak`, 0o640);
    const backup = await box.run(['config', 'set', 'smtp.password', 'hunter2-secret']);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain(`${box.store}.bak can be read by others (mode 0640)`);
    expect(readFileSync(box.store, 'utf8')).not.toContain('hunter2-secret');
    chmodSync(`${box.store}.bak`, 0o600);
    await box.ok(['config', 'set', 'smtp.password', 'hunter2-secret']);
    expect(readFileSync(box.store, 'utf8')).toContain('hunter2-secret');
  });
});

describe('a server that cannot be reached', () => {
  it('retries a refused connection as the docs promise, then fails without saying the mail may have been taken', async () => {
    await seed(1);
    const result = await box.run(['send', 'INV-2026-0001', '--json'], { env: { SMALLPAY_SMTP_URL: 'smtp://127.0.0.1:1' } });
    expect(result.code).toBe(1);
    expect(result.stderr.match(/^retrying INV-2026-0001 invoice in [\d.]+ s: .*ECONNREFUSED/gm)).toHaveLength(3);
    expect(result.stderr).toMatch(/^failed {3}INV-2026-0001 invoice: connect ECONNREFUSED 127\.0\.0\.1:1 \(kept for the next run\)$/m);
    expect(result.stderr).not.toMatch(/may have (been )?taken/);
    expect(summaryOf(result.stdout).failed).toEqual([{ number: 'INV-2026-0001', kind: 'invoice', error: 'connect ECONNREFUSED 127.0.0.1:1' }]);
  });

  it('stops a batch at the first message, leaving the others untouched and unsent', async () => {
    await seed(5);
    await smtp.stop();
    const result = await send(['--unsent']);
    expect(result.code).toBe(1);
    // One message tried four times; the batch stopped there.
    expect(result.stderr.match(/^retrying /gm)).toHaveLength(3);
    expect(result.stderr.match(/^retrying INV-2026-0001 invoice/gm)).toHaveLength(3);
    const outbox = JSON.parse((await box.ok(['outbox', '--json'])).stdout) as { number: string; state: string; attempts: number; lastError: string }[];
    expect(outbox.map((job) => [job.number, job.state, job.attempts])).toEqual([
      ['INV-2026-0001', 'pending', 1],
      ['INV-2026-0002', 'pending', 0],
      ['INV-2026-0003', 'pending', 0],
      ['INV-2026-0004', 'pending', 0],
      ['INV-2026-0005', 'pending', 0],
    ]);
    for (const job of outbox.slice(1)) expect(job.lastError).toMatch(/^not attempted: the server failed: connect ECONNREFUSED/);
    const invoices = JSON.parse((await box.ok(['invoice', 'list', '--json'])).stdout) as { history: { event: string }[] }[];
    expect(invoices.every((invoice) => invoice.history.every((entry) => entry.event !== 'sent'))).toBe(true);
    // outbox retry needs a server too, or --eml.
    const storeBefore = await box.snapshot();
    const noServer = await box.run(['outbox', 'retry']);
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toBe('smallpay: no SMTP server configured (SMALLPAY_SMTP_URL or smtp.host); use --eml to write .eml files\n');
    expect(await box.snapshot()).toBe(storeBefore);
    const files = await box.run(['outbox', 'retry', '--eml', '--json']);
    expect(files.code).toBe(0);
    expect(summaryOf(files.stdout).sent.map((s) => s.number)).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003', 'INV-2026-0004', 'INV-2026-0005']);
    expect(readdirSync(join(box.files, 'outbox'))).toHaveLength(5);
  });

  it('does not retry a connection that broke while the message was under way', async () => {
    await seed(1);
    smtp.respond = () => 'drop';
    const result = await send(['INV-2026-0001']);
    expect(result.code).toBe(1);
    expect(smtp.attempts).toBe(1);
    expect(result.stderr).not.toMatch(/^retrying/m);
    expect(result.stderr).toMatch(/the server may have taken it; the next run sends it again with the same Message-ID/);
  });
});

describe('bad send requests', () => {  it.each([
    [['send'], /say what to send/],
    [['send', '--unsent', '--overdue'], /one of them/],
    [['send', 'INV-2026-0001', 'INV-2026-0002', '--to', 'x@y.test'], /--to, --cc and --bcc go with one invoice only/],
    [['send', '--unsent', '--to', 'x@y.test'], /--to: 'x@y.test' is not a date/],
    [['send', 'INV-2026-0001', '--to', 'not-an-email'], /--to: 'not-an-email' is not an email address/],
    [['send', 'INV-2026-0099'], /no invoice 'INV-2026-0099'/],
    [['send', 'INV-2026-0002', '--reminder'], /invoice INV-2026-0002 is not overdue/],
  ])('refuses %j', async (args, message) => {
    await seed(1);
    await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1']);
    const result = await box.run(args, { env: mailEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses a malformed % escape in SMALLPAY_SMTP_URL in one line, without the password', async () => {
    await seed(1);
    const result = await box.run(['send', 'INV-2026-0001'], { env: { SMALLPAY_SMTP_URL: 'smtp://ada:p%zzhunter2@127.0.0.1:25' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('smallpay: SMALLPAY_SMTP_URL: the password has a malformed % escape (write a % itself as %25)\n');
    const user = await box.run(['send', 'INV-2026-0001'], { env: { SMALLPAY_SMTP_URL: 'smtp://a%e0%80:hunter2@127.0.0.1:25' } });
    expect(user.code).toBe(2);
    expect(user.stderr).toBe('smallpay: SMALLPAY_SMTP_URL: the user name has a malformed % escape (write a % itself as %25)\n');
    expect(JSON.parse((await box.ok(['outbox', '--all', '--json'])).stdout)).toEqual([]);
  });

  it('refuses a malformed SMALLPAY_SMTP_URL without echoing it', async () => {
    await seed(1);
    const result = await box.run(['send', 'INV-2026-0001'], { env: { SMALLPAY_SMTP_URL: 'http://user:topsecret@host' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('smallpay: SMALLPAY_SMTP_URL: must start with smtp:// or smtps://, not http://\n');
  });
});
