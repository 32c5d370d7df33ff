/**
 * Invoice PDFs: everything that is the same for every invoice (template, labels, fonts, logo, the PDF
 * engine) is loaded once, then each invoice is a view, a document definition and a render. Used by
 * `invoice pdf` and by `send`, so the PDF mailed is the one `invoice pdf` writes.
 */
import { createHash } from 'node:crypto';
import { DomainError, invalid, refused } from '../../domain/errors.js';
import { currentPresentation } from '../../domain/presentation.js';
import type { Business, FrozenPresentation, Invoice } from '../../domain/types.js';
import { DEFAULT_TEMPLATE, type Template, loadTemplate, readFont, readLogoFile } from './assets.js';
import { buildInvoiceView, carriedForwardAmounts } from './invoice-view.js';
import { type LabelCatalog, loadLabelCatalog } from './labels.js';
import { type EinvoiceDocument, einvoiceDocument } from '../../domain/einvoice.js';
import { type HybridAttachment, type PdfEngine, builtInFontPaths, createPdfEngine } from './pdf-engine.js';
import { createTextFitter, fitDocumentText } from './text-fit.js';

export interface InvoicePdfOptions {
  business: Business;
  /** --template: a built-in name or a path; else what the invoice froze at issue, else pdf.template, else classic. */
  template?: string;
  /** --lang: else the language the invoice froze at issue, else the customer's, else the business's, else English. */
  lang?: string;
  /** The creation date written into the PDF of a draft (today, or SMALLPAY_NOW); an issued invoice's is its issue date. */
  today: string;
  /** Factur-X hybrid PDFs of issued invoices (`invoice export --format facturx`); else the pdf.facturx setting. */
  facturx?: boolean;
}

export interface InvoicePdf {
  bytes: Buffer;
  pages: number;
  sha256: string;
  lang: string;
  /** The template it was drawn with: a built-in name or a path. */
  template: string;
}

export interface InvoicePdfRenderer {
  /**
   * `einvoice`: the resolved e-invoice data a Factur-X PDF embeds (as `invoice export` resolves it); without
   * it, a hybrid PDF resolves it from the invoice's own snapshots.
   */
  render(invoice: Invoice, einvoice?: EinvoiceDocument): Promise<InvoicePdf>;
}

/** The template a renderer with these options uses for drafts: --template, else the pdf.template setting, else classic. */
export function templateReference(options: Pick<InvoicePdfOptions, 'template' | 'business'>): string {
  return options.template ?? options.business.pdf?.template ?? DEFAULT_TEMPLATE;
}

function languageOf(invoice: Invoice, presentation: FrozenPresentation, options: InvoicePdfOptions, labels: LabelCatalog): string {
  for (const candidate of [options.lang, presentation.lang, invoice.customer.lang, options.business.lang]) {
    if (candidate !== undefined && labels.has(candidate)) return candidate;
  }
  return 'en';
}

/** How one invoice is drawn: its language, what it froze (or the settings), its template and logo. */
interface Look {
  lang: string;
  presentation: FrozenPresentation;
  template: { name: string; render: Template };
  logo: string | null;
}

