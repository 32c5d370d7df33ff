/**
 * The header rows of the Xero and QuickBooks files against the templates as their publishers document them,
 * written out here by hand (not derived from the code), with where each was found (docs/accounting-import.md).
 */
import { describe, expect, it } from 'vitest';
import { QUICKBOOKS_COLUMNS, XERO_COLUMNS, quickBooksCsv, xeroCsv } from '../../src/render/accounting-import.js';
import { computeTotals } from '../../src/domain/totals.js';
import type { Invoice } from '../../src/domain/types.js';

/**
 * Xero, Business > Invoices > Import > "Download template file" (SalesInvoiceTemplate.csv), the 29-column
 * version with Total and TaxAmount. Found with the search tool, the same row in several independent public
 * projects' tests that copy it verbatim from the downloaded template (e.g. a test titled "Copied verbatim from
 * the header row of Xero's SalesInvoiceTemplate.csv", and one asserting 29 columns), and the column notes of a
 * Xero guide for UK clients (online.flippingbook.com/view/399081/31: DD/MM/YYYY dates, Total and Tax Amount
 * calculated when left blank, at most 500 invoices per file).
 */
const XERO_SALES_INVOICE_TEMPLATE =
  '*ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,' +
  '*InvoiceNumber,Reference,*InvoiceDate,*DueDate,Total,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,' +
  '*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,BrandingTheme';

/**
 * QuickBooks Online, Settings > Import data > Invoices > "Download a sample file": the US sample's 13 columns,
 * found with the search tool as the same header in several independent public projects that import into QBO.
 */
const QUICKBOOKS_US_SAMPLE =
  '*InvoiceNo,*Customer,*InvoiceDate,*DueDate,Terms,Location,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,*ItemAmount,Service Date';

/**
 * The fields QuickBooks Online maps in regions with VAT/GST (Intuit's community answer on importing invoices,
 * quickbooks.intuit.com/learn-support/en-ca/…/394876: "Item tax code", "Item amount"; the item tax amount) and
 * the currency of a multicurrency company: SmallPay writes them before Service Date.
 */
const QUICKBOOKS_VAT_COLUMNS = ['ItemTaxCode', 'ItemTaxAmount', 'Currency'];

describe('the header rows', () => {
  it('Xero: the sales invoice template, every column in its order', () => {
    expect(XERO_COLUMNS.join(',')).toBe(XERO_SALES_INVOICE_TEMPLATE);
    expect(XERO_COLUMNS).toHaveLength(29);
  });

  it('QuickBooks Online: the sample file, with the VAT and currency columns before Service Date', () => {
    const sample = QUICKBOOKS_US_SAMPLE.split(',');
    expect([...QUICKBOOKS_COLUMNS]).toEqual([...sample.slice(0, -1), ...QUICKBOOKS_VAT_COLUMNS, 'Service Date']);
  });

  it('an empty range is the header row alone', () => {
    expect(xeroCsv([], {})).toBe(`${XERO_SALES_INVOICE_TEMPLATE}\r\n`);
    expect(quickBooksCsv([], {})).toBe(`${QUICKBOOKS_COLUMNS.join(',')}\r\n`);
  });
});

describe('the cells', () => {
  const invoice = {
    id: 'inv_1', number: 'INV-1', status: 'open', issuer: null, issueDate: '2026-11-05', dueDate: '2026-12-05', terms: 30, currency: 'EUR',
    paid: 0, payments: [], history: [], type: 'invoice', note: 'Thanks, "really"',
    customer: { id: 'c', name: '=HYPERLINK("http://x")', email: 'c@x.test', postalAddress: { lines: ['1 High St', 'Floor 2'], city: 'London', postcode: 'N1 1AA', country: 'GB' } },
    ...computeTotals([{ description: 'Work, done', quantity: '2', unitPrice: '10', taxRate: '20' }], 'EUR'),
  } as Invoice;

  it('Xero: address columns in place, formulas defused, commas and quotes quoted, dates as set', () => {
    const [, row] = xeroCsv([invoice], { xero: { dateFormat: 'mm/dd/yyyy', accountCode: '4000' } }).split('\r\n');
    expect(row).toBe(`"'=HYPERLINK(""http://x"")",c@x.test,1 High St,Floor 2,,,London,,N1 1AA,GB,INV-1,,11/05/2026,12/05/2026,24.00,,"Work, done",2,10.00,,4000,20% (VAT on Income),4.00,,,,,EUR,`);
  });

  it('QuickBooks: the note as memo, the item from the settings', () => {
    const [, row] = quickBooksCsv([invoice], { quickbooks: { item: 'Consulting' } }).split('\r\n');
    expect(row).toBe(`INV-1,"'=HYPERLINK(""http://x"")",05/11/2026,05/12/2026,,,"Thanks, ""really""",Consulting,"Work, done",2,10.00,20.00,20.0% S,4.00,EUR,`);
  });
});
