/**
 * What an invoice document shows, every value already formatted for its language and currency: the one
 * input of every template. Pure: the same invoice, settings, labels and day give the same view, which is
 * what makes the PDF reproducible byte for byte.
 */
import { issuerSnapshot } from '../../domain/invoice-issue.js';
import { formatMoney, formatUnitPrice } from '../../domain/money-format.js';
import { epcQrPayload, paymentAccountFor, printableIban } from '../../domain/payment-details.js';
import { balanceOf } from '../../domain/status.js';
import type { Business, Invoice, InvoiceStatus } from '../../domain/types.js';
import { type Labels, fill } from './labels.js';

export interface PartyView {
  name: string;
  lines: string[];
  taxId: string | null;
  email: string;
}

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
  unitPrice: string;
  taxRate: string;
  net: string;
}

export interface InvoiceView {
  lang: string;
  labels: Labels;
  status: InvoiceStatus;
  /** "Invoice INV-2026-0001", or "Invoice (Draft)". */
  title: string;
  number: string;
  /** DRAFT or VOID across the page; null otherwise. */
  watermark: string | null;
  issueDate: string;
  dueDate: string;
  paymentTerms: string;
  issuer: PartyView;
  customer: PartyView;
  items: ItemView[];
  taxes: { label: string; amount: string }[];
  subtotal: string;
  tax: string;
  total: string;
  paid: string | null;
  balance: string;
  note: string | null;
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

function lines(text: string | undefined): string[] {
  return text ? text.split('\n').map((line) => line.trim()).filter((line) => line !== '') : [];
}

export function buildInvoiceView(invoice: Invoice, settings: ViewSettings): InvoiceView {
  const { labels, business, lang } = settings;
  const format = formatters(lang, invoice.currency);
  const issuer = invoice.issuer ?? issuerSnapshot(business);
  const balance = balanceOf(invoice);
  const number = invoice.number ?? labels.draftNumber;
  const reference = invoice.number ?? invoice.id;
  // The account declared for the invoice's currency, or none (see paymentAccountFor); never on a void invoice.
  const account = invoice.status === 'void' ? undefined : paymentAccountFor(business.payment, invoice.currency, business.currency);
  // An EPC QR code orders a SEPA credit transfer, which is in euros only.
  const qr =
    account && invoice.currency === 'EUR' && invoice.status !== 'draft'
      ? epcQrPayload({ beneficiary: issuer.name, iban: account.iban, ...(account.bic && { bic: account.bic }), amount: balance, remittance: reference })
      : undefined;
  return {
    lang,
    labels,
    status: invoice.status,
    title: invoice.number ? `${labels.invoice} ${invoice.number}` : `${labels.invoice} (${labels.draftNumber})`,
    number,
    watermark: invoice.status === 'draft' ? labels.draft : invoice.status === 'void' ? labels.void : null,
    issueDate: format.date(invoice.issueDate),
    dueDate: format.date(invoice.dueDate),
    paymentTerms: invoice.terms === 0 ? labels.dueOnReceipt : fill(labels.termsDays, { days: invoice.terms }),
    issuer: { name: issuer.name, lines: lines(issuer.address), taxId: issuer.taxId ?? null, email: issuer.email },
    customer: { name: invoice.customer.name, lines: lines(invoice.customer.address), taxId: invoice.customer.taxId ?? null, email: invoice.customer.email },
    items: invoice.items.map((item, index) => ({
      position: String(index + 1),
      description: item.description,
      descriptionParts: descriptionParts(item.description),
      anchor: itemAnchor(index),
      quantity: format.number(item.quantity),
      unitPrice: formatUnitPrice(item.unitPrice, invoice.currency, lang),
      taxRate: format.percent(item.taxRate),
      net: format.money(item.net),
    })),
    taxes: invoice.taxes.map((line) => ({ label: fill(labels.taxOn, { rate: format.percent(line.rate), base: format.money(line.base) }), amount: format.money(line.tax) })),
    subtotal: format.money(invoice.subtotal),
    tax: format.money(invoice.tax),
    total: format.money(invoice.total),
    paid: invoice.paid > 0 ? format.money(invoice.paid) : null,
    balance: format.money(balance),
    note: invoice.note ?? null,
    payment: account ? { bank: account.bank ?? null, iban: printableIban(account.iban), bic: account.bic ?? null, reference } : null,
    qr: qr ?? null,
    footer: business.pdf?.footer ?? null,
    accentColor: business.pdf?.accentColor ?? DEFAULT_ACCENT_COLOR,
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
