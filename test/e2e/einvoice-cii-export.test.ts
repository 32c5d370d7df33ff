// Issue 11: `invoice export --format cii | xrechnung-cii | facturx` through the built CLI: the figures read back
// equal show --json, the same bytes on every run, and the Factur-X PDF carries exactly the cii export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { readCii } from '../einvoice/cii-read.js';

let box: Sandbox;

beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  await box.ok(['config', 'set', 'iban', 'DE89 3704 0044 0532 0130 00']);
  for (const [key, value] of [['street', 'Hauptstraße 5'], ['postcode', '10115'], ['city', 'Berlin'], ['endpoint', '9930:DE123456789'], ['contact.phone', '+49 30 1234567']] as const) {
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
});
afterAll(() => box.cleanup());

describe('invoice export (CII family)', () => {
  it.each(['cii', 'xrechnung-cii'])('--format %s: totals, VAT breakdown and line nets equal show --json; the same bytes each run', async (format) => {
    const first = await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', format, '--out', '-']);
    const second = await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', format, '--out', '-']);
    expect(second.stdout).toBe(first.stdout);
    const read = readCii(first.stdout);
    const show = JSON.parse((await box.ok(['invoice', 'show', 'INV-2026-0001', '--json'])).stdout);
    expect(read.totals).toEqual({ lineTotal: show.lineTotal, chargeTotal: show.chargeTotal, allowanceTotal: show.allowanceTotal, subtotal: show.subtotal, tax: show.tax, total: show.total, paid: show.paid, due: show.balance });
    expect(read.taxes.map(({ category, rate, base, tax }) => ({ category, rate, base, tax }))).toEqual(show.taxes.map(({ category, rate, base, tax }: Record<string, string>) => ({ category, rate, base, tax })));
    expect(read.lineNets).toEqual(show.items.map((item: { net: string }) => item.net));
  });

  it('--format facturx writes <number>.pdf whose factur-x.xml is the cii export, byte for byte', async () => {
    await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', 'facturx']);
    const pdf = readFileSync(join(box.home, 'einvoice', 'INV-2026-0001.pdf'));
    const cii = (await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', 'cii', '--out', '-'])).stdout;
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
    const attachments = (await document.getAttachments()) as Record<string, { content: Uint8Array }>;
    await document.destroy();
    expect(Buffer.from(attachments['factur-x.xml']!.content).toString('utf8')).toBe(cii);
  });

  it('the setting pdf.facturx makes invoice pdf write the Factur-X PDF, the same bytes as export --format facturx', async () => {
    expect((await box.run(['config', 'set', 'pdf.facturx', 'perhaps'])).code).toBe(2);
    await box.ok(['config', 'set', 'pdf.facturx', 'true']);
    await box.ok(['invoice', 'pdf', 'INV-2026-0001', '--out', join(box.home, 'hybrid.pdf')]);
    await box.ok(['config', 'set', 'pdf.facturx', 'false']);
    await box.ok(['invoice', 'pdf', 'INV-2026-0001', '--out', join(box.home, 'plain.pdf')]);
    await box.ok(['invoice', 'export', 'INV-2026-0001', '--format', 'facturx', '--out', join(box.home, 'export.pdf')]);
    expect(readFileSync(join(box.home, 'hybrid.pdf')).equals(readFileSync(join(box.home, 'export.pdf')))).toBe(true);
    expect(readFileSync(join(box.home, 'plain.pdf')).includes('factur-x.xml')).toBe(false);
  });

  it('refuses xrechnung-cii without a Leitweg-ID, naming BR-DE-15, and writes nothing', async () => {
    await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-03', '--item', 'Support', '--price', '80', '--tax', '19']);
    const result = await box.run(['invoice', 'export', 'INV-2026-0002', '--format', 'xrechnung-cii', '--out', join(box.home, 'x.xml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('BR-DE-15');
  });
});
