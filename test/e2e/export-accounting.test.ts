/**
 * `smallpay export xero` and `export quickbooks` through the built CLI: two VAT rates, reverse charge, a line
 * discount and an invoice discount, two currencies, a credit note and a void invoice. Figures worked out by hand:
 *
 *   INV-2026-0001  2026-10-15 Globex EUR   Design 10 × 100.00 at 19 %, −10 % Loyalty (100.00) = 900.00, tax 171.00
 *                                          Books 2 × 24.99 at 7 % = 49.98, tax 3.4986 → 3.50;   total 1124.48
 *     Xero rows' tax: 171.00 × 1000 / 900 = 190.00 on Design, the rest −19.00 on the discount.
 *   INV-2026-0002  2026-11-02 Initech EUR  Consulting 5 × 200.00, AE (reverse charge), tax 0;  total 1000.00
 *   INV-2026-0003  2026-11-10 ACME USD     Support 3 × 150.00 at 19 %, invoice discount 50.00: 400.00,
 *                                          tax 76.00 (85.50 on Support: 76 × 450 / 400, −9.50 on the discount); total 476.00
 *   CN-2026-0001   2026-11-20 Globex EUR   credits Books 1 × 24.99 at 7 %, tax 1.7493 → 1.75;  total 26.74
 *   INV-2026-0004  2026-12-05 Globex EUR   voided: left out
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  await box.ok(['customer', 'add', '--id', 'initech', '--name', 'Initech SARL', '--email', 'ap@initech.test', '--street', '8 rue de la Paix', '--postcode', '75002', '--city', 'Paris', '--country', 'FR', '--tax-id', 'FR40303265045']);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-10-15', '--item', 'Design', '--qty', '10', '--price', '100', '--tax', '19', '--discount', '10%', '--discount-reason', 'Loyalty', '--item', 'Books', '--qty', '2', '--price', '24.99', '--tax', '7']);
  await box.ok(['invoice', 'new', '--customer', 'initech', '--date', '2026-11-02', '--po', 'PO-77', '--item', 'Consulting', '--qty', '5', '--price', '200', '--category', 'AE']);
  await box.ok(['invoice', 'new', '--customer', 'acme', '--date', '2026-11-10', '--note', 'Thank you', '--item', 'Support', '--qty', '3', '--price', '150', '--tax', '19', '--invoice-discount', '50.00']);
  await box.ok(['invoice', 'credit', 'INV-2026-0001', '--date', '2026-11-20', '--item', 'Books returned', '--qty', '1', '--price', '24.99', '--tax', '7']);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-12-05', '--item', 'Later', '--price', '10', '--tax', '19']);
  await box.ok(['invoice', 'void', 'INV-2026-0004']);
});
afterAll(() => box.cleanup());

const XERO_HEADER = '*ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,*InvoiceNumber,Reference,*InvoiceDate,*DueDate,Total,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,BrandingTheme';
const QBO_HEADER = '*InvoiceNo,*Customer,*InvoiceDate,*DueDate,Terms,Location,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,*ItemAmount,ItemTaxCode,ItemTaxAmount,Currency,Service Date';

/** Rows as objects by header (no cell here holds a comma or a quote). */
function table(csv: string): Record<string, string>[] {
  expect(csv.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = csv.slice(0, -2).split('\r\n').map((line) => line.split(','));
  return rows.map((cells) => Object.fromEntries((header ?? []).map((name, index) => [name, cells[index] ?? ''])));
}

/** "−24.99" → −2499: exact, no floating point. */
const cents = (text: string) => {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  return (text.startsWith('-') ? -1 : 1) * (Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
};

const totalOf = async (number: string) => cents(JSON.parse((await box.ok(['invoice', 'show', number, '--json'])).stdout).total);

describe('smallpay export xero', () => {
  it('writes the template header and one row per line, discount and credit note, with the figures worked out by hand', async () => {
    const result = await box.ok(['export', 'xero']);
    expect(result.stdout.split('\r\n')[0]).toBe(XERO_HEADER);
    expect(result.stderr).toContain('Left out 1 void document(s), which Xero would import as valid: INV-2026-0004');
    const pick = (row: Record<string, string>) => [row['*InvoiceNumber'], row.Reference, row['*InvoiceDate'], row['*DueDate'], row.Total, row['*Description'], row['*Quantity'], row['*UnitAmount'], row['*AccountCode'], row['*TaxType'], row.TaxAmount, row.Currency];
    const rows = table(result.stdout);
    expect(rows.map(pick)).toEqual([
      ['INV-2026-0001', '', '15/10/2026', '14/11/2026', '1124.48', 'Design', '10', '100.00', '200', '19% (VAT on Income)', '190.00', 'EUR'],
      ['INV-2026-0001', '', '15/10/2026', '14/11/2026', '1124.48', 'Discount: Loyalty (10%)', '1', '-100.00', '200', '19% (VAT on Income)', '-19.00', 'EUR'],
      ['INV-2026-0001', '', '15/10/2026', '14/11/2026', '1124.48', 'Books', '2', '24.99', '200', '7% (VAT on Income)', '3.50', 'EUR'],
      ['INV-2026-0002', 'PO-77', '02/11/2026', '02/12/2026', '1000.00', 'Consulting', '5', '200.00', '200', 'Zero Rated EC Services', '0.00', 'EUR'],
      ['INV-2026-0003', '', '10/11/2026', '24/11/2026', '476.00', 'Support', '3', '150.00', '200', '19% (VAT on Income)', '85.50', 'USD'],
      ['INV-2026-0003', '', '10/11/2026', '24/11/2026', '476.00', 'Invoice discount', '1', '-50.00', '200', '19% (VAT on Income)', '-9.50', 'USD'],
      ['CN-2026-0001', 'INV-2026-0001', '20/11/2026', rows[6]?.['*DueDate'], '-26.74', 'Books returned', '1', '-24.99', '200', '7% (VAT on Income)', '-1.75', 'EUR'],
    ]);
    expect(rows[3]).toMatchObject({ '*ContactName': 'Initech SARL', EmailAddress: 'ap@initech.test', POAddressLine1: '8 rue de la Paix', POCity: 'Paris', POPostalCode: '75002', POCountry: 'FR' });

    // Per document: Σ quantity × unit amount + Σ tax = the Total column = the invoice's own total (negative for the credit note).
    for (const number of ['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003', 'CN-2026-0001']) {
      const own = rows.filter((row) => row['*InvoiceNumber'] === number);
      const sum = own.reduce((total, row) => total + Number(row['*Quantity']) * cents(row['*UnitAmount'] ?? '') + cents(row.TaxAmount ?? ''), 0);
      const sign = number.startsWith('CN') ? -1 : 1;
      expect([sum, cents(own[0]?.Total ?? '')]).toEqual([sign * (await totalOf(number)), sign * (await totalOf(number))]);
    }
  });

  it('takes tax rates, the account code and the date format from the settings', async () => {
    await box.ok(['config', 'set', 'xero.taxType.S.7', '7% Reduced (VAT on Income)']);
    await box.ok(['config', 'set', 'xero.taxType.ae', 'Reverse Charge EU']);
    await box.ok(['config', 'set', 'xero.accountCode', '4000']);
    await box.ok(['config', 'set', 'xero.dateFormat', 'yyyy-mm-dd']);
    const shown = JSON.parse((await box.ok(['config', 'show', '--json'])).stdout);
    expect(shown.xero).toEqual({ accountCode: '4000', dateFormat: 'yyyy-mm-dd', taxTypes: { 'S.7': '7% Reduced (VAT on Income)', AE: 'Reverse Charge EU' } });
    expect((await box.ok(['config', 'show'])).stdout).toMatch(/xero\.taxType\.AE\s+Reverse Charge EU/);

    const rows = table((await box.ok(['export', 'xero', '--to', '2026-11-05'])).stdout);
    expect(rows.map((row) => [row['*InvoiceNumber'], row['*InvoiceDate'], row['*AccountCode'], row['*TaxType']])).toEqual([
      ['INV-2026-0001', '2026-10-15', '4000', '19% (VAT on Income)'],
      ['INV-2026-0001', '2026-10-15', '4000', '19% (VAT on Income)'],
      ['INV-2026-0001', '2026-10-15', '4000', '7% Reduced (VAT on Income)'],
      ['INV-2026-0002', '2026-11-02', '4000', 'Reverse Charge EU'],
    ]);

    for (const key of ['xero.taxType.S.7', 'xero.taxType.AE', 'xero.accountCode', 'xero.dateFormat']) await box.ok(['config', 'unset', key]);
    expect(JSON.parse((await box.ok(['config', 'show', '--json'])).stdout).xero).toEqual({ accountCode: null, dateFormat: null, taxTypes: {} });
    const refused = await box.run(['config', 'set', 'xero.taxType.Q', 'x']);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/Q/)]);
  });

  it('takes --from/--to by issue date, and the same store gives the same bytes', async () => {
    const november = await box.ok(['export', 'xero', '--from', '2026-11-01', '--to', '2026-11-30']);
    expect([...new Set(table(november.stdout).map((row) => row['*InvoiceNumber']))]).toEqual(['INV-2026-0002', 'INV-2026-0003', 'CN-2026-0001']);
    expect((await box.ok(['export', 'xero', '--from', '2026-11-01', '--to', '2026-11-30'])).stdout).toBe(november.stdout);
    const empty = await box.ok(['export', 'xero', '--from', '2027-01-01']);
    expect(empty.stdout).toBe(`${XERO_HEADER}\r\n`);
    const backwards = await box.run(['export', 'xero', '--from', '2026-12-01', '--to', '2026-11-01']);
    expect([backwards.code, backwards.stdout]).toEqual([2, '']);
  });
});

