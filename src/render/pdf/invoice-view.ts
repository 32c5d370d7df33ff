/**
 * What an invoice document shows, every value already formatted for its language and currency: the one
 * input of every template. Pure: the same invoice, settings, labels and day give the same view, which is
 * what makes the PDF reproducible byte for byte.
 */
import { issuerSnapshot } from '../../domain/invoice-issue.js';
import { formatMoney, formatUnitPrice } from '../../domain/money-format.js';
import { epcQrPayload, printableIban } from '../../domain/payment-details.js';
import { currentPresentation } from '../../domain/presentation.js';
import { balanceOf } from '../../domain/status.js';
import type { Business, DocumentType, FrozenPresentation, Invoice, InvoiceStatus } from '../../domain/types.js';
import {
  type DetailView,
  type PartyView,
  type TotalRowView,
  documentAdjustmentRows,
  documentDetails,
  lineAdjustmentTexts,
  lineTaxText,
  partyView,
  showsVatColumn,
  taxRows,
  unitName,
  unitPriceText,
} from './invoice-view-parts.js';
import { type Labels, fill } from './labels.js';

export type { DetailView, PartyView, TotalRowView } from './invoice-view-parts.js';

export interface ItemView {
  position: string;
  description: string;
  /**
   * The description in parts of at most DESCRIPTION_PART_LINES lines, each short enough for one page. A
   * template gives each part its own table row and keeps rows whole (dontBreakRows), so a long description
   * breaks between parts, every part can show the position, and no row is ever taller than a page (pdfmake
   * drops the content of an unbreakable row that is).
   */
  descriptionParts: string[];
  /** An id for the cell that shows the net amount ("item-1"): the renderer learns from it which page each amount is on. */
  anchor: string;
  quantity: string;
  /** The unit in the document's language ("Std.", "jour(s)"); empty for C62 (one) and lines without a unit. */
  unit: string;
  /** The price, per its base quantity when that is not 1: "5,00 € / 12 Stück" (BT-146/149). */
  unitPrice: string;
  /** The rate (S, Z), or the VAT category code (E, AE, K, G, O) explained in the totals. */
  taxRate: string;
  /** Line allowances and charges, a line each: "Discount 10 %: −€150.00". */
  adjustments: string[];
  net: string;
}

export interface InvoiceView {
  lang: string;
  labels: Labels;
  status: InvoiceStatus;
  /** invoice or credit-note. */
  type: DocumentType;
  /** "Invoice INV-2026-0001", "Credit note CN-2026-0001", or "Invoice (Draft)". */
  title: string;
  /** The document's name in its language: "Invoice", "Rechnungskorrektur", "Avoir". */
  heading: string;
  /** The label of its number: "Invoice number", "Credit note number". */
  numberLabel: string;
  number: string;
  /** Credit notes: "Corrects invoice INV-2026-0001 of November 1, 2026" (BG-3); null otherwise. */
  corrects: string | null;
  /** DRAFT or VOID across the page; null otherwise. */
  watermark: string | null;
  issueDate: string;
  dueDate: string;
  paymentTerms: string;
  issuer: PartyView;
  customer: PartyView;
  /** Date of supply or service period, purchase order, buyer reference, contract: those set. */
  details: DetailView[];
  items: ItemView[];
  /** False when no line bears VAT (all O or E, e.g. a small business): no VAT column and no VAT rows. */
  vatColumn: boolean;
  /** The sum of line nets (BT-106) when document-level allowances or charges follow it; null otherwise. */
  lineTotal: string | null;
  /** Document-level allowances (negative) and charges, each with its reason (BG-20/21). */
  adjustments: TotalRowView[];
  /** VAT per (category, rate); empty when vatColumn is false. */
  taxes: TotalRowView[];
  /** The total without VAT (BT-109). */
  subtotal: string;
  tax: string;
  total: string;
  paid: string | null;
  balance: string;
  note: string | null;
  /** VAT exemption notes in the invoice's language (reverse charge, small business, …), frozen at issue. */
  legalNotes: string[];
  payment: { bank: string | null; iban: string; bic: string | null; reference: string } | null;
  /** Text of the EPC QR code (EUR, IBAN known, something due). */
  qr: string | null;
  footer: string | null;
  accentColor: string;
  /** A data: URL of the logo, or null. */
  logo: string | null;
  /** "1 / 3" in the document's language. */
  pageLabel: (current: number, total: number) => string;
  /**
   * The sum of the net amounts on pages 1 to `page`, when the items continue after that page: printed at the
   * foot of `page` ("Carried forward") and the head of the next ("Brought forward"). Null otherwise, and on
   * the renderer's first pass, before it knows where the pages break.
   */
  carriedForward: (page: number) => string | null;
}

