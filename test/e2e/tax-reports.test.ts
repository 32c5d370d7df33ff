/**
 * `report vat` and `report ec-sales` through the built CLI. The store is built with the CLI's own commands,
 * as test/domain/reports/tax-dataset.ts describes (same invoices, same dates, same hand-worked figures);
 * today is 2027-01-10, so the default period is the last complete quarter, 2026-Q4.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
const env = { SMALLPAY_NOW: '2027-01-10' };
const ok = (args: string[], extra: Record<string, string> = {}) => box.ok(args, { env: { ...env, ...extra } });
const run = (args: string[]) => box.run(args, { env });
const json = async (args: string[]) => JSON.parse((await ok(['report', ...args, '--json'])).stdout);

beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  await ok(['customer', 'add', '--id', 'paris', '--name', 'Paris SARL', '--email', 'compta@paris.test', '--country', 'FR', '--tax-id', 'FR40303265045', '--vat-treatment', 'reverse-charge']);
  await ok(['customer', 'add', '--id', 'wien', '--name', 'Wien GmbH', '--email', 'office@wien.test', '--country', 'AT', '--tax-id', 'ATU12345678', '--vat-treatment', 'intra-community']);
  const steps: string[][] = [
    ['invoice', 'new', '--customer', 'globex', '--date', '2026-08-20', '--item', 'Consulting', '--qty', '10', '--price', '100', '--tax', '19', '--item', 'Books', '--qty', '2', '--price', '50', '--tax', '7'],
    ['invoice', 'pay', 'INV-2026-0001', '--amount', '500', '--date', '2026-09-15'],
    ['invoice', 'new', '--customer', 'paris', '--date', '2026-09-30', '--period', '2026-09-01..2026-09-30', '--item', 'Consulting September', '--price', '2000'],
    ['invoice', 'new', '--customer', 'wien', '--date', '2026-10-02', '--service-date', '2026-09-28', '--item', 'Printed manuals', '--qty', '300', '--price', '5'],
    ['invoice', 'pay', 'INV-2026-0001', '--date', '2026-10-05'],
    ['invoice', 'new', '--customer', 'globex', '--date', '2026-10-15', '--service-date', '2026-10-14', '--item', 'Workshop', '--price', '800', '--tax', '19'],
    ['invoice', 'pay', 'INV-2026-0002', '--date', '2026-10-20'],
    ['invoice', 'pay', 'INV-2026-0004', '--date', '2026-10-25'],
    ['invoice', 'pay', 'INV-2026-0003', '--date', '2026-10-30'],
    ['invoice', 'new', '--customer', 'acme', '--date', '2026-11-02', '--item', 'Support', '--price', '1000', '--tax', '19'],
    ['invoice', 'credit', 'INV-2026-0004', '--date', '2026-11-03', '--item', 'Workshop shortened', '--price', '100', '--tax', '19'],
    ['invoice', 'refund', 'INV-2026-0004', '--date', '2026-11-10'],
    ['invoice', 'new', '--customer', 'paris', '--date', '2026-11-10', '--service-date', '2026-11-05', '--item', 'Translation', '--price', '500'],
    ['invoice', 'new', '--customer', 'globex', '--date', '2026-11-15', '--item', 'Void', '--price', '50', '--tax', '19'],
    ['invoice', 'void', 'INV-2026-0007'],
    ['invoice', 'credit', 'INV-2026-0006', '--date', '2026-11-20', '--item', 'Pages not translated', '--price', '100', '--tax', '0'],
    ['invoice', 'pay', 'INV-2026-0005', '--amount', '400', '--date', '2026-12-01'],
    ['invoice', 'new', '--customer', 'globex', '--date', '2026-12-05', '--draft', '--item', 'Draft', '--price', '999', '--tax', '19'],
  ];
  for (const step of steps) await ok(step);
}, 120_000);
afterAll(() => box.cleanup());

describe('smallpay report vat --json', () => {
  it('defaults to the last complete quarter (2026-Q4) on invoice basis: credit notes netted, foreign currency apart', async () => {
    expect(await json(['vat'])).toEqual({
      asOf: '2027-01-10',
      from: '2026-10-01',
      to: '2026-12-31',
      basis: 'invoice',
      currency: 'EUR',
      rows: [
        { currency: 'EUR', category: 'S', rate: '19', net: '700.00', tax: '133.00', foreign: false },
        { currency: 'EUR', category: 'AE', rate: '0', net: '400.00', tax: '0.00', foreign: false },
        { currency: 'EUR', category: 'K', rate: '0', net: '1500.00', tax: '0.00', foreign: false },
        { currency: 'USD', category: 'S', rate: '19', net: '1000.00', tax: '190.00', foreign: true },
      ],
      totals: [
        { currency: 'EUR', net: '2600.00', tax: '133.00', foreign: false },
        { currency: 'USD', net: '1000.00', tax: '190.00', foreign: true },
      ],
    });
  });

  it('Q3 on both bases: the partial payment counts its largest-remainder share of each rate', async () => {
    const rows = async (args: string[]) => (await json(['vat', ...args])).rows.map((r: Record<string, string>) => [r.currency, r.category, r.rate, r.net, r.tax]);
    expect(await rows(['--quarter', '2026-Q3'])).toEqual([
      ['EUR', 'S', '19', '1000.00', '190.00'],
      ['EUR', 'S', '7', '100.00', '7.00'],
      ['EUR', 'AE', '0', '2000.00', '0.00'],
    ]);
    expect(await rows(['--quarter', '2026-Q3', '--basis', 'payment'])).toEqual([
      ['EUR', 'S', '19', '385.50', '73.25'],
      ['EUR', 'S', '7', '38.55', '2.70'],
    ]);
    const q4 = await json(['vat', '--quarter', '2026-q4', '--basis', 'payment']);
    expect(q4).toMatchObject({ from: '2026-10-01', to: '2026-12-31', basis: 'payment' });
    expect(q4.rows.map((r: Record<string, string>) => [r.currency, r.category, r.rate, r.net, r.tax])).toEqual([
      ['EUR', 'S', '19', '1314.50', '249.75'],
      ['EUR', 'S', '7', '61.45', '4.30'],
      ['EUR', 'AE', '0', '2000.00', '0.00'],
      ['EUR', 'K', '0', '1500.00', '0.00'],
      ['USD', 'S', '19', '336.13', '63.87'],
    ]);
    expect((await json(['vat', '--month', '2026-11', '--basis', 'payment'])).rows).toEqual([{ currency: 'EUR', category: 'S', rate: '19', net: '-100.00', tax: '-19.00', foreign: false }]);
    expect((await json(['vat', '--from', '2026-10-01', '--to', '2026-10-31', '--basis', 'payment'])).rows[0]).toMatchObject({ net: '1414.50', tax: '268.75' });
  });

  it('an empty period prints an empty list and says so on stderr', async () => {
    expect((await json(['vat', '--quarter', '2025-Q1'])).rows).toEqual([]);
    const text = await ok(['report', 'vat', '--quarter', '2025-Q1']);
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe('No VAT to report from 2025-01-01 to 2025-03-31 (invoice basis).\n');
  });
});

describe('smallpay report vat, table and CSV', () => {
  it('prints a table per currency with totals, the foreign currency apart with its note', async () => {
    const { stdout } = await ok(['report', 'vat'], { COLUMNS: '100' });
    expect(stdout).toContain('VAT 2026-10-01 – 2026-12-31, invoice basis');
    expect(stdout).toMatch(/^Category \(EUR\)\s+Rate\s+Net\s+VAT$/m);
    expect(stdout).toMatch(/^S standard rate\s+19%\s+700\.00 EUR\s+133\.00 EUR$/m);
    expect(stdout).toMatch(/^AE reverse charge\s+0%\s+400\.00 EUR\s+0\.00 EUR$/m);
    expect(stdout).toMatch(/^K intra-community supply\s+0%\s+1,500\.00 EUR\s+0\.00 EUR$/m);
    expect(stdout).toMatch(/^Total\s+2,600\.00 EUR\s+133\.00 EUR$/m);
    expect(stdout).toMatch(/In USD, not EUR: listed apart and not converted/);
    expect(stdout).toMatch(/^Category \(USD\)\s+Rate\s+Net\s+VAT$/m);
    expect(stdout).toMatch(/^Total\s+1,000\.00 USD\s+190\.00 USD$/m);
    // The EUR total never includes the USD amounts.
    expect(stdout.indexOf('In USD')).toBeGreaterThan(stdout.indexOf('2,600.00 EUR'));
    expect(stdout).toContain('Invoice basis: invoices count at their date of supply');
  });

  it('gives CSV rows', async () => {
    const { stdout } = await ok(['report', 'vat', '--quarter', '2026-Q3', '--basis', 'payment', '--csv']);
    expect(stdout).toBe('currency,category,rate,net,tax,foreign\r\nEUR,S,19,385.50,73.25,false\r\nEUR,S,7,38.55,2.70,false\r\n');
  });
});

describe('smallpay report ec-sales', () => {
  it('gives per buyer VAT id the services (AE) and goods (K), credit notes netted', async () => {
    expect(await json(['ec-sales'])).toEqual({
      asOf: '2027-01-10',
      from: '2026-10-01',
      to: '2026-12-31',
      currency: 'EUR',
      rows: [
        { buyerVatId: 'ATU12345678', currency: 'EUR', services: '0.00', goods: '1500.00', buyerName: 'Wien GmbH', foreign: false },
        { buyerVatId: 'FR40303265045', currency: 'EUR', services: '400.00', goods: '0.00', buyerName: 'Paris SARL', foreign: false },
      ],
    });
    expect((await json(['ec-sales', '--quarter', '2026-Q3'])).rows).toEqual([{ buyerVatId: 'FR40303265045', currency: 'EUR', services: '2000.00', goods: '0.00', buyerName: 'Paris SARL', foreign: false }]);
  });

  it('as a table and as CSV', async () => {
    const { stdout } = await ok(['report', 'ec-sales', '--quarter', '2026-Q4'], { COLUMNS: '100' });
    expect(stdout).toContain('EC sales list 2026-10-01 – 2026-12-31');
    expect(stdout).toMatch(/^ATU12345678\s+Wien GmbH\s+-\s+1,500\.00 EUR$/m);
    expect(stdout).toMatch(/^FR40303265045\s+Paris SARL\s+400\.00 EUR\s+-$/m);
    expect((await ok(['report', 'ec-sales', '--csv'])).stdout).toBe(
      'buyer_vat_id,buyer,currency,services,goods,foreign\r\nATU12345678,Wien GmbH,EUR,0.00,1500.00,false\r\nFR40303265045,Paris SARL,EUR,400.00,0.00,false\r\n',
    );
  });
});

describe('bad flags', () => {
  it('exit 2 with one line on stderr, nothing on stdout, the store untouched', async () => {
    const before = readFileSync(box.store);
    const cases: [string[], RegExp][] = [
      [['report', 'vat', '--quarter', '2026-Q4', '--month', '2026-11'], /--quarter and --month cannot be used together/],
      [['report', 'vat', '--quarter', '2026-Q4', '--from', '2026-10-01'], /--quarter and --from cannot be used together/],
      [['report', 'vat', '--month', '2026-11', '--to', '2026-11-30'], /--month and --to cannot be used together/],
      [['report', 'vat', '--quarter', '2026-Q5'], /--quarter: '2026-Q5' is not a quarter/],
      [['report', 'vat', '--month', '2026-13'], /--month: '2026-13' is not a month/],
      [['report', 'vat', '--basis', 'cash'], /--basis: 'cash' is not one of invoice, payment/],
      [['report', 'vat', '--from', '2026-12-01', '--to', '2026-11-01'], /--from 2026-12-01 is after --to 2026-11-01/],
      [['report', 'vat', '--from', '2027-02-01'], /--from 2027-02-01 is after today/],
      [['report', 'vat', '--json', '--csv'], /--json and --csv cannot be used together/],
      [['report', 'ec-sales', '--quarter', '2026-Q4', '--to', '2026-12-31'], /--quarter and --to cannot be used together/],
      [['report', 'ec-sales', '--basis', 'payment'], /unknown option '--basis'/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
    expect(readFileSync(box.store).equals(before)).toBe(true);
  });
});
