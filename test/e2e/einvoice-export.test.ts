// Issue 11: `smallpay invoice export` through the built CLI: the files, --json, --out -, and a refused
// XRechnung that lists the broken rules and writes nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { showFigures, ublFigures } from '../einvoice/read-ubl.js';

let box: Sandbox;

beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  await box.ok(['config', 'set', 'iban', 'DE89 3704 0044 0532 0130 00']);
  const settings: [string, string][] = [['street', 'Hauptstraße 5'], ['postcode', '10115'], ['city', 'Berlin'], ['endpoint', '9930:DE123456789'], ['contact.phone', '+49 30 1234567']];
  for (const [key, value] of settings) {
    await box.ok(['config', 'set', key, value]);
  }
  await box.ok(['customer', 'edit', 'globex', '--street', 'Rathausplatz 1', '--postcode', '12345', '--city', 'Musterhausen', '--country', 'DE', '--endpoint', '0204:04011000-12345-67']);
  const input = {
    customer: 'globex',
    issueDate: '2026-11-02',
    buyerReference: '04011000-12345-67',
    serviceDate: '2026-10-30',
    items: [
      { description: 'Beratung', quantity: '10', unit: 'HUR', unitPrice: '120.00', taxRate: '19' },
      { description: 'Fachbuch', quantity: '2', unitPrice: '39.90', taxRate: '7' },
    ],
  };
  await box.ok(['invoice', 'new', '--input', '-'], { input: JSON.stringify(input) }); // INV-2026-0001
  await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-03', '--item', 'Support', '--price', '80', '--tax', '19']); // 0002: no Leitweg-ID
  await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Later', '--price', '10', '--draft']);
  await box.ok(['invoice', 'pay', 'INV-2026-0001', '--amount', '100', '--date', '2026-11-10']);
});
afterAll(() => box.cleanup());

describe('invoice export', () => {
  it('writes <number>.xml to einvoice/ beside the store; --json gives number, format, path and sha256; the figures are those of show --json', async () => {
    const result = await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', 'xrechnung', '--json']);
    const path = join(box.files, 'einvoice', 'INV-2026-0001.xml');
    const bytes = readFileSync(path);
    expect(JSON.parse(result.stdout)).toEqual([{ number: 'INV-2026-0001', format: 'xrechnung', path, sha256: createHash('sha256').update(bytes).digest('hex') }]);
    const figures = ublFigures(bytes.toString('utf8'));
    expect(figures.customizationId).toBe('urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0');
    const show = JSON.parse((await box.ok(['invoice', 'show', 'INV-2026-0001', '--json'])).stdout);
    const { root: _root, id: _id, customizationId: _c, currencies: _cur, billingReference: _b, ...money } = figures;
    expect(money).toEqual(showFigures(show));
    expect(money.paid).toBe('100.00');
    expect(money.taxes.map((tax) => `${tax.category} ${tax.rate}`)).toEqual(['S 7', 'S 19']);
  });

  it('--out - prints the one document to stdout, the same bytes each time (SMALLPAY_NOW is fixed)', async () => {
    const first = await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', 'peppol', '--out', '-']);
    const second = await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', 'peppol', '--out', '-']);
    expect(first.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Invoice /);
    expect(first.stdout).toContain('<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>');
    expect(second.stdout).toBe(first.stdout);
  });

  it('refuses an XRechnung without the Leitweg-ID: exit 2, one line per broken rule, nothing written', async () => {
    const out = join(box.home, 'refused');
    mkdirSync(out);
    const result = await box.run(['invoice', 'export', 'INV-2026-0001', 'INV-2026-0002', '--format', 'xrechnung', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'smallpay: cannot export 2 documents as xrechnung; nothing was written:',
      'smallpay: INV-2026-0002: BR-DE-15: buyer reference (Leitweg-ID) is required for XRechnung; smallpay invoice edit INV-2026-0002 --buyer-reference <Leitweg-ID>',
      '',
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('--all passes over drafts and writes one file per issued invoice; a named draft is refused', async () => {
    const out = join(box.home, 'all');
    const result = await box.ok(['invoice', 'export', '--all', '--format', 'ubl', '--out', out, '--json']);
    expect(JSON.parse(result.stdout).map((entry: { number: string }) => entry.number)).toEqual(['INV-2026-0001', 'INV-2026-0002']);
    expect(readdirSync(out).sort()).toEqual(['INV-2026-0001.xml', 'INV-2026-0002.xml']);
    const list = JSON.parse((await box.ok(['invoice', 'list', '--status', 'draft', '--json'])).stdout);
    const draft = await box.run(['invoice', 'export', list[0].id, '--format', 'ubl', '--out', join(box.home, 'draft.xml')]);
    expect(draft.code).toBe(2);
    expect(draft.stderr).toMatch(/is a draft: only issued invoices and credit notes are exported/);
    expect(existsSync(join(box.home, 'draft.xml'))).toBe(false);
  });

  it('names the formats when --format is missing or unknown', async () => {
    const missing = await box.run(['invoice', 'export', 'INV-2026-0001']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('smallpay: missing --format (ubl, peppol, xrechnung, cii, xrechnung-cii, facturx)\n');
    const unknown = await box.run(['invoice', 'export', 'INV-2026-0001', '--format', 'edifact']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("smallpay: --format: 'edifact' is not one of ubl, peppol, xrechnung, cii, xrechnung-cii, facturx\n");
  });

  it('exports a credit note issued by invoice credit as a UBL CreditNote referring to its invoice (BT-25/26), figures as show --json', async () => {
    await box.ok(['invoice', 'credit', 'INV-2026-0002', '--item', 'Support', '--price', '20', '--tax', '19', '--date', '2026-11-20']);
    const { stdout } = await box.ok(['invoice', 'export', 'CN-2026-0001', '--format', 'ubl', '--out', '-']);
    expect(stdout).toMatch(/<CreditNote /);
    expect(stdout).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(stdout).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>INV-2026-0002<\/cbc:ID>\s*<cbc:IssueDate>2026-11-03<\/cbc:IssueDate>/);
    const figures = ublFigures(stdout);
    const show = JSON.parse((await box.ok(['invoice', 'show', 'CN-2026-0001', '--json'])).stdout);
    const { root: _root, id: _id, customizationId: _c, currencies: _cur, billingReference: _b, ...money } = figures;
    // BT-115 of a credit note is its amount (EN 16931: total − prepaid); SmallPay's balance of a credit note is 0,
    // since nothing is collected on it: the amount is credited against the invoice.
    expect(money).toEqual({ ...showFigures(show), payable: show.total });
    expect(money.payable).toBe('23.80');
  });
});
