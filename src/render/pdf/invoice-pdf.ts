/**
 * Invoice PDFs: everything that is the same for every invoice (template, labels, fonts, logo, the PDF
 * engine) is loaded once, then each invoice is a view, a document definition and a render. Used by
 * `invoice pdf` and by `send`, so the PDF mailed is the one `invoice pdf` writes.
 */
import { createHash } from 'node:crypto';
import { DomainError, invalid } from '../../domain/errors.js';
import type { Business, Invoice } from '../../domain/types.js';
import { DEFAULT_TEMPLATE, loadTemplate, readFont, readLogo } from './assets.js';
import { buildInvoiceView, carriedForwardAmounts } from './invoice-view.js';
import { type LabelCatalog, loadLabelCatalog } from './labels.js';
import { type EinvoiceDocument, einvoiceDocument } from '../../domain/einvoice.js';
import { type HybridAttachment, type PdfEngine, builtInFontPaths, createPdfEngine } from './pdf-engine.js';
import { createTextFitter, fitDocumentText } from './text-fit.js';

export interface InvoicePdfOptions {
  business: Business;
  /** --template: a built-in name or a path; else the pdf.template setting, else classic. */
  template?: string;
  /** --lang: else the customer's language, else the business's, else English. */
  lang?: string;
  /** The creation date written into every PDF (today, or SMALLPAY_NOW). */
  today: string;
  /** Factur-X hybrid PDFs of issued invoices (`invoice export --format facturx`); else the pdf.facturx setting. */
  facturx?: boolean;
}

export interface InvoicePdf {
  bytes: Buffer;
  pages: number;
  sha256: string;
  lang: string;
}

export interface InvoicePdfRenderer {
  template: string;
  /**
   * `einvoice`: the resolved e-invoice data a Factur-X PDF embeds (as `invoice export` resolves it); without
   * it, a hybrid PDF resolves it from the invoice's own snapshots.
   */
  render(invoice: Invoice, einvoice?: EinvoiceDocument): Promise<InvoicePdf>;
}

/** The template a renderer with these options uses: --template, else the pdf.template setting, else classic. */
export function templateReference(options: Pick<InvoicePdfOptions, 'template' | 'business'>): string {
  return options.template ?? options.business.pdf?.template ?? DEFAULT_TEMPLATE;
}

function languageOf(invoice: Invoice, options: InvoicePdfOptions, labels: LabelCatalog): string {
  for (const candidate of [options.lang, invoice.customer.lang, options.business.lang]) {
    if (candidate !== undefined && labels.has(candidate)) return candidate;
  }
  return 'en';
}

export async function createInvoicePdfRenderer(options: InvoicePdfOptions): Promise<InvoicePdfRenderer> {
  const { business } = options;
  const settings = business.pdf ?? {};
  const labels = loadLabelCatalog(settings.labels);
  if (options.lang !== undefined && !labels.has(options.lang)) {
    throw invalid(`--lang: no labels for '${options.lang}' (available: ${labels.languages().join(', ')}; add one with a labels file, see pdf.labels)`);
  }
  const template = await loadTemplate(templateReference(options), options.template !== undefined ? '--template' : 'pdf.template');
  const logo = settings.logo ? readLogo(settings.logo) : null;
  const builtIn = builtInFontPaths();
  const normal = settings.font ? readFont(settings.font, 'pdf.font') : readFont(builtIn.normal, 'built-in font');
  const bold = settings.fontBold ? readFont(settings.fontBold, 'pdf.fontBold') : settings.font ? normal : readFont(builtIn.bold, 'built-in font');
  const engine: PdfEngine = createPdfEngine({ normal, bold });
  const fitText = createTextFitter((codePoint) => engine.hasGlyph(codePoint));
  const hybrid = options.facturx ?? settings.facturx === true;
  // The CII writer loads only when a PDF is to carry it.
  const facturx = hybrid ? await import('../einvoice/facturx.js') : undefined;

  /** One rendering; it notes on which page each item's amount landed (see InvoiceView.anchor). */
  async function draw(invoice: Invoice, lang: string, attachment: HybridAttachment | undefined, carried?: ReadonlyMap<number, number>) {
    const view = buildInvoiceView(invoice, { lang, labels: labels.labelsFor(lang), business, logo, ...(carried && { carried }) });
    const pageOfAnchor = new Map<string, number>();
    try {
      const definition = template.render(view);
      if (typeof definition !== 'object' || definition === null) throw new Error('it did not return a document definition');
      const fitted = fitDocumentText(definition as Record<string, unknown>, fitText);
      // pdfmake shows this hook every laid-out node with its pages; it is called again for the nodes after a
      // break the template asks for, so the last call for an anchor gives its final page.
      const pageBreakBefore = fitted.pageBreakBefore;
      fitted.pageBreakBefore = (node: { id?: unknown; pageNumbers?: number[] }, nodes: unknown) => {
        if (typeof node.id === 'string' && node.pageNumbers?.length) pageOfAnchor.set(node.id, Math.min(...node.pageNumbers));
        return typeof pageBreakBefore === 'function' ? (pageBreakBefore as (n: unknown, m: unknown) => unknown)(node, nodes) : false;
      };
      const metadata = { title: view.title, author: view.issuer.name, subject: `${view.title}, ${view.customer.name}`, created: options.today };
      const rendered = await engine.render(fitted, attachment ? { ...metadata, hybrid: attachment } : metadata);
      return { rendered, pageOfAnchor };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw invalid(`template ${template.name}: ${(error as Error).message}`);
    }
  }

  return {
    template: template.name,
    async render(invoice, einvoice) {
      const lang = languageOf(invoice, options, labels);
      // A draft has no number and is no invoice yet: it stays a plain PDF.
      const attachment = facturx && invoice.number !== null ? facturx.facturxAttachment(einvoice ?? einvoiceDocument(invoice, business, undefined, options.today)) : undefined;
      const first = await draw(invoice, lang, attachment);
      // Items over several pages: a second rendering prints what each page carries forward. Header and footer
      // sit in the page margins, so the content breaks exactly where it did.
      const carried = first.rendered.pages > 1 ? carriedForwardAmounts(invoice, first.pageOfAnchor) : new Map<number, number>();
      const { rendered } = carried.size > 0 ? await draw(invoice, lang, attachment, carried) : first;
      return { ...rendered, sha256: createHash('sha256').update(rendered.bytes).digest('hex'), lang };
    },
  };
}
