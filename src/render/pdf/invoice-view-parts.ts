/**
 * The parts of an invoice view that issue 10 added (EN 16931 terms): parties with structured addresses,
 * units, VAT categories, line and document allowances and charges, the date of supply and the references.
 * Each takes stored data and the language's labels and formatters and returns text to print.
 */
import type { DocumentAdjustment, Invoice, IssuerSnapshot, LineAdjustment, LineItem, PostalAddress, TaxLine, VatCategory } from '../../domain/types.js';
import { type Labels, fill } from './labels.js';

export interface PartyView {
  name: string;
  /** The postal address, a line each: street lines, "postcode city", region, country code. */
  lines: string[];
  taxId: string | null;
  /** The seller's national tax number (BT-32), e.g. the German Steuernummer. */
  taxNumber: string | null;
  /** The seller's legal registration (BT-30), e.g. a trade register number. */
  registration: string | null;
  /** The customer's contact person (BT-56), with its label: "Attn. Jane Roe". */
  contact: string | null;
  email: string;
}

/** A label and a value, printed as a pair: "Date of supply: 1 November 2026", "Purchase order: PO-77". */
export interface DetailView {
  label: string;
  value: string;
}

/** A row of the totals block: a document-level allowance or charge, or a VAT group. */
export interface TotalRowView {
  label: string;
  amount: string;
}

export interface PartFormatters {
  money: (minor: number) => string;
  percent: (rate: string) => string;
  date: (isoDate: string) => string;
}

function textLines(text: string | undefined): string[] {
  return text ? text.split('\n').map((line) => line.trim()).filter((line) => line !== '') : [];
}

/** Street lines, then "postcode city", the region and the country code, each on its own line when given. */
export function postalLines(address: PostalAddress): string[] {
  const place = [address.postcode, address.city].filter((part) => part !== undefined && part !== '').join(' ');
  return [...address.lines, place, address.region ?? '', address.country ?? ''].map((line) => line.trim()).filter((line) => line !== '');
}

type Party = Pick<IssuerSnapshot, 'name' | 'email' | 'address' | 'taxId' | 'postalAddress' | 'taxNumber' | 'registration'> & { contact?: string | { name?: string } };

/** The structured address when the party has one (it is the truth), else the free text of older stores. */
export function partyView(party: Party, labels: Labels, role: 'issuer' | 'customer'): PartyView {
  const contact = role === 'customer' && typeof party.contact === 'string' && party.contact.trim() !== '' ? `${labels.contact} ${party.contact}` : null;
  return {
    name: party.name,
    lines: party.postalAddress ? postalLines(party.postalAddress) : textLines(party.address),
    taxId: party.taxId ?? null,
    taxNumber: role === 'issuer' ? (party.taxNumber ?? null) : null,
    registration: role === 'issuer' ? (party.registration ?? null) : null,
    contact,
    email: party.email,
  };
}

/** The category of a line or group; stores from before schema 4 have none: S above 0 %, Z at 0 %. */
export function categoryOf(entry: { taxCategory?: VatCategory; category?: VatCategory; rate?: string; taxRate?: string }): VatCategory {
  const category = entry.taxCategory ?? entry.category;
  if (category !== undefined) return category;
  return Number(entry.taxRate ?? entry.rate ?? '0') > 0 ? 'S' : 'Z';
}

/** "reverse charge (AE)": the category's name in the language, and its code. */
export function categoryName(category: VatCategory, labels: Labels): string {
  return `${labels[`category${category}`]} (${category})`;
}

/**
 * No VAT column when no line bears VAT or a rate: every line outside the scope (O) or exempt (E), as on the
 * invoice of a small business (§19 UStG, franchise en base), which must not show VAT.
 */
export function showsVatColumn(invoice: Pick<Invoice, 'items'>): boolean {
  return !invoice.items.every((item) => ['O', 'E'].includes(categoryOf(item)));
}

/** The VAT column of a line: the rate for S and Z, the category code for the others (explained in the totals). */
export function lineTaxText(item: LineItem, format: PartFormatters): string {
  const category = categoryOf(item);
  return category === 'S' || category === 'Z' ? format.percent(item.taxRate) : category;
}