describe('smallpay export quickbooks', () => {
  it('writes the sample header and the invoices, leaving the credit note out with a word on stderr', async () => {
    const result = await box.ok(['export', 'quickbooks']);
    expect(result.stdout.split('\r\n')[0]).toBe(QBO_HEADER);
    expect(result.stderr).toContain('Left out 1 credit note(s), which the QuickBooks invoice import cannot take; enter them as credit memos: CN-2026-0001');
    const rows = table(result.stdout);
    expect(rows.map((row) => Object.values(row))).toEqual([
      ['INV-2026-0001', 'Globex GmbH', '15/10/2026', '14/11/2026', '', '', '', 'Services', 'Design', '10', '100.00', '1000.00', '19.0% S', '190.00', 'EUR', ''],
      ['INV-2026-0001', 'Globex GmbH', '15/10/2026', '14/11/2026', '', '', '', 'Services', 'Discount: Loyalty (10%)', '1', '-100.00', '-100.00', '19.0% S', '-19.00', 'EUR', ''],
      ['INV-2026-0001', 'Globex GmbH', '15/10/2026', '14/11/2026', '', '', '', 'Services', 'Books', '2', '24.99', '49.98', '7.0% S', '3.50', 'EUR', ''],
      ['INV-2026-0002', 'Initech SARL', '02/11/2026', '02/12/2026', '', '', '', 'Services', 'Consulting', '5', '200.00', '1000.00', '0.0% ECS', '0.00', 'EUR', ''],
      ['INV-2026-0003', 'ACME Corp.', '10/11/2026', '24/11/2026', '', '', 'Thank you', 'Services', 'Support', '3', '150.00', '450.00', '19.0% S', '85.50', 'USD', ''],
      ['INV-2026-0003', 'ACME Corp.', '10/11/2026', '24/11/2026', '', '', 'Thank you', 'Services', 'Invoice discount', '1', '-50.00', '-50.00', '19.0% S', '-9.50', 'USD', ''],
    ]);
    for (const number of ['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003']) {
      const own = rows.filter((row) => row['*InvoiceNo'] === number);
      expect(own.reduce((total, row) => total + cents(row['*ItemAmount'] ?? '') + cents(row.ItemTaxAmount ?? ''), 0)).toBe(await totalOf(number));
    }
  });

  it('maps tax codes and the item through settings, and writes --out atomically with nothing on stdout', async () => {
    await box.ok(['config', 'set', 'quickbooks.taxCode.S.19', '19% Standard']);
    await box.ok(['config', 'set', 'quickbooks.taxCode.AE', 'Reverse Charge']);
    await box.ok(['config', 'set', 'quickbooks.item', 'Consulting']);
    await box.ok(['config', 'set', 'quickbooks.dateFormat', 'mm/dd/yyyy']);
    const file = join(box.home, 'qbo.csv');
    const written = await box.ok(['export', 'quickbooks', '--from', '2026-11-01', '--out', file]);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(`Wrote 2 invoice(s) for QuickBooks Online to ${file}`);
    const content = readFileSync(file, 'utf8');
    expect(table(content).map((row) => [row['*InvoiceNo'], row['*InvoiceDate'], row['Item(Product/Service)'], row.ItemTaxCode])).toEqual([
      ['INV-2026-0002', '11/02/2026', 'Consulting', 'Reverse Charge'],
      ['INV-2026-0003', '11/10/2026', 'Consulting', '19% Standard'],
      ['INV-2026-0003', '11/10/2026', 'Consulting', '19% Standard'],
    ]);
    expect((await box.ok(['export', 'quickbooks', '--from', '2026-11-01', '--out', '-'])).stdout).toBe(content);
  });
});

describe('--out that cannot be written', () => {
  it('one line on stderr, exit 1, nothing on stdout, for every format (no word about left-out documents of a file never written)', async () => {
    const folder = join(box.home, 'a-folder');
    mkdirSync(folder, { recursive: true });
    for (const format of ['csv', 'hledger', 'beancount', 'xero', 'quickbooks']) {
      const result = await box.run(['export', format, '--out', folder]);
      expect(result.code, format).toBe(1);
      expect(result.stdout, format).toBe('');
      expect(result.stderr, format).toBe(`smallpay: cannot write ${folder}: it is a folder\n`);
    }
  });

  it('an empty --out is a usage error (exit 2), as an empty --store is', async () => {
    for (const format of ['csv', 'hledger', 'beancount', 'xero', 'quickbooks']) {
      const result = await box.run(['export', format, '--out', '']);
      expect(result.code, format).toBe(2);
      expect(result.stdout, format).toBe('');
      expect(result.stderr, format).toBe("smallpay: --out: the path must not be empty (give '-' for stdout)\n");
    }
  });
});
