// The layout of both templates, read back from the PDF with pdfjs-dist (issue 9, item 16).
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../src/domain/types.js';
import { voidInvoice } from '../../src/domain/invoice-settlement.js';
import { createInvoicePdfRenderer, type InvoicePdfRenderer } from '../../src/render/pdf/invoice-pdf.js';
import { loadLabelCatalog } from '../../src/render/pdf/labels.js';
import { type Book, LANGUAGES, type PageText, TEMPLATES, book, invoiceIn, readPages } from '../support/pdf-render.js';

const books = book();
const renderers = new Map<string, InvoicePdfRenderer>();

async function pagesOf(invoice: Invoice, template: string, lang = 'en', from: Book = books): Promise<PageText[]> {
  const key = `${template} ${lang}`;
  let renderer = from === books ? renderers.get(key) : undefined;
  if (!renderer) {
    renderer = await createInvoicePdfRenderer({ business: from.business, today: '2026-11-25', template, lang });
    if (from === books) renderers.set(key, renderer);
  }
  return readPages((await renderer.render(invoice)).bytes);
}

/** Numbers of the pages (from 1) with a text run matching `pattern`. */
function pagesWith(pages: PageText[], pattern: RegExp): number[] {
  return pages.flatMap((page, index) => (page.items.some((item) => pattern.test(item.str)) ? [index + 1] : []));
}

const item = (description: string, unitPrice = '1234.50') => ({ description, quantity: '3', unitPrice, taxRate: '19' });

describe('long words', () => {
  const words = [
    '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellungsbetriebsberatungsvertrag',
    'https://example.com/a/very/long/path/with/many/segments/and?query=string&more=values&even=more',
  ];
  const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: words.map((word) => item(word, '987654.32')), note: words.join(' ') });

  for (const template of TEMPLATES) {
    it.each(LANGUAGES)(`${template}, %s: a hash, a compound and a URL wrap, and every amount stays on the page`, async (lang) => {
      const pages = await pagesOf(invoice, template, lang);
      for (const page of pages) {
        for (const run of page.items) {
          if (run.str.trim() === '') continue;
          expect(run.x, run.str).toBeGreaterThanOrEqual(0);
          expect(run.x + run.width, run.str).toBeLessThanOrEqual(page.width - 30);
        }
      }
      const text = pages.map((page) => page.text).join('').replace(/[\u200b\n]/g, '');
      for (const word of words) expect(text).toContain(word);
    });
  }
});

describe('items across pages', () => {
  // Twelve-line descriptions (two parts each) at every offset against the page end.
  const lines = (position: number) => Array.from({ length: 12 }, (_, line) => `P${position}L${line + 1}`).join('\n');
  const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: Array.from({ length: 14 }, (_, index) => item(lines(index + 1))) });

  it('classic: every page a description continues on shows its position number, and no line is lost', async () => {
    const pages = await pagesOf(invoice, 'classic');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (let position = 1; position <= 14; position += 1) {
      for (let line = 1; line <= 12; line += 1) {
        const on = pagesWith(pages, new RegExp(`^P${position}L${line}$`));
        expect(on, `P${position}L${line}`).toHaveLength(1);
        const page = pages[(on[0] as number) - 1] as PageText;
        const numbers = page.items.filter((run) => run.str === String(position) && run.x < 70);
        expect(numbers.length, `position ${position} on page ${on[0]}`).toBeGreaterThan(0);
      }
    }
  });

  it('modern: the lines of a part and its amounts stay on one page', async () => {
    const pages = await pagesOf(invoice, 'modern');
    for (let position = 1; position <= 14; position += 1) {
      const first = pagesWith(pages, new RegExp(`^P${position}L[1-8]$`));
      const second = pagesWith(pages, new RegExp(`^P${position}L(9|1[0-2])$`));
      expect(first, `P${position}, lines 1 to 8`).toHaveLength(1);
      expect(second, `P${position}, lines 9 to 12`).toHaveLength(1);
    }
  });

  it('never drops a description taller than a page', async () => {
    const tall = Array.from({ length: 200 }, (_, line) => `T${line + 1}`).join('\n'); // 200 lines, about three pages
    const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [item('before'), item(tall), item('after')] });
    for (const template of TEMPLATES) {
      const pages = await pagesOf(invoice, template);
      for (let line = 1; line <= 200; line += 1) expect(pagesWith(pages, new RegExp(`^T${line}$`)), `${template} T${line}`).toHaveLength(1);
      expect(pagesWith(pages, /^after$/)).toHaveLength(1);
    }
  });

  it('never drops tax lines, however many rates an invoice has', async () => {
    const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: Array.from({ length: 60 }, (_, index) => ({ ...item(`Rate ${index + 1}`), taxRate: String(index + 1) })) });
    for (const template of TEMPLATES) {
      const text = (await pagesOf(invoice, template)).map((page) => page.items.map((run) => run.str).join('')).join('\n');
      for (let rate = 1; rate <= 60; rate += 1) expect(text, `${template}, ${rate}%`).toContain(`VAT ${rate}% on`);
      expect(text).toContain('Total');
    }
  });
});

