/**
 * The EC sales list (`report ec-sales`; Zusammenfassende Meldung, état récapitulatif): per buyer VAT id and
 * currency, the net of reverse-charge services (category AE) and of intra-community supplies of goods (K)
 * in the period. It is called as
 *
 *   ecSalesList(doc, { from, to, asOf }) → { asOf, from, to, currency, rows }
 *
 * Dates follow the VAT report's invoice basis (vat.ts `taxPointOf`), so the two reports agree: services
 * count at the date of supply (else the issue date), goods at the issue date, and credit notes subtract at
 * their own issue date. The buyer is the VAT id on the document (frozen at issue), written without spaces,
 * dots or dashes and in capitals ("fr 40 303265045" → "FR40303265045"); documents without one (a damaged or
 * hand-edited store: issuing AE or K needs it) are listed under `null`. Rows whose services and goods are both
 * 0 are left out; rows sort as the VAT report's (the business's currency first), then by VAT id.
 */
import { isCreditNote } from '../status.js';
import type { StoreDocument } from '../types.js';
import { addMoney, counts, getOrCreate } from './common.js';
import { groupsOf } from './payment-shares.js';
import { compareTaxRows, taxPointOf } from './vat.js';

export interface EcSalesRow {
  buyerVatId: string | null;
  /** The buyer's name on the latest document counted. */
  buyerName: string;
  currency: string;
  /** Net of reverse-charge services (AE), minor units. */
  services: number;
  /** Net of intra-community supplies of goods (K), minor units. */
  goods: number;
  foreign: boolean;
}

export interface EcSalesList {
  asOf: string;
  from: string;
  to: string;
  currency: string | null;
  rows: EcSalesRow[];
}

export function normalVatId(taxId: string | undefined): string | null {
  const id = taxId?.replace(/[\s.-]/g, '').toUpperCase();
  return id === undefined || id === '' ? null : id;
}

export function ecSalesList(doc: Pick<StoreDocument, 'business' | 'invoices'>, options: { from: string; to: string; asOf: string }): EcSalesList {
  const { from, to } = options;
  const home = doc.business?.currency ?? null;
  const rows = new Map<string, EcSalesRow & { latest: string }>();
  for (const document of doc.invoices) {
    if (!counts(document)) continue;
    const sign = isCreditNote(document) ? -1 : 1;
    for (const group of groupsOf(document).values()) {
      if (group.category !== 'AE' && group.category !== 'K') continue;
      const date = taxPointOf(document, group.category);
      if (date < from || date > to) continue;
      const buyerVatId = normalVatId(document.customer.taxId);
      const row = getOrCreate(rows, `${document.currency} ${buyerVatId ?? ''}`, () => ({ buyerVatId, buyerName: document.customer.name, currency: document.currency, services: 0, goods: 0, foreign: document.currency !== home, latest: date }));
      if (date >= row.latest) {
        row.latest = date;
        row.buyerName = document.customer.name;
      }
      if (group.category === 'AE') row.services = addMoney(row.services, sign * group.net);
      else row.goods = addMoney(row.goods, sign * group.net);
    }
  }
  const byCurrency = compareTaxRows(home);
  const sorted = [...rows.values()]
    .filter((row) => row.services !== 0 || row.goods !== 0)
    .sort((a, b) => byCurrency(a, b) || ((a.buyerVatId ?? '') < (b.buyerVatId ?? '') ? -1 : (a.buyerVatId ?? '') > (b.buyerVatId ?? '') ? 1 : 0))
    .map(({ latest: _latest, ...row }) => row);
  return { asOf: options.asOf, from, to, currency: home, rows: sorted };
}
