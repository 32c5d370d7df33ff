import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { readPdf } from '../support/pdf-text.js';

let box: Sandbox;
let pdfDir: string;
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  box = sandbox();
  pdfDir = join(box.home, 'pdf');
  await seedBusiness(box);
  await box.ok(['config', 'set', 'address', 'Hafenstraße 12\n20457 Hamburg']);
  await box.ok(['config', 'set', 'iban', 'DE89 3704 0044 0532 0130 00']);
  await box.ok(['config', 'set', 'bic', 'COBADEFFXXX']);
  await box.ok(['config', 'set', 'bank', 'Commerzbank']);
  await box.ok(['config', 'set', 'pdf.footer', 'Ada Consulting · Registergericht Hamburg']);
  await box.ok(['customer', 'add', '--id', 'zoe', '--name', 'Zoë Łódź', '--email', 'zoe@lodz.test', '--address', 'Ærøskøbing Havn 3', '--lang', 'es']);
  await box.ok(['customer', 'add', '--id', 'ivan', '--name', 'Иван Петров', '--email', 'ivan@example.ru']);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-01', '--item', 'Design work', '--qty', '10', '--price', '150', '--tax', '19', '--item', 'Travel', '--price', '89.90', '--tax', '7']); // 0001
  await box.ok(['invoice', 'new', '--customer', 'zoe', '--date', '2026-11-02', '--item', 'Ilustraciones Ærøskøbing', '--qty', '6', '--price', '180', '--tax', '21']); // 0002
  await box.ok(['invoice', 'new', '--customer', 'ivan', '--date', '2026-11-03', '--item', 'Перевод документов', '--price', '500']); // 0003
  const items = Array.from({ length: 120 }, (_, i) => ({ description: `Line item number ${i + 1}`, quantity: '1', unitPrice: '10.00', taxRate: '19' }));
  await box.ok(['invoice', 'new', '--input', '-', '--date', '2026-11-04'], { input: JSON.stringify({ customer: 'acme', items }) }); // 0004
});
afterAll(() => box.cleanup());

async function pdfOf(args: string[]) {
  const result = await box.ok(['invoice', 'pdf', ...args, '--json']);
  const [entry] = JSON.parse(result.stdout) as { number: string; path: string; sha256: string; pages: number }[];
  return { entry: entry!, pdf: await readPdf(readFileSync(entry!.path)) };
}