export interface ViewSettings {
  lang: string;
  labels: Labels;
  business: Business;
  /** What the invoice froze at issue; else (drafts, invoices from before schema 4) the current settings. */
  presentation?: FrozenPresentation;
  logo: string | null;
  /** Net amounts carried from the end of each page to the next (page → minor units), from a first rendering. */
  carried?: ReadonlyMap<number, number>;
}

export const DEFAULT_ACCENT_COLOR = '#1f4e79';

type Formatters = ReturnType<typeof createFormatters>;
const formatterCache = new Map<string, Formatters>();

/** Intl formatters are costly to create (locale data): one set per language and currency per process. */
function formatters(lang: string, currency: string): Formatters {
  const key = `${lang} ${currency}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    cached = createFormatters(lang, currency);
    formatterCache.set(key, cached);
  }
  return cached;
}

function createFormatters(lang: string, currency: string) {
  const plain = new Intl.NumberFormat(lang, { maximumFractionDigits: 6 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 4 });
  const date = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  // Intl formats decimal strings exactly (no float on the way), so amounts print as stored.
  const exact = (text: string) => text as unknown as number;
  return {
    money: (minor: number) => formatMoney(minor, currency, lang),
    number: (text: string) => plain.format(exact(text)),
    /** "19" → "19 %" (de) or "19%" (en): the rate divided by 100, exactly, as a decimal string. */
    percent: (rate: string) => percent.format(exact(shiftPoint(rate, -2))),
    date: (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}

/** A calendar date for people in a language: ('2026-11-01', 'de') → "1. November 2026". */
export function formatDate(isoDate: string, lang: string): string {
  return formatters(lang, 'EUR').date(isoDate);
}

/** Moves the decimal point of a non-negative decimal string: ("19", -2) → "0.19", ("7.5", -2) → "0.075". */
function shiftPoint(text: string, places: number): string {
  const [whole = '0', fraction = ''] = text.split('.');
  const digits = (whole + fraction).padStart(whole.length + -places + 1, '0');
  const point = digits.length - fraction.length + places;
  return `${digits.slice(0, point) || '0'}.${digits.slice(point)}`;
}

export const DESCRIPTION_PART_LINES = 8;

function descriptionParts(description: string): string[] {
  const all = description.split('\n');
  const parts: string[] = [];
  for (let start = 0; start < all.length; start += DESCRIPTION_PART_LINES) parts.push(all.slice(start, start + DESCRIPTION_PART_LINES).join('\n'));
  return parts;
}

export function buildInvoiceView(invoice: Invoice, settings: ViewSettings): InvoiceView {
  const { labels, business, lang } = settings;
  const format = formatters(lang, invoice.currency);
  const presentation = settings.presentation ?? invoice.presentation ?? currentPresentation(invoice, business);
  const issuer = invoice.issuer ?? issuerSnapshot(business);
  const balance = balanceOf(invoice);
  const number = invoice.number ?? labels.draftNumber;
  const reference = invoice.number ?? invoice.id;
  const type = invoice.type ?? 'invoice';
  const heading = type === 'credit-note' ? labels.creditNote : labels.invoice;
  // The account frozen for the invoice's currency, or none; never on a void invoice, nor on a credit note
  // (the money goes the other way).
  const frozen = presentation.payment;
  const account = invoice.status === 'void' || type === 'credit-note' || frozen?.iban === undefined ? undefined : { ...frozen, iban: frozen.iban };
  const vatColumn = showsVatColumn(invoice);
  const adjustments = documentAdjustmentRows(invoice, labels, format);
  // An EPC QR code orders a SEPA credit transfer, which is in euros only.
  const qr =
    account && invoice.currency === 'EUR' && invoice.status !== 'draft'
      ? epcQrPayload({ beneficiary: issuer.name, iban: account.iban, ...(account.bic && { bic: account.bic }), amount: balance, remittance: reference })
      : undefined;
  return {
    lang,
    labels,
    status: invoice.status,
    type,
    title: invoice.number ? `${heading} ${invoice.number}` : `${heading} (${labels.draftNumber})`,
    heading,
    numberLabel: type === 'credit-note' ? labels.creditNoteNumber : labels.invoiceNumber,
    number,
    corrects: invoice.precedingInvoice ? fill(labels.correctsInvoice, { number: invoice.precedingInvoice.number, date: format.date(invoice.precedingInvoice.issueDate) }) : null,
    watermark: invoice.status === 'draft' ? labels.draft : invoice.status === 'void' ? labels.void : null,
    issueDate: format.date(invoice.issueDate),
    dueDate: format.date(invoice.dueDate),
    paymentTerms: invoice.terms === 0 ? labels.dueOnReceipt : fill(labels.termsDays, { days: invoice.terms }),
    issuer: partyView(issuer, labels, 'issuer'),
    customer: partyView(invoice.customer, labels, 'customer'),
    details: documentDetails(invoice, labels, format),
    items: invoice.items.map((item, index) => ({
      position: String(index + 1),
      description: item.description,
      descriptionParts: descriptionParts(item.description),
      anchor: itemAnchor(index),
      quantity: format.number(item.quantity),
      unit: unitName(item.unit, labels),
      unitPrice: unitPriceText(item, format.number(item.baseQuantity ?? '1'), formatUnitPrice(item.unitPrice, invoice.currency, lang), labels),
      taxRate: lineTaxText(item, format),
      adjustments: lineAdjustmentTexts(item, labels, format),
      net: format.money(item.net),
    })),
    vatColumn,
    lineTotal: adjustments.length > 0 ? format.money(invoice.lineTotal ?? invoice.items.reduce((sum, item) => sum + item.net, 0)) : null,
    adjustments,
    taxes: vatColumn ? taxRows(invoice.taxes, labels, format) : [],
    subtotal: format.money(invoice.subtotal),
    tax: format.money(invoice.tax),
    total: format.money(invoice.total),
    paid: invoice.paid > 0 ? format.money(invoice.paid) : null,
    balance: format.money(balance),
    note: invoice.note ?? null,
    legalNotes: presentation.legalNotes,
    payment: account ? { bank: account.bank ?? null, iban: printableIban(account.iban), bic: account.bic ?? null, reference } : null,
    qr: qr ?? null,
    footer: presentation.footer ?? null,
    accentColor: presentation.accentColor ?? DEFAULT_ACCENT_COLOR,
    logo: settings.logo,
    pageLabel: (current, total) => fill(labels.page, { current, total }),
    carriedForward: (page) => {
      const amount = settings.carried?.get(page);
      return amount === undefined ? null : format.money(amount);
    },
  };
}

export function itemAnchor(index: number): string {
  return `item-${index + 1}`;
}

/**
 * What each page carries forward, from the page each item's net amount was printed on (anchor → page, as a
 * first rendering found it): for every page before the last one with an amount, the sum of the amounts on it
 * and the pages before. A German invoice over several pages shows this "Übertrag" at each page break.
 */
export function carriedForwardAmounts(invoice: Invoice, pageOfAnchor: ReadonlyMap<string, number>): Map<number, number> {
  const pages = invoice.items.map((_, index) => pageOfAnchor.get(itemAnchor(index)));
  if (pages.some((page) => page === undefined)) return new Map();
  const lastPage = Math.max(...(pages as number[]));
  const carried = new Map<number, number>();
  for (let page = 1; page < lastPage; page += 1) {
    carried.set(page, invoice.items.reduce((sum, item, index) => ((pages[index] as number) <= page ? sum + item.net : sum), 0));
  }
  return carried;
}
