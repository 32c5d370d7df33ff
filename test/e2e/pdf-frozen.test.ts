// Issue 10, "What an issued invoice freezes": an issued invoice's PDF keeps its bytes whatever settings
// change later; drafts follow the settings; a logo file changed in place is refused; a sent invoice can no
// longer be edited.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { readPdf } from '../support/pdf-text.js';
import { JPEG_16PX, PNG_1PX } from '../render/image-check.test.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function pdf(reference: string, name: string, args: string[] = []) {
  const out = join(box.home, name);
  const result = await box.ok(['invoice', 'pdf', reference, '--out', out, '--json', ...args]);
  const [entry] = JSON.parse(result.stdout) as { sha256: string }[];
  const bytes = readFileSync(out);
  expect(entry?.sha256).toBe(sha256(bytes));
  return { bytes, sha256: sha256(bytes), text: (await readPdf(bytes)).text };
}

async function seed(): Promise<{ logo: string; draft: string }> {
  await seedBusiness(box);
  const logo = join(box.home, 'logo.png');
  writeFileSync(logo, PNG_1PX);
  await box.ok(['config', 'set', 'iban', 'DE89 3704 0044 0532 0130 00']);
  await box.ok(['config', 'set', 'bic', 'COBADEFFXXX']);
  await box.ok(['config', 'set', 'pdf.footer', 'Ada Consulting · old footer']);
  await box.ok(['config', 'set', 'logo', logo]);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-01', '--item', 'Design work', '--qty', '10', '--price', '150', '--tax', '19']);
  const draft = (await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Maybe', '--price', '100', '--tax', '19', '--draft'])).stdout.trim();
  return { logo, draft };
}

describe('an issued invoice freezes what its PDF shows', () => {
  it('keeps the same bytes after the IBAN, footer, logo, template and language settings change; a draft follows them', async () => {
    const { draft } = await seed();
    const before = await pdf('INV-2026-0001', 'before.pdf');
    expect(before.text).toContain('IBAN: DE89 3704 0044 0532 0130 00');
    expect(before.text).toContain('old footer');
    const stored = JSON.parse(readFileSync(box.store, 'utf8')).invoices[0];
    expect(stored.presentation).toMatchObject({
      template: 'classic',
      lang: 'de',
      footer: 'Ada Consulting · old footer',
      payment: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
      logo: { path: join(box.home, 'logo.png'), sha256: sha256(PNG_1PX) },
      legalNotes: [],
    });

    const otherLogo = join(box.home, 'other.jpg');
    writeFileSync(otherLogo, JPEG_16PX);
    await box.ok(['config', 'set', 'iban', 'DE02 1203 0000 0000 2020 51']);
    await box.ok(['config', 'unset', 'bic']);
    await box.ok(['config', 'set', 'pdf.footer', 'New footer of a new year']);
    await box.ok(['config', 'set', 'logo', otherLogo]);
    await box.ok(['config', 'set', 'pdf.template', 'modern']);
    await box.ok(['config', 'set', 'pdf.accentColor', '#aa0000']);
    await box.ok(['config', 'set', 'lang', 'fr']);

    const after = await pdf('INV-2026-0001', 'after.pdf');
    expect(after.sha256).toBe(before.sha256);
    expect(after.bytes.equals(before.bytes)).toBe(true);

    const draftPdf = await pdf(draft, 'draft.pdf');
    expect(draftPdf.text).toContain('IBAN DE02 1203 0000 0000 2020 51'); // the modern template, now the setting
    expect(draftPdf.text).toContain('New footer of a new year');
    expect(draftPdf.text).not.toContain('old footer');
    expect(draftPdf.text).not.toContain('BIC');
  });

  it('refuses to draw an issued invoice whose logo file changed in place, naming the setting; a draft draws the new file', async () => {
    const { logo, draft } = await seed();
    await pdf('INV-2026-0001', 'before.pdf');
    writeFileSync(logo, JPEG_16PX); // same path, other bytes
    const out = join(box.home, 'refused.pdf');
    const refused = await box.run(['invoice', 'pdf', 'INV-2026-0001', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `smallpay: pdf.logo: ${logo} is not the logo invoice INV-2026-0001 was issued with (its SHA-256 differs); put back the file it was issued with, so the document stays the one the customer holds\n`,
    );
    await box.ok(['invoice', 'pdf', draft, '--out', join(box.home, 'draft.pdf')]);
    writeFileSync(logo, PNG_1PX);
    await box.ok(['invoice', 'pdf', 'INV-2026-0001', '--out', out]);
  });

  it('freezes the account of the invoice currency and the language of the business: later ones do not appear', async () => {
    await seed();
    await box.ok(['invoice', 'new', '--customer', 'acme', '--date', '2026-11-02', '--item', 'Audit', '--price', '500']);
    const before = await pdf('INV-2026-0002', 'usd-before.pdf');
    expect(before.text).not.toContain('IBAN');
    expect(before.text).toContain('INVOICE');
    await box.ok(['config', 'set', 'payment.USD.iban', 'GB33 BUKB 2020 1555 5555 55']);
    await box.ok(['config', 'set', 'lang', 'fr']);
    const after = await pdf('INV-2026-0002', 'usd-after.pdf');
    expect(after.sha256).toBe(before.sha256);
    // --lang still asks for another language explicitly.
    expect((await pdf('INV-2026-0002', 'usd-fr.pdf', ['--lang', 'fr'])).text).toContain('FACTURE');
  });
});

describe('every way of issuing freezes the logo', () => {
  it('invoice issue and recurring run freeze the logo digest; an unreadable logo stops the issue with exit 2', async () => {
    const { logo, draft } = await seed();
    await box.ok(['invoice', 'issue', draft, '--date', '2026-11-02']);
    await box.ok(['recurring', 'add', '--customer', 'globex', '--every', 'month', '--start', '2026-11-01', '--item', 'Retainer {period}', '--price', '1000', '--tax', '19']);
    await box.ok(['recurring', 'run']);
    const stored = JSON.parse(readFileSync(box.store, 'utf8')).invoices as { number: string; presentation?: { logo?: { sha256: string } } }[];
    expect(stored.map((invoice) => [invoice.number, invoice.presentation?.logo?.sha256])).toEqual([
      ['INV-2026-0001', sha256(PNG_1PX)],
      ['INV-2026-0002', sha256(PNG_1PX)],
      ['INV-2026-0003', sha256(PNG_1PX)],
    ]);
    const before = readFileSync(box.store);
    rmSync(logo);
    const refused = await box.run(['invoice', 'new', '--customer', 'globex', '--item', 'More', '--price', '10']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^smallpay: pdf\.logo: cannot read .*logo\.png: .*\n$/);
    expect(readFileSync(box.store).equals(before)).toBe(true);
  });
});

describe('a sent invoice', () => {
  it('can no longer be edited: exit 2 and a pointer to invoice credit, the store unchanged', async () => {
    await seed();
    await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-03', '--item', 'Unsent work', '--price', '100', '--tax', '19']);
    await box.ok(['send', 'INV-2026-0001', '--eml', '--json']);
    const stored = readFileSync(box.store);
    const result = await box.run(['invoice', 'edit', 'INV-2026-0001', '--note', 'changed after sending']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('smallpay: invoice INV-2026-0001 was sent and can no longer be edited; correct it with a credit note: smallpay invoice credit INV-2026-0001\n');
    expect(readFileSync(box.store).equals(stored)).toBe(true);
    // An issued invoice that was not sent, without payments, stays editable.
    await box.ok(['invoice', 'edit', 'INV-2026-0002', '--note', 'fine before sending']);
  });
});