describe('invoice PDFs', () => {
  it('shows the number, the parties, each item and the totals in the customer language', async () => {
    const { entry, pdf } = await pdfOf(['INV-2026-0001']);
    expect(entry).toMatchObject({ number: 'INV-2026-0001', path: join(pdfDir, 'INV-2026-0001.pdf'), pages: 1 });
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    const text = pdf.text;
    for (const expected of ['RECHNUNG', 'INV-2026-0001', '1. November 2026', '1. Dezember 2026', 'Zahlbar innerhalb von 30 Tagen', 'Ada Consulting', 'DE123456789', 'Globex GmbH', 'ap@globex.test', 'Design work', 'Travel', '150,00 €', '1.500,00 €', '89,90 €', '1.589,90 €', 'USt. 19 % auf 1.500,00 €', '285,00 €', 'USt. 7 % auf 89,90 €', '6,29 €', '1.881,19 €', 'IBAN: DE89 3704 0044 0532 0130 00', 'BIC: COBADEFFXXX', 'Verwendungszweck: INV-2026-0001', 'Registergericht Hamburg', '1 / 1']) {
      expect(text).toContain(expected);
    }
    expect(pdf.info).toMatchObject({ Title: 'Rechnung INV-2026-0001', Author: 'Ada Consulting', Producer: 'SmallPay', CreationDate: 'D:20261101000000Z' }); // its issue date
  });

  it('keeps Unicode names intact through extraction', async () => {
    const zoe = (await pdfOf(['INV-2026-0002'])).pdf.text;
    expect(zoe).toContain('Zoë Łódź');
    expect(zoe).toContain('Ærøskøbing Havn 3');
    expect(zoe).toContain('Ilustraciones Ærøskøbing');
    expect(zoe).toContain('Factura'.toUpperCase());
    expect(zoe).toContain('1306,80 €');
    const ivan = (await pdfOf(['INV-2026-0003'])).pdf.text;
    expect(ivan).toContain('Иван Петров');
    expect(ivan).toContain('Перевод документов');
    expect(ivan).toContain('€500.00'); // no labels for his language: English
  });

  it('paginates a 120-line invoice with the table header on every page', async () => {
    const { entry, pdf } = await pdfOf(['INV-2026-0004', '--lang', 'en']);
    expect(entry.pages).toBeGreaterThanOrEqual(3);
    expect(pdf.pages).toHaveLength(entry.pages);
    pdf.pages.forEach((page, index) => {
      expect(page).toContain('Description');
      expect(page).toContain('Unit price');
      expect(page).toContain(`${index + 1} / ${entry.pages}`);
    });
    for (let line = 1; line <= 120; line += 1) expect(pdf.text).toContain(`Line item number ${line} `);
    expect(pdf.pages.at(-1)).toContain('$1,428.00');
  });

  it('offers two templates that look different', async () => {
    const classic = await pdfOf(['INV-2026-0001', '--out', join(box.home, 'classic.pdf')]);
    const modern = await pdfOf(['INV-2026-0001', '--template', 'modern', '--out', join(box.home, 'modern.pdf')]);
    expect(modern.entry.sha256).not.toBe(classic.entry.sha256);
    expect(classic.pdf.text.startsWith('VON')).toBe(true);
    expect(modern.pdf.text.startsWith('Rechnung')).toBe(true);
    expect(modern.pdf.text).toContain('1.881,19 €');
  });

  it('is byte-for-byte the same for the same invoice on any day (an issued invoice is dated on its issue date)', async () => {
    const write = async (name: string, env: Record<string, string> = {}) => {
      const file = join(box.home, name);
      await box.ok(['invoice', 'pdf', 'INV-2026-0001', '--out', file], { env });
      return readFileSync(file);
    };
    const first = await write('same-1.pdf');
    const second = await write('same-2.pdf');
    expect(first.length).toBeGreaterThan(1000);
    expect(second.equals(first)).toBe(true);
    const otherDay = await write('other-day.pdf', { SMALLPAY_NOW: '2027-03-26' });
    expect(otherDay.equals(first)).toBe(true);
  });

  it('writes one PDF to stdout with --out -, and records its SHA-256 on the invoice', async () => {
    const child = await import('node:child_process');
    const { BIN, baseEnv } = await import('../support/cli.js');
    const bytes = child.execFileSync(process.execPath, [BIN, 'invoice', 'pdf', 'INV-2026-0002', '--out', '-'], { env: { ...baseEnv(box.home), SMALLPAY_STORE: box.store }, stdio: ['ignore', 'pipe', 'ignore'] });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await readPdf(bytes)).text).toContain('Zoë Łódź');
    const { createHash } = await import('node:crypto');
    const shown = JSON.parse((await box.ok(['invoice', 'show', 'INV-2026-0002', '--json'])).stdout);
    expect(shown.pdf).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), path: null, pages: 1, writtenAt: '2026-11-25' });
  });

  it('renders many invoices in one run, with the filters', async () => {
    const out = join(box.home, 'batch');
    const result = await box.ok(['invoice', 'pdf', '--all', '--customer', 'globex', '--out', `${out}/`, '--json']);
    const entries = JSON.parse(result.stdout) as { number: string; path: string }[];
    expect(entries.map((e) => e.number)).toEqual(['INV-2026-0001']);
    const all = JSON.parse((await box.ok(['invoice', 'pdf', '--all', '--out', out, '--json'])).stdout) as { number: string; path: string }[];
    expect(all.map((e) => e.path)).toEqual(['0001', '0002', '0003', '0004'].map((n) => join(out, `INV-2026-${n}.pdf`)));
    for (const entry of all) expect(readFileSync(entry.path).subarray(0, 5).toString()).toBe('%PDF-');
    const shown = JSON.parse((await box.ok(['invoice', 'show', 'INV-2026-0003', '--json'])).stdout);
    expect(shown.pdf.path).toBe(join(out, 'INV-2026-0003.pdf'));
  });

  it('marks drafts and void invoices across the page', async () => {
    const draft = (await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Maybe', '--price', '1', '--draft'])).stdout.trim();
    expect((await pdfOf([draft])).pdf.text).toContain('ENTWURF');
    await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Wrong', '--price', '1']);
    await box.ok(['invoice', 'void', 'INV-2026-0005']);
    const voided = (await pdfOf(['INV-2026-0005'])).pdf.text;
    expect(voided).toContain('VOID');
    expect(voided).not.toContain('IBAN');
  });

  it('adds a language from a labels file and uses a logo and a colour', async () => {
    const labels = join(box.home, 'labels');
    mkdirSync(labels, { recursive: true });
    writeFileSync(join(labels, 'it.json'), JSON.stringify({ invoice: 'Fattura', description: 'Descrizione', total: 'Totale' }));
    writeFileSync(join(box.home, 'logo.png'), PNG_1PX);
    await box.ok(['config', 'set', 'pdf.labels', labels]);
    await box.ok(['config', 'set', 'logo', join(box.home, 'logo.png')]);
    await box.ok(['config', 'set', 'accentColor', '#C0392B']);
    const text = (await pdfOf(['INV-2026-0001', '--lang', 'it'])).pdf.text;
    expect(text).toContain('FATTURA');
    expect(text).toContain('Descrizione');
    expect(text).toContain('Unit price'); // missing in it.json: English
    expect(text).toContain('1881,19 €'); // Italian groups thousands only from five digits
    expect(JSON.parse((await box.ok(['config', 'show', '--json'])).stdout).pdf).toMatchObject({ accentColor: '#c0392b', logo: join(box.home, 'logo.png') });
  });

  it('takes other TTF fonts from settings', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const italic = join(require.resolve('pdfmake/package.json'), '..', 'fonts', 'Roboto', 'Roboto-Italic.ttf');
    copyFileSync(italic, join(box.home, 'custom.ttf'));
    const env = { SMALLPAY_STORE: join(box.home, 'fonts.json') };
    await box.ok(['init', '--name', 'Fonts', '--email', 'f@example.com', '--country', 'DE'], { env });
    await box.ok(['customer', 'add', '--name', 'X', '--email', 'x@x.test'], { env });
    await box.ok(['invoice', 'new', '--customer', 'x', '--item', 'y', '--price', '1'], { env });
    await box.ok(['config', 'set', 'pdf.font', join(box.home, 'custom.ttf')], { env });
    await box.ok(['invoice', 'pdf', 'INV-2026-0001', '--out', join(box.home, 'fonts.pdf')], { env });
    const bytes = readFileSync(join(box.home, 'fonts.pdf'));
    expect(bytes.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+Roboto-Italic/);
    expect(bytes.toString('latin1')).not.toMatch(/\/FontName \/[A-Z]{6}\+Roboto-Regular/);
  });
});