/** The unit after a quantity in the language ("Std."), nothing for C62 (one), the code when no table names it. */
export function unitName(code: string | undefined, labels: Labels): string {
  if (code === undefined) return '';
  return Object.hasOwn(labels.units, code) ? (labels.units[code] as string) : code;
}

/** The unit price, and the base quantity it is for unless 1: "€5.00 / 12 piece(s)" is 5.00 a dozen (BT-149). */
export function unitPriceText(item: LineItem, baseQuantity: string, price: string, labels: Labels): string {
  if (item.baseQuantity === undefined || Number(item.baseQuantity) === 1) return price;
  const unit = unitName(item.unit, labels);
  return `${price} / ${baseQuantity}${unit ? ` ${unit}` : ''}`;
}

/** "Discount 10 %: −€150.00" or "Express: +€25.00", printed under the line they change (BG-27/28). */
export function lineAdjustmentTexts(item: LineItem, labels: Labels, format: PartFormatters): string[] {
  const text = (adjustment: LineAdjustment, sign: 1 | -1) => {
    const reason = adjustment.reason ?? (sign < 0 ? labels.discount : labels.surcharge);
    const percent = adjustment.percent !== undefined ? ` ${format.percent(adjustment.percent)}` : '';
    const amount = sign < 0 ? format.money(-adjustment.amount) : `+${format.money(adjustment.amount)}`;
    return `${reason}${percent}: ${amount}`;
  };
  return [...(item.allowances ?? []).map((allowance) => text(allowance, -1)), ...(item.charges ?? []).map((charge) => text(charge, 1))];
}

/**
 * Document-level allowances and charges (BG-20/21) as totals rows: "Discount 5 %" −€75.00, "Shipping"
 * €12.50. With several VAT groups each row names the group it belongs to.
 */
export function documentAdjustmentRows(invoice: Invoice, labels: Labels, format: PartFormatters): TotalRowView[] {
  const groups = new Set(invoice.taxes.map((line) => `${categoryOf(line)} ${line.rate}`)).size;
  const row = (adjustment: DocumentAdjustment, sign: 1 | -1): TotalRowView => {
    const reason = adjustment.reason ?? (sign < 0 ? labels.discount : labels.surcharge);
    const percent = adjustment.percent !== undefined ? ` ${format.percent(adjustment.percent)}` : '';
    const category = categoryOf(adjustment);
    const group = category === 'S' ? `${labels.tax} ${format.percent(adjustment.taxRate)}` : categoryName(category, labels);
    return { label: `${reason}${percent}${groups > 1 ? ` (${group})` : ''}`, amount: format.money(sign * adjustment.amount) };
  };
  return [...(invoice.allowances ?? []).map((allowance) => row(allowance, -1)), ...(invoice.charges ?? []).map((charge) => row(charge, 1))];
}

/** VAT per (category, rate) (BG-23): "VAT 19 % on €1,500.00", or with the category: "…: reverse charge (AE)". */
export function taxRows(taxes: readonly TaxLine[], labels: Labels, format: PartFormatters): TotalRowView[] {
  return taxes.map((line) => {
    const category = categoryOf(line);
    const values = { rate: format.percent(line.rate), base: format.money(line.base) };
    const label = category === 'S' ? fill(labels.taxOn, values) : fill(labels.taxCategoryOn, { ...values, category: categoryName(category, labels) });
    return { label, amount: format.money(line.tax) };
  });
}

/** The date of supply or service period (BT-72, BT-73/74) and the references (BT-13, BT-10, BT-12) that are set. */
export function documentDetails(invoice: Invoice, labels: Labels, format: PartFormatters): DetailView[] {
  const details: DetailView[] = [];
  if (invoice.serviceDate !== undefined) details.push({ label: labels.serviceDate, value: format.date(invoice.serviceDate) });
  if (invoice.servicePeriod !== undefined) {
    details.push({ label: labels.servicePeriod, value: `${format.date(invoice.servicePeriod.start)} – ${format.date(invoice.servicePeriod.end)}` });
  }
  if (invoice.purchaseOrder !== undefined) details.push({ label: labels.purchaseOrder, value: invoice.purchaseOrder });
  if (invoice.buyerReference !== undefined) details.push({ label: labels.buyerReference, value: invoice.buyerReference });
  if (invoice.contract !== undefined) details.push({ label: labels.contract, value: invoice.contract });
  return details;
}