export async function createInvoicePdfRenderer(options: InvoicePdfOptions): Promise<InvoicePdfRenderer> {
  const { business } = options;
  const settings = business.pdf ?? {};
  const labels = loadLabelCatalog(settings.labels);
  if (options.lang !== undefined && !labels.has(options.lang)) {
    throw invalid(`--lang: no labels for '${options.lang}' (available: ${labels.languages().join(', ')}; add one with a labels file, see pdf.labels)`);
  }
  // Templates and logos by reference, loaded once each: issued invoices may use those of their day.
  const templates = new Map<string, Promise<{ name: string; render: Template }>>();
  const templateFor = (reference: string) => {
    let loading = templates.get(reference);
    if (!loading) templates.set(reference, (loading = loadTemplate(reference, options.template !== undefined ? '--template' : 'pdf.template')));
    return loading;
  };
  // The template of drafts now, so a bad setting or flag is refused before any invoice.
  await templateFor(templateReference(options));
  const logos = new Map<string, { dataUrl: string; sha256: string }>();
  const logoFile = (path: string) => {
    let logo = logos.get(path);
    if (!logo) logos.set(path, (logo = readLogoFile(path)));
    return logo;
  };
  if (settings.logo) logoFile(settings.logo);

  /**
   * An issued invoice draws the logo it froze, if the file still has the same bytes; a changed file would
   * change a document the customer may already hold, so it is refused. Drafts (and invoices from before
   * schema 4) draw the logo the settings name now.
   */
  function logoOf(invoice: Invoice): string | null {
    const frozen = invoice.presentation;
    if (!frozen) return settings.logo ? logoFile(settings.logo).dataUrl : null;
    if (!frozen.logo) return null;
    const file = logoFile(frozen.logo.path);
    if (file.sha256 !== frozen.logo.sha256) {
      throw refused(
        `pdf.logo: ${frozen.logo.path} is not the logo invoice ${invoice.number ?? invoice.id} was issued with (its SHA-256 differs)`,
        'put back the file it was issued with, so the document stays the one the customer holds',
      );
    }
    return file.dataUrl;
  }
  const builtIn = builtInFontPaths();
  const normal = settings.font ? readFont(settings.font, 'pdf.font') : readFont(builtIn.normal, 'built-in font');
  const bold = settings.fontBold ? readFont(settings.fontBold, 'pdf.fontBold') : settings.font ? normal : readFont(builtIn.bold, 'built-in font');
  const engine: PdfEngine = createPdfEngine({ normal, bold });
  const fitText = createTextFitter((codePoint) => engine.hasGlyph(codePoint));
  const hybrid = options.facturx ?? settings.facturx === true;
  // The CII writer loads only when a PDF is to carry it.
  const facturx = hybrid ? await import('../einvoice/facturx.js') : undefined;

  /** One rendering; it notes on which page each item's amount landed (see InvoiceView.anchor). */
  async function draw(invoice: Invoice, look: Look, attachment: HybridAttachment | undefined, carried?: ReadonlyMap<number, number>) {
    const { lang, presentation, template, logo } = look;
    const view = buildInvoiceView(invoice, { lang, labels: labels.labelsFor(lang), business, presentation, logo, ...(carried && { carried }) });
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
      // Issued: dated on its issue date, so the same invoice gives the same bytes on any day.
      const created = invoice.status === 'draft' ? options.today : invoice.issueDate;
      const metadata = { title: view.title, author: view.issuer.name, subject: `${view.title}, ${view.customer.name}`, created };
      const rendered = await engine.render(fitted, attachment ? { ...metadata, hybrid: attachment } : metadata);
      return { rendered, pageOfAnchor };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw invalid(`template ${template.name}: ${(error as Error).message}`);
    }
  }

  return {
    async render(invoice, einvoice) {
      // What the invoice froze at issue; drafts and invoices from before schema 4 follow the settings.
      const presentation = invoice.presentation ?? currentPresentation(invoice, business);
      const template = await templateFor(options.template ?? presentation.template);
      const look: Look = { lang: languageOf(invoice, presentation, options, labels), presentation, template, logo: logoOf(invoice) };
      // A draft has no number and is no invoice yet: it stays a plain PDF.
      const attachment = facturx && invoice.number !== null ? facturx.facturxAttachment(einvoice ?? einvoiceDocument(invoice, business, undefined, options.today)) : undefined;
      const first = await draw(invoice, look, attachment);
      // Items over several pages: a second rendering prints what each page carries forward. Header and footer
      // sit in the page margins, so the content breaks exactly where it did.
      const carried = first.rendered.pages > 1 ? carriedForwardAmounts(invoice, first.pageOfAnchor) : new Map<number, number>();
      const { rendered } = carried.size > 0 ? await draw(invoice, look, attachment, carried) : first;
      return { ...rendered, sha256: createHash('sha256').update(rendered.bytes).digest('hex'), lang: look.lang, template: template.name };
    },
  };
}