describe('blocks kept together', () => {
  // Invoices of 14 to 30 one-line items move the totals and the note across the end of the first page (before
  // the fix: classic split its totals at 23 to 25 items and orphaned the note heading at 21; modern at 18, 19 and 20).
  const note = 'Notetext: thank you for your business.';
  const invoices = Array.from({ length: 17 }, (_, index) =>
    invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', note, items: Array.from({ length: 14 + index }, (_, position) => ({ ...item(`Work ${position + 1}`), taxRate: position % 2 ? '19' : '7' })) }),
  );

  for (const template of TEMPLATES) {
    it(`${template}: subtotal, taxes and total on one page; the note heading on the page of its text`, async () => {
      for (const invoice of invoices) {
        const pages = await pagesOf(invoice, template);
        // From the first line of the block to its last (the tax lines sit between them).
        const totals = [/^Subtotal$/, /^Total$/].map((label) => pagesWith(pages, label));
        for (const on of totals) expect(on, `${invoice.items.length} items`).toEqual(totals[0]);
        expect(totals[0]).toHaveLength(1);
        const heading = pagesWith(pages, template === 'classic' ? /^NOTE$/ : /^Note$/);
        expect(heading, `${invoice.items.length} items`).toHaveLength(1);
        expect(pagesWith(pages, /^Notetext:/), `${invoice.items.length} items`).toEqual(heading);
      }
    });
  }
});

describe('carried forward', () => {
  // Every item nets 3 × 1,234.50 = 3,703.50.
  const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: Array.from({ length: 70 }, (_, position) => item(`Work ${position + 1}`)) });
  const money = (cents: number) => `€${(cents / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`;
  const linesOf = (page: PageText) => page.items.map((run) => run.str).join('').replace(/\s+/g, ' ');

  for (const template of TEMPLATES) {
    it(`${template}: each page ends with the sum of the amounts so far, and the next page starts with it`, async () => {
      const pages = await pagesOf(invoice, template);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      let rowsSoFar = 0;
      pages.forEach((page, index) => {
        rowsSoFar += page.items.filter((run) => /^€3,703\.50$/.test(run.str)).length;
        const next = pages[index + 1];
        const itemsContinue = next !== undefined && next.items.some((run) => /^Work$/.test(run.str));
        if (itemsContinue) {
          expect(linesOf(page)).toContain(`Carried forward: ${money(rowsSoFar * 370350)}`);
          expect(linesOf(next)).toContain(`Brought forward: ${money(rowsSoFar * 370350)}`);
        } else {
          expect(linesOf(page)).not.toContain('Carried forward');
        }
      });
      expect(linesOf(pages[0] as PageText)).not.toContain('Brought forward');
      expect(rowsSoFar).toBe(70);
    });
  }

  it('is not printed on a one-page invoice', async () => {
    const short = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [item('Work 1')] });
    for (const template of TEMPLATES) {
      const text = (await pagesOf(short, template)).map(linesOf).join(' ');
      expect(text).not.toMatch(/Carried forward|Brought forward/);
    }
  });
});

describe('watermarks', () => {
  const draft = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', draft: true, items: [item('Draft work')] });
  const voided = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [item('Voided work')] });
  voidInvoice(voided, '2026-11-02');

  for (const template of TEMPLATES) {
    it.each(LANGUAGES)(`${template}, %s: DRAFT and VOID stay whole on the page`, async (lang) => {
      for (const invoice of [draft, voided]) {
        const [page] = (await pagesOf(invoice, template, lang)) as [PageText];
        const labels = loadLabelCatalog().labelsFor(lang);
        const mark = invoice.status === 'draft' ? labels.draft : labels.void;
        // The only rotated text on the page; pdfjs may give it as several runs (ANNUL, É, E).
        const runs = page.items.filter((candidate) => Math.abs(candidate.angle) > 0.1);
        expect(runs.map((candidate) => candidate.str).join('').normalize('NFC')).toBe(mark);
        for (const { x, y, width, height, angle } of runs) {
          // The four corners of the rotated text box (height: the font size, which covers capitals and accents).
          const along = [Math.cos(angle), Math.sin(angle)] as const;
          const up = [-Math.sin(angle), Math.cos(angle)] as const;
          const corners = [
            [x, y],
            [x + width * along[0], y + width * along[1]],
            [x + height * up[0], y + height * up[1]],
            [x + width * along[0] + height * up[0], y + width * along[1] + height * up[1]],
          ];
          for (const [cx, cy] of corners) {
            expect(cx, `${mark} x`).toBeGreaterThanOrEqual(0);
            expect(cx, `${mark} x`).toBeLessThanOrEqual(page.width);
            expect(cy, `${mark} y`).toBeGreaterThanOrEqual(0);
            expect(cy, `${mark} y`).toBeLessThanOrEqual(page.height);
          }
        }
      }
    });
  }
});

describe('the modern template and a logo', () => {
  it('puts the logo on a white card, not straight on the coloured banner', async () => {
    const { loadTemplate } = await import('../../src/render/pdf/assets.js');
    const { render: modern } = await loadTemplate('modern');
    const { buildInvoiceView } = await import('../../src/render/pdf/invoice-view.js');
    const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [item('Logo')] });
    const view = buildInvoiceView(invoice, { lang: 'en', labels: loadLabelCatalog().labelsFor('en'), business: books.business, logo: 'data:image/png;base64,' });
    const background = (modern(view).background as () => { canvas: { x: number; y: number; w: number; h: number; color: string }[] })();
    const card = background.canvas.find((shape) => shape.color === '#ffffff');
    // The logo's box: 110 × 44 points, 28 from the top, 40 from the right edge of the A4 page.
    expect(card).toBeDefined();
    const { x, y, w, h } = card as { x: number; y: number; w: number; h: number };
    expect(x).toBeLessThanOrEqual(595.28 - 40 - 110);
    expect(x + w).toBeGreaterThanOrEqual(595.28 - 40);
    expect(y).toBeLessThanOrEqual(28);
    expect(y + h).toBeGreaterThanOrEqual(28 + 44);
  });
});