describe('bad PDF settings and templates', () => {
  const noPdfWritten = () => expect(existsSync(join(box.home, 'refused.pdf'))).toBe(false);
  const refuse = async (args: string[], message: RegExp, env?: Record<string, string>) => {
    const result = await box.run(args, env ? { env } : {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^smallpay: [^\n]+\n$/);
    expect(result.stderr).toMatch(message);
    noPdfWritten();
  };
  const pdf = (...extra: string[]) => ['invoice', 'pdf', 'INV-2026-0001', '--out', join(box.home, 'refused.pdf'), ...extra];

  it('refuses unknown templates and broken template modules', async () => {
    await refuse(pdf('--template', 'fancy'), /--template: no template 'fancy' \(built in: classic, modern/);
    writeFileSync(join(box.home, 'broken.mjs'), 'export default function ( {');
    await refuse(pdf('--template', join(box.home, 'broken.mjs')), /--template: cannot load template/);
    writeFileSync(join(box.home, 'nodefault.mjs'), 'export const x = 1;');
    await refuse(pdf('--template', join(box.home, 'nodefault.mjs')), /must export a default function/);
    writeFileSync(join(box.home, 'throws.mjs'), 'export default () => { throw new Error("no layout today"); }');
    await refuse(pdf('--template', join(box.home, 'throws.mjs')), /template .*throws.mjs: no layout today/);
  });

  it('never lets a template read a file or fetch a URL', async () => {
    writeFileSync(join(box.home, 'reads.mjs'), 'export default () => ({ content: [{ image: "/etc/hostname" }] });');
    await refuse(pdf('--template', join(box.home, 'reads.mjs')), /Access to local file denied/);
    writeFileSync(join(box.home, 'fetches.mjs'), 'export default () => ({ content: [{ image: "https://example.com/logo.png" }] });');
    await refuse(pdf('--template', join(box.home, 'fetches.mjs')), /Access to local file denied by resource access policy: https:\/\/example.com/);
    writeFileSync(join(box.home, 'svg.mjs'), 'export default () => ({ content: [{ svg: `<svg width="10" height="10"><image href="${process.env.HOME}/logo.png" width="10" height="10"/></svg>` }] });');
    await refuse(pdf('--template', join(box.home, 'svg.mjs')), /Access to local file denied by resource access policy: .*logo\.png \(in an SVG image\)/);
    writeFileSync(join(box.home, 'fetches2.mjs'), 'export default () => ({ images: { logo: "https://example.com/logo.png" }, content: [{ image: "logo" }] });');
    await refuse(pdf('--template', join(box.home, 'fetches2.mjs')), /Access to URL denied by resource access policy: https:\/\/example.com\/logo.png/);
  });

  it('refuses a bad logo, colour, IBAN, labels folder or language', async () => {
    writeFileSync(join(box.home, 'not-an-image.png'), 'hello');
    await refuse(['config', 'set', 'logo', join(box.home, 'not-an-image.png')], /pdf\.logo: .*not-an-image\.png is not a PNG or JPEG image/);
    await refuse(['config', 'set', 'logo', join(box.home, 'missing.png')], /pdf\.logo: cannot read .*missing\.png: no such file or directory/);
    await refuse(['config', 'set', 'accentColor', 'red'], /pdf\.accentColor: 'red' is not a colour/);
    await refuse(['config', 'set', 'iban', 'DE89 3704 0044 0532 0130 01'], /payment\.iban: .* is not a valid IBAN/);
    await refuse(['config', 'set', 'bic', 'XYZ'], /payment\.bic: 'XYZ' is not a BIC/);
    await refuse(['config', 'set', 'pdf.labels', join(box.home, 'nowhere')], /pdf\.labels: cannot read/);
    await refuse(['config', 'set', 'pdf.font', join(box.home, 'logo.png')], /pdf\.font: .* is not a TrueType or OpenType font/);
    await refuse(pdf('--lang', 'xx'), /--lang: no labels for 'xx'/);
  });

  it('refuses to make a PDF when the configured logo has gone', async () => {
    writeFileSync(join(box.home, 'gone.png'), PNG_1PX);
    await box.ok(['config', 'set', 'logo', join(box.home, 'gone.png')]);
    rmSync(join(box.home, 'gone.png'));
    await refuse(pdf(), /pdf\.logo: cannot read .*gone\.png/);
    await box.ok(['config', 'unset', 'logo']);
  });

  it('needs invoices to render', async () => {
    await refuse(['invoice', 'pdf'], /missing invoice number/);
    await refuse(['invoice', 'pdf', '--all', '--out', '-'], /--out - writes one PDF to stdout; \d+ invoices were chosen/);
    await refuse(['invoice', 'pdf', 'INV-2026-0999'], /no invoice 'INV-2026-0999'/);
  });
});
