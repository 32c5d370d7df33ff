// Payment details per currency (issue 9, item 17): a USD invoice never shows the EUR account, and only EUR
// invoices carry an EPC QR code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { readPdf } from '../support/pdf-text.js';

let box: Sandbox;
const EUR_IBAN = 'DE89 3704 0044 0532 0130 00';
const USD_IBAN = 'GB33 BUKB 2020 1555 5555 55';

beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box); // business in EUR; acme pays in USD
  await box.ok(['config', 'set', 'iban', EUR_IBAN]);
  await box.ok(['config', 'set', 'bic', 'COBADEFFXXX']);
  await box.ok(['config', 'set', 'bank', 'Commerzbank']);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-01', '--item', 'Design', '--price', '1500', '--tax', '19']); // 0001, EUR
  await box.ok(['invoice', 'new', '--customer', 'acme', '--date', '2026-11-02', '--item', 'Design', '--price', '1500']); // 0002, USD
});
afterAll(() => box.cleanup());

async function pdfText(number: string): Promise<string> {
  const out = join(box.home, `${number}.pdf`);
  await box.ok(['invoice', 'pdf', number, '--lang', 'en', '--out', out]);
  return (await readPdf(readFileSync(out))).text;
}

describe('payment details per currency', () => {
  it('prints the main account and a QR code on EUR invoices only, and nothing on a USD invoice without its own account', async () => {
    const eur = await pdfText('INV-2026-0001');
    expect(eur).toContain(`IBAN: ${EUR_IBAN}`);
    expect(eur).toContain('Bank: Commerzbank');
    expect(eur).toContain('Scan to pay with your banking app');
    const usd = await pdfText('INV-2026-0002');
    expect(usd).toContain('$1,500.00');
    expect(usd).not.toContain('IBAN');
    expect(usd).not.toContain('DE89');
    expect(usd).not.toContain('Payment details');
    expect(usd).not.toContain('Scan to pay');
  });

  it('prints the account set for USD on USD invoices, without a QR code, and keeps EUR invoices on the main account', async () => {
    await box.ok(['config', 'set', 'payment.USD.iban', USD_IBAN]);
    await box.ok(['config', 'set', 'payment.usd.bic', 'BUKBGB22']);
    await box.ok(['config', 'set', 'payment.USD.bank', 'Barclays']);
    // Issued invoices keep the payment details of their issue (issue 10): a new USD invoice shows the account.
    expect(await pdfText('INV-2026-0002')).not.toContain('IBAN');
    await box.ok(['invoice', 'new', '--customer', 'acme', '--date', '2026-11-03', '--item', 'Design', '--price', '1500']); // 0003, USD
    const usd = await pdfText('INV-2026-0003');
    expect(usd).toContain(`IBAN: ${USD_IBAN}`);
    expect(usd).toContain('BIC: BUKBGB22');
    expect(usd).toContain('Bank: Barclays');
    expect(usd).toContain('Reference: INV-2026-0003');
    expect(usd).not.toContain('DE89');
    expect(usd).not.toContain('Commerzbank');
    expect(usd).not.toContain('Scan to pay');
    const eur = await pdfText('INV-2026-0001');
    expect(eur).toContain(`IBAN: ${EUR_IBAN}`);
    expect(eur).not.toContain('GB33');
    expect(eur).toContain('Scan to pay');

    const shown = JSON.parse((await box.ok(['config', 'show', '--json'])).stdout);
    expect(shown.payment).toEqual({ bank: 'Commerzbank', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', accounts: { USD: { bank: 'Barclays', iban: 'GB33BUKB20201555555555', bic: 'BUKBGB22' } } });
    expect((await box.ok(['config', 'show'])).stdout).toContain('payment.USD.iban');
  });

  it('unsets a currency account field by field, and refuses bad keys and values', async () => {
    await box.ok(['config', 'unset', 'payment.USD.iban']);
    expect(await pdfText('INV-2026-0002')).not.toContain('IBAN');
    await box.ok(['config', 'unset', 'payment.USD.bic']);
    await box.ok(['config', 'unset', 'payment.USD.bank']);
    expect(JSON.parse((await box.ok(['config', 'show', '--json'])).stdout).payment.accounts).toEqual({});
    for (const [args, message] of [
      [['config', 'set', 'payment.<CUR>.iban', USD_IBAN], /payment\.<CUR>\.iban: write a currency code in place of <CUR>, e\.g\. payment\.USD\.iban/],
      [['config', 'set', 'payment.XYZ.iban', USD_IBAN], /'XYZ' is not an ISO 4217 currency code/],
      [['config', 'set', 'payment.USD.iban', 'GB33 BUKB 2020 1555 5555 56'], /payment\.USD\.iban: .* is not a valid IBAN/],
    ] as const) {
      const result = await box.run([...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^smallpay: [^\n]+\n$/);
      expect(result.stderr).toMatch(message);
    }
  });
});
