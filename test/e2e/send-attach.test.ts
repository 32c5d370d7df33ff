// Issue 11: `send --attach` and the setting mail.attach, through the built CLI and a real SMTP server: the
// e-invoices arrive with the right names and the bytes `invoice export` writes; facturx replaces the PDF;
// an invoice that cannot be a valid e-invoice stops the run before anything is claimed or sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp.js';

let box: Sandbox;
let smtp: SmtpSink;

async function seed(buyerReference = true) {
  await seedBusiness(box);
  await box.ok(['config', 'set', 'iban', 'DE89 3704 0044 0532 0130 00']);
  for (const [key, value] of [['street', 'Hauptstraße 5'], ['postcode', '10115'], ['city', 'Berlin'], ['endpoint', '9930:DE123456789'], ['contact.phone', '+49 30 1234567']] as const) {
    await box.ok(['config', 'set', key, value]);
  }
  await box.ok(['customer', 'edit', 'globex', '--street', 'Rathausplatz 1', '--postcode', '12345', '--city', 'Musterhausen', '--country', 'DE', '--endpoint', '0204:04011000-12345-67']);
  const input = {
    customer: 'globex',
    issueDate: '2026-11-02',
    ...(buyerReference && { buyerReference: '04011000-12345-67' }),
    serviceDate: '2026-10-30',
    items: [{ description: 'Beratung', quantity: '10', unit: 'HUR', unitPrice: '120.00', taxRate: '19' }],
  };
  await box.ok(['invoice', 'new', '--input', '-'], { input: JSON.stringify(input) });
}


const exportedText = async (format: string) => (await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', format, '--out', '-'])).stdout;

beforeEach(async () => {
  box = sandbox();
  smtp = await startSmtpSink();
});
afterEach(async () => {
  await smtp.stop();
  box.cleanup();
});

const mailEnv = () => ({ SMALLPAY_SMTP_URL: `smtp://smallpay:s3cr3t-pass@127.0.0.1:${smtp.port}?requireTLS=false` });
const send = (args: string[]) => box.run(['send', ...args, '--json'], { env: mailEnv() });

describe('send --attach', () => {
  it('attaches the XML e-invoices beside the PDF, the bytes invoice export writes', async () => {
    await seed();
    const result = await send(['INV-2026-0001', '--attach', 'xrechnung', '--attach', 'cii']);
    expect(result.code).toBe(0);
    const attachments = smtp.received[0]!.mail.attachments;
    expect(attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['INV-2026-0001.pdf', 'application/pdf'],
      ['INV-2026-0001-xrechnung.xml', 'application/xml'],
      ['INV-2026-0001-cii.xml', 'application/xml'],
    ]);
    expect(attachments[1]!.content.toString('utf8')).toBe(await exportedText('xrechnung'));
    expect(attachments[2]!.content.toString('utf8')).toBe(await exportedText('cii'));
  });

  it('mail.attach facturx makes the mailed PDF the Factur-X PDF invoice export writes', async () => {
    await seed();
    await box.ok(['config', 'set', 'mail.attach', 'facturx']);
    expect((await send(['INV-2026-0001'])).code).toBe(0);
    const attachments = smtp.received[0]!.mail.attachments;
    expect(attachments.map((a) => a.filename)).toEqual(['INV-2026-0001.pdf']);
    await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', 'facturx', '--out', `${box.home}/fx.pdf`]);
    const { readFileSync } = await import('node:fs');
    expect(attachments[0]!.content.equals(readFileSync(`${box.home}/fx.pdf`))).toBe(true);

  });

  it('one XML format is named <number>.xml; an unknown format is a usage error (exit 2)', async () => {
    await seed();
    expect((await send(['INV-2026-0001', '--attach', 'ubl'])).code).toBe(0);
    expect(smtp.received[0]!.mail.attachments.map((a) => a.filename)).toEqual(['INV-2026-0001.pdf', 'INV-2026-0001.xml']);
    const bad = await send(['INV-2026-0001', '--resend', '--attach', 'edifact']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--attach: 'edifact' is not one of");
  });

  it('an invoice that breaks a rule of the format is refused before anything is claimed or sent', async () => {
    await seed(false);
    const result = await send(['INV-2026-0001', '--attach', 'xrechnung-cii']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('BR-DE-15');
    expect(smtp.received).toHaveLength(0);
    const show = JSON.parse((await box.ok(['outbox', 'list', '--json'])).stdout);
    expect(show).toEqual([]);
  });
});
