/**
 * The invoice import files of Xero and QuickBooks Online (see docs/accounting-import.md for the templates
 * followed, where they were found, and how to import them). Pure: documents and settings in, CSV out,
 * through the one CSV writer (csv.ts, which also defuses spreadsheet formulas). Same input, same bytes.
 */
import {
  DEFAULT_DATE_FORMAT,
  QUICKBOOKS_DEFAULT_ITEM,
  XERO_DEFAULT_ACCOUNT_CODE,
  quickBooksTaxCode,
  xeroTaxType,
} from '../domain/accounting-import-settings.js';
import { importDate, importRows, signedTotal } from '../domain/import-lines.js';
import { formatAmount } from '../domain/money-format.js';
import type { Business, Invoice } from '../domain/types.js';
import { toCsv } from './csv.js';

/**
 * The header row of Xero's sales invoice template (SalesInvoiceTemplate.csv, Business > Invoices > Import),
 * in its order; a star marks a column Xero requires.
 */
export const XERO_COLUMNS = [
  '*ContactName', 'EmailAddress', 'POAddressLine1', 'POAddressLine2', 'POAddressLine3', 'POAddressLine4',
  'POCity', 'PORegion', 'POPostalCode', 'POCountry', '*InvoiceNumber', 'Reference', '*InvoiceDate', '*DueDate',
  'Total', 'InventoryItemCode', '*Description', '*Quantity', '*UnitAmount', 'Discount', '*AccountCode', '*TaxType',
  'TaxAmount', 'TrackingName1', 'TrackingOption1', 'TrackingName2', 'TrackingOption2', 'Currency', 'BrandingTheme',
] as const;

/**
 * QuickBooks Online's invoice import sample: the columns of its US sample file, with the VAT columns of the
 * regions that charge VAT (item tax code and amount) and the currency of multicurrency companies before
 * Service Date. QuickBooks maps columns by name on its mapping screen, not by position.
 */
export const QUICKBOOKS_COLUMNS = [
  '*InvoiceNo', '*Customer', '*InvoiceDate', '*DueDate', 'Terms', 'Location', 'Memo', 'Item(Product/Service)',
  'ItemDescription', 'ItemQuantity', 'ItemRate', '*ItemAmount', 'ItemTaxCode', 'ItemTaxAmount', 'Currency', 'Service Date',
] as const;

/** Up to four street lines (Xero has four), then city, region, postcode, country. */
function postalColumns(invoice: Invoice): string[] {
  const { customer } = invoice;
  const address = customer.postalAddress;
  const lines = address ? address.lines : (customer.address ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const street = [0, 1, 2].map((index) => lines[index] ?? '').concat(lines.slice(3).join(', '));
  return [...street, address?.city ?? '', address?.region ?? '', address?.postcode ?? '', address?.country ?? ''];
}

/** The buyer's reference, or on a credit note the invoice it corrects. */
function reference(invoice: Invoice): string {
  return invoice.purchaseOrder ?? invoice.buyerReference ?? invoice.precedingInvoice?.number ?? '';
}

export function xeroCsv(documents: readonly Invoice[], business: Pick<Business, 'xero'>): string {
  const format = business.xero?.dateFormat ?? DEFAULT_DATE_FORMAT;
  const accountCode = business.xero?.accountCode ?? XERO_DEFAULT_ACCOUNT_CODE;
  const rows = documents.flatMap((invoice) => {
    const money = (minor: number) => formatAmount(minor, invoice.currency);
    const head = [invoice.customer.name, invoice.customer.email, ...postalColumns(invoice), invoice.number, reference(invoice), importDate(invoice.issueDate, format), importDate(invoice.dueDate, format), money(signedTotal(invoice)), ''];
    return importRows(invoice).map((row) => [
      ...head,
      row.description, row.quantity, row.unitAmount, '', accountCode, xeroTaxType(business, row.category, row.rate), money(row.tax),
      '', '', '', '', invoice.currency, '',
    ]);
  });
  return toCsv(XERO_COLUMNS, rows);
}

/** Credit notes are not invoices to QuickBooks (a negative invoice is refused): the caller leaves them out. */
export function quickBooksCsv(invoices: readonly Invoice[], business: Pick<Business, 'quickbooks'>): string {
  const format = business.quickbooks?.dateFormat ?? DEFAULT_DATE_FORMAT;
  const item = business.quickbooks?.item ?? QUICKBOOKS_DEFAULT_ITEM;
  const rows = invoices.flatMap((invoice) => {
    const money = (minor: number) => formatAmount(minor, invoice.currency);
    const head = [invoice.number, invoice.customer.name, importDate(invoice.issueDate, format), importDate(invoice.dueDate, format), '', '', invoice.note ?? '', item];
    const serviceDate = invoice.serviceDate === undefined ? '' : importDate(invoice.serviceDate, format);
    return importRows(invoice).map((row) => [
      ...head,
      row.description, row.quantity, row.unitAmount, money(row.amount), quickBooksTaxCode(business, row.category, row.rate), money(row.tax), invoice.currency, serviceDate,
    ]);
  });
  return toCsv(QUICKBOOKS_COLUMNS, rows);
}
