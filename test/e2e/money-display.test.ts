/**
 * Issue 9 item 20: one formatting module. The same amount reads the same in a message on stderr and in a
 * table ("1,785.00 EUR"), and the same in the email and the PDF of one language ("1.785,00 €" in German).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { plainSpaces, readPdf } from '../support/pdf-text.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp.js';

let box: Sandbox;
let smtp: SmtpSink;
beforeEach(async () => {
  box = sandbox();
  smtp = await startSmtpSink();
});
afterEach(async () => {
  await smtp.stop();
  box.cleanup();
});

it('writes an amount one way on the terminal and one way per language in documents', async () => {
  await seedBusiness(box);
  const issued = await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Consulting', '--price', '1500', '--tax', '19']);
  expect(issued.stderr).toBe('Issued INV-2026-0001 to Globex GmbH: 1,785.00 EUR, due 2026-12-25\n');
  expect((await box.ok(['invoice', 'list'])).stdout).toMatch(/INV-2026-0001 .* 1,785\.00 EUR +1,785\.00 EUR +open/);
  expect((await box.ok(['invoice', 'show', 'INV-2026-0001'])).stdout).toMatch(/Total +1,785\.00 EUR/);
  const refused = await box.run(['invoice', 'pay', 'INV-2026-0001', '--amount', '2000']);
  expect([refused.code, refused.stderr]).toEqual([2, 'smallpay: amount: 2,000.00 EUR is more than the balance due of 1,785.00 EUR on INV-2026-0001\n']);
  expect((await box.ok(['invoice', 'pay', 'INV-2026-0001', '--amount', '1000'])).stderr).toBe('Recorded 1,000.00 EUR on INV-2026-0001; balance due 785.00 EUR\n');
  expect((await box.ok(['report', 'aging'])).stdout).toMatch(/Globex GmbH +785\.00 EUR/);
  // --json keeps its exact decimal strings.
  expect(JSON.parse((await box.ok(['invoice', 'show', 'INV-2026-0001', '--json'])).stdout)).toMatchObject({ total: '1785.00', balance: '785.00' });

  await box.ok(['send', 'INV-2026-0001'], { env: { SMALLPAY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
  const [message] = smtp.received;
  const mail = plainSpaces(message!.mail.text ?? '');
  const pdf = await readPdf(message!.mail.attachments[0]!.content);
  for (const text of [mail, pdf.text]) expect(text).toContain('1.785,00 €');
  expect(pdf.text).toContain('785,00 €');
});
