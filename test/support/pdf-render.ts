/** Invoices rendered in-process by the real PDF renderer, and read back by pdfjs-dist without touching the text. */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { changeSetting, createBusiness } from '../../src/domain/business.js';
import { addCustomer } from '../../src/domain/customers.js';
import { createInvoice } from '../../src/domain/invoices.js';
import type { Business, Invoice, StoreDocument } from '../../src/domain/types.js';
import { createInvoicePdfRenderer } from '../../src/render/pdf/invoice-pdf.js';
import { emptyDocument } from '../../src/store/schema.js';

export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export const TEMPLATES = ['classic', 'modern'] as const;

export interface Book {
  doc: StoreDocument;
  business: Business;
}

/** A German business with an EUR account, and customers in EUR and USD. */
export function book(settings: Record<string, string> = {}): Book {
  const doc = emptyDocument();
  const business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com', address: 'Hafenstraße 12\n20457 Hamburg', taxId: 'DE123456789' });
  changeSetting(business, 'iban', 'DE89 3704 0044 0532 0130 00');
  changeSetting(business, 'bic', 'COBADEFFXXX');
  changeSetting(business, 'bank', 'Commerzbank');
  for (const [key, value] of Object.entries(settings)) changeSetting(business, key, value);
  doc.business = business;
  addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test', address: 'Alexanderplatz 1\n10178 Berlin' }, '2026-01-01');
  addCustomer(doc, { id: 'acme', name: 'ACME Corp.', email: 'billing@acme.test', currency: 'USD' }, '2026-01-01');
  return { doc, business };
}

let ids = 0;
export function invoiceIn(book: Book, input: Parameters<typeof createInvoice>[1]): Invoice {
  ids += 1;
  return createInvoice(book.doc, input, { today: '2026-11-01', id: `inv_${String(ids).padStart(6, '0')}` });
}

export async function renderPdf(book: Book, invoice: Invoice, options: { lang?: string; template?: string } = {}) {
  const renderer = await createInvoicePdfRenderer({ business: book.business, today: '2026-11-25', ...options });
  return renderer.render(invoice);
}

export interface PageText {
  /**
   * Every text run with its position: x from the left, y from the bottom, in points; its length along the
   * baseline, its font size (height) and the baseline's angle in radians (0 for horizontal text).
   */
  items: { str: string; x: number; y: number; width: number; height: number; angle: number }[];
  text: string;
  width: number;
  height: number;
}

/** The text of every page exactly as pdfjs-dist decodes it (no space normalised). */
export async function readPages(bytes: Uint8Array): Promise<PageText[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PageText[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => {
      if (!('str' in item)) return [];
      const [a, b, c, d, x, y] = item.transform as number[];
      const angle = Math.atan2(b ?? 0, a ?? 1);
      return [{ str: item.str, x: x ?? 0, y: y ?? 0, width: item.width, height: Math.hypot(c ?? 0, d ?? 0), angle }];
    });
    pages.push({ items, text: items.map((item) => item.str).join('\n'), width, height });
  }
  await document.destroy();
  return pages;
}

/** The built-in font (Roboto) parsed by the fontkit that pdfkit uses: its cmap says which characters it can draw. */
export function builtInFont(): { hasGlyphForCodePoint(codePoint: number): boolean } {
  const require = createRequire(import.meta.url);
  const pdfmake = dirname(require.resolve('pdfmake/package.json'));
  const pdfkit = dirname(require.resolve('pdfkit/package.json', { paths: [pdfmake] }));
  const fontkit = require(require.resolve('fontkit', { paths: [pdfkit] })) as { openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean } };
  return fontkit.openSync(`${pdfmake}/fonts/Roboto/Roboto-Regular.ttf`);
}
