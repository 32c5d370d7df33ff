/**
 * Issue 10, parties and invoice flags, through the built CLI: structured addresses, countries, endpoints,
 * the customer's VAT treatment, the small-business setting, the seller country rule, the flags of
 * invoice new/edit, and the migration of a schema-3 store. Tests that need the VAT core of issue 10 (which
 * stores categories, units, allowances and references) run once the store schema is 4.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../src/store/schema.js';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

const vatCoreLanded = CURRENT_SCHEMA_VERSION >= 4;

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const json = async (args: string[]) => JSON.parse((await box.ok([...args, '--json'])).stdout);
const stored = () => JSON.parse(readFileSync(box.store, 'utf8'));

/** Runs a command that must fail with exit 2 and one line on stderr, leaving the store as it was, byte for byte. */
async function refusedUnchanged(args: string[], message: RegExp): Promise<void> {
  const before = readFileSync(box.store);
  const result = await box.run(args);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  expect(readFileSync(box.store).equals(before)).toBe(true);
}

describe('the business', () => {
  it('init takes a structured address, tax number, registration and endpoint; config show prints them', async () => {
    await box.ok([
      'init', '--name', 'Northwind Studio', '--email', 'hello@northwind.test', '--street', 'Hafenstraße 12', '--street', 'Hinterhaus',
      '--postcode', '20457', '--city', 'Hamburg', '--country', 'de', '--tax-id', 'DE123456789', '--tax-number', '47/110/12345',
      '--registration', 'HRB 123456, Amtsgericht Hamburg', '--endpoint', '9930:DE123456789',
    ]);
    const business = await json(['config', 'show']);
    expect(business).toMatchObject({
      address: 'Hafenstraße 12\nHinterhaus\n20457 Hamburg\nDE',
      taxId: 'DE123456789',
      postalAddress: { lines: ['Hafenstraße 12', 'Hinterhaus'], postcode: '20457', city: 'Hamburg', region: null, country: 'DE' },
      taxNumber: '47/110/12345',
      registration: 'HRB 123456, Amtsgericht Hamburg',
      endpoint: { scheme: '9930', id: 'DE123456789' },
      creditNumberFormat: 'CN-{YYYY}-{SEQ:4}',
      contact: { name: null, phone: null, email: null },
      vat: { smallBusiness: false, smallBusinessCategory: null },
    });
    expect((await box.ok(['config', 'show'])).stdout).toMatch(/\ncountry\s+DE\n/);
  });

  it('config set has a key for every new field, and unset removes them', async () => {
    await box.ok(['init', '--name', 'A', '--email', 'a@x.test', '--address', 'Hafenstraße 12\n20457 Hamburg']);
    for (const [key, value] of [
      ['country', 'DE'], ['region', 'HH'], ['tax-number', '47/110/12345'], ['registration', 'HRB 1'], ['endpoint', '0088:4012345000009'],
      ['credit-number-format', 'GS{YY}-{SEQ:3}'], ['contact.name', 'Ada Lovelace'], ['contact.phone', '+49 40 123456'], ['contact.email', 'ada@x.test'],
      ['vat.smallBusiness', 'yes'], ['vat.smallBusinessCategory', 'e'],
    ]) await box.ok(['config', 'set', key as string, value as string]);
    expect(await json(['config', 'show'])).toMatchObject({
      address: 'Hafenstraße 12\n20457 Hamburg\nHH\nDE',
      postalAddress: { lines: ['Hafenstraße 12', '20457 Hamburg'], postcode: null, city: null, region: 'HH', country: 'DE' },
      taxNumber: '47/110/12345',
      registration: 'HRB 1',
      endpoint: { scheme: '0088', id: '4012345000009' },
      creditNumberFormat: 'GS{YY}-{SEQ:3}',
      contact: { name: 'Ada Lovelace', phone: '+49 40 123456', email: 'ada@x.test' },
      vat: { smallBusiness: true, smallBusinessCategory: 'E' },
    });
    await box.ok(['config', 'set', 'address.street', 'Neuer Wall 1']);
    await box.ok(['config', 'set', 'postcode', '20354']);
    await box.ok(['config', 'set', 'city', 'Hamburg']);
    for (const key of ['region', 'endpoint', 'creditNumberFormat', 'vat.smallBusiness', 'vat.smallBusinessCategory']) await box.ok(['config', 'unset', key]);
    const business = await json(['config', 'show']);
    expect(business.address).toBe('Neuer Wall 1\n20354 Hamburg\nDE');
    expect(business).toMatchObject({ endpoint: null, creditNumberFormat: 'CN-{YYYY}-{SEQ:4}', vat: { smallBusiness: false, smallBusinessCategory: null } });
  });

  it('refuses bad values with exit 2, leaving the store unchanged byte for byte', async () => {
    await seedBusiness(box);
    await refusedUnchanged(['config', 'set', 'country', 'XX'], /^smallpay: country: 'XX' is not an ISO 3166-1 alpha-2 country code/);
    await refusedUnchanged(['config', 'set', 'endpoint', 'abc'], /^smallpay: endpoint: 'abc' is not <scheme>:<id> with a four-digit scheme code/);
    await refusedUnchanged(['config', 'set', 'creditNumberFormat', 'CN-{MM}-{SEQ}'], /creditNumberFormat/);
    await refusedUnchanged(['config', 'set', 'vat.smallBusinessCategory', 'S'], /vat\.smallBusinessCategory: 'S' is not O .* or E/);
    await refusedUnchanged(['config', 'set', 'city', ''], /city: must not be empty/);
    const fresh = join(box.home, 'fresh.json');
    const result = await box.run(['init', '--name', 'A', '--email', 'a@x.test', '--country', 'XX'], { env: { SMALLPAY_STORE: fresh } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--country: 'XX' is not an ISO 3166-1 alpha-2 country code|country: 'XX'/);
    expect(() => readFileSync(fresh)).toThrow();
  });
});

describe('customers', () => {
  beforeEach(() => seedBusiness(box));

  it('add and edit take the address parts, contact, endpoint and VAT treatment; "" clears one', async () => {
    await box.ok([
      'customer', 'add', '--id', 'umbrella', '--name', 'Umbrella SARL', '--email', 'compta@umbrella.test', '--street', '8 rue de la Paix',
      '--postcode', '75002', '--city', 'Paris', '--country', 'FR', '--tax-id', 'FR40303265045', '--contact', 'Claire Dubois',
      '--endpoint', '0009:30326504500010', '--vat-treatment', 'reverse-charge',
    ]);
    expect(await json(['customer', 'show', 'umbrella'])).toMatchObject({
      address: '8 rue de la Paix\n75002 Paris\nFR',
      postalAddress: { lines: ['8 rue de la Paix'], postcode: '75002', city: 'Paris', region: null, country: 'FR' },
      contact: 'Claire Dubois',
      endpoint: { scheme: '0009', id: '30326504500010' },
      vatTreatment: 'reverse-charge',
    });
    await box.ok(['customer', 'edit', 'umbrella', '--contact', '', '--endpoint', '', '--vat-treatment', 'intra-community', '--street', '', '--city', 'Lyon']);
    const edited = await json(['customer', 'show', 'umbrella']);
    expect(edited).toMatchObject({ address: '75002 Lyon\nFR', contact: null, endpoint: null, vatTreatment: 'intra-community' });
    expect(edited.postalAddress.lines).toEqual([]);
    expect((await box.ok(['customer', 'show', 'umbrella'])).stdout).toMatch(/VAT treatment\s+intra-community/);
    // --address keeps working, as the street lines.
    await box.ok(['customer', 'edit', 'umbrella', '--address', '1 place Bellecour\nBâtiment B']);
    expect((await json(['customer', 'show', 'umbrella'])).postalAddress).toEqual({ lines: ['1 place Bellecour', 'Bâtiment B'], postcode: '75002', city: 'Lyon', region: null, country: 'FR' });
  });

  it('refuses bad values with exit 2 before the store is touched', async () => {
    await refusedUnchanged(['customer', 'add', '--name', 'X', '--email', 'x@x.test', '--country', 'XX'], /^smallpay: --country: 'XX' is not an ISO 3166-1 alpha-2 country code/);
    await refusedUnchanged(['customer', 'edit', 'globex', '--endpoint', 'abc'], /^smallpay: --endpoint: 'abc' is not <scheme>:<id>/);
    await refusedUnchanged(['customer', 'edit', 'globex', '--endpoint', '0088:has space'], /--endpoint: 'has space' is not an identifier/);
    await refusedUnchanged(['customer', 'edit', 'globex', '--vat-treatment', 'zero'], /--vat-treatment: 'zero' is not a VAT treatment \(standard, reverse-charge, intra-community, export, exempt\)/);
    await refusedUnchanged(['customer', 'edit', 'globex', '--street', 'a', '--street', 'b', '--street', 'c', '--street', 'd'], /--street: at most 3 street lines/);
    await refusedUnchanged(['customer', 'add', '--name', 'X', '--email', 'x@x.test', '--street', 'a', '--address', 'b'], /--street and --address both give the street lines/);
  });

  it('email greetings name the contact person when there is one', async () => {
    await box.ok(['config', 'set', 'mail.transport', 'file']);
    await box.ok(['customer', 'edit', 'acme', '--contact', 'Wile E. Coyote']);
    await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Rocket skates', '--price', '100']);
    await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Beratung', '--price', '100']);
    await box.ok(['send', 'INV-2026-0001', 'INV-2026-0002']);
    const folder = join(box.home, 'outbox');
    const texts = await Promise.all(readdirSync(folder).map(async (file) => (await simpleParser(readFileSync(join(folder, file)))).text ?? ''));
    expect(texts.some((text) => text.startsWith('Dear Wile E. Coyote,'))).toBe(true);
    expect(texts.some((text) => text.startsWith('Guten Tag Globex GmbH,'))).toBe(true);
  });
});

describe('invoice new: the seller country', () => {
  it('is required: exit 2 naming the fix, store unchanged; set once, invoices follow', async () => {
    await box.ok(['init', '--name', 'Ada', '--email', 'ada@example.com']);
    await box.ok(['customer', 'add', '--id', 'globex', '--name', 'Globex GmbH', '--email', 'ap@globex.test']);
    const before = readFileSync(box.store);
    const result = await box.run(['invoice', 'new', '--customer', 'globex', '--item', 'Work', '--price', '100']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("smallpay: the business has no country; a new invoice needs the seller's country (ISO 3166-1 alpha-2); set it once, e.g. smallpay config set country DE\n");
    expect(readFileSync(box.store).equals(before)).toBe(true);
    await box.ok(['config', 'set', 'country', 'DE']);
    expect((await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Work', '--price', '100'])).stdout).toBe('INV-2026-0001\n');
  });
});

describe('invoice new and edit flags', () => {
  beforeEach(() => seedBusiness(box));

  it('bad values exit 2 with the store unchanged', async () => {
    await refusedUnchanged(['invoice', 'new', '--customer', 'globex', '--item', 'W', '--price', '1', '--period', '2026-11-30..2026-11-01'], /^smallpay: --period: the end 2026-11-01 is before the start 2026-11-30\n/);
    await refusedUnchanged(['invoice', 'new', '--customer', 'globex', '--item', 'W', '--price', '1', '--category', 'X'], /item 1 --category: 'X' is not a VAT category/);
    await refusedUnchanged(['invoice', 'new', '--customer', 'globex', '--item', 'W', '--price', '1', '--discount', 'much'], /item 1 --discount: 'much' is not a percentage/);
    await refusedUnchanged(['invoice', 'new', '--customer', 'globex', '--item', 'W', '--price', '1', '--service-date', '2026-02-30'], /--service-date: '2026-02-30' is not a date/);
    await refusedUnchanged(['invoice', 'new', '--customer', 'globex', '--item', 'W', '--price', '1', '--charge-reason', 'Shipping'], /--charge-reason: needs --charge/);
  });

  it.runIf(vatCoreLanded)('each flag reaches the invoice, read back with invoice show --json', async () => {
    await box.ok([
      'invoice', 'new', '--customer', 'globex', '--service-date', '2026-11-03', '--po', 'PO-4711', '--buyer-reference', '04011000-12345-67', '--contract', 'Framework 2026',
      '--item', 'Consulting', '--qty', '12', '--unit', 'h', '--price', '100', '--tax', '19', '--discount', '10%', '--discount-reason', 'Loyalty',
      '--item', 'Exempt course', '--price', '50', '--category', 'E', '--exemption-reason', 'Training exempt under §4 Nr. 21 UStG',
      '--charge', '12.50', '--charge-reason', 'Shipping', '--charge-tax', '19', '--charge-category', 'S',
    ]);
    const first = await json(['invoice', 'show', 'INV-2026-0001']);
    expect(first).toMatchObject({ serviceDate: '2026-11-03', servicePeriod: null, purchaseOrder: 'PO-4711', buyerReference: '04011000-12345-67', contract: 'Framework 2026' });
    expect(first.items[0]).toMatchObject({ unit: 'HUR', taxCategory: 'S', net: '1080.00', allowances: [expect.objectContaining({ amount: '120.00', percent: '10', reason: 'Loyalty' })] });
    expect(first.items[1]).toMatchObject({ taxCategory: 'E', exemptionReason: 'Training exempt under §4 Nr. 21 UStG' });
    expect(first.charges).toEqual([expect.objectContaining({ amount: '12.50', reason: 'Shipping', taxRate: '19', taxCategory: 'S' })]);
    expect(first).toMatchObject({ lineTotal: '1130.00', chargeTotal: '12.50', subtotal: '1142.50' });

    await box.ok([
      'invoice', 'new', '--customer', 'globex', '--period', '2026-11-01..2026-11-30', '--item', 'A', '--price', '100', '--tax', '19', '--item', 'B', '--price', '100', '--tax', '7',
      '--invoice-discount', '5%', '--invoice-discount-reason', 'Early order',
    ]);
    const second = await json(['invoice', 'show', 'INV-2026-0002']);
    expect(second.servicePeriod).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    // One allowance per (category, rate) group, 5 % of that group's line total.
    const allowances = second.allowances.map((a: { taxRate: string; amount: string; reason: string }) => [a.taxRate, a.amount, a.reason]).sort();
    expect(allowances).toEqual([['19', '5.00', 'Early order'], ['7', '5.00', 'Early order']]);
    expect(second.allowanceTotal).toBe('10.00');

    await box.ok(['invoice', 'edit', 'INV-2026-0002', '--po', 'PO-9', '--contract', 'C-2', '--service-date', '2026-11-15']);
    expect(await json(['invoice', 'show', 'INV-2026-0002'])).toMatchObject({ purchaseOrder: 'PO-9', contract: 'C-2', serviceDate: '2026-11-15' });
    await box.ok(['invoice', 'edit', 'INV-2026-0002', '--po', '']);
    expect((await json(['invoice', 'show', 'INV-2026-0002'])).purchaseOrder).toBeNull();
  });

  it.runIf(vatCoreLanded)("a customer's treatment gives new lines their category unless a line says otherwise", async () => {
    await box.ok(['customer', 'add', '--id', 'umbrella', '--name', 'Umbrella SARL', '--email', 'u@x.test', '--country', 'FR', '--tax-id', 'FR40303265045', '--vat-treatment', 'reverse-charge']);
    await box.ok(['customer', 'edit', 'acme', '--vat-treatment', 'export', '--country', 'US']);
    await box.ok(['invoice', 'new', '--customer', 'umbrella', '--item', 'Design', '--price', '100', '--item', 'Course', '--price', '10', '--category', 'E']);
    await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Design', '--price', '100']);
    const [reverse, exported] = stored().invoices;
    expect(reverse.items.map((item: { taxCategory: string }) => item.taxCategory)).toEqual(['AE', 'E']);
    expect(exported.items[0].taxCategory).toBe('G');
    // A rate does not pick another category: 19 % on a reverse-charge line is refused by the VAT rules.
    await refusedUnchanged(['invoice', 'new', '--customer', 'umbrella', '--item', 'Design', '--price', '100', '--tax', '19'], /AE/);
    await box.ok(['invoice', 'new', '--customer', 'umbrella', '--item', 'Local event', '--price', '100', '--tax', '19', '--category', 'S']);
    await box.ok(['invoice', 'edit', 'INV-2026-0002', '--item', 'Design, revised', '--price', '120']);
    expect(stored().invoices[1].items[0].taxCategory).toBe('G');
    expect(stored().invoices[2].items[0]).toMatchObject({ taxCategory: 'S', taxRate: '19' });
  });

  it.runIf(vatCoreLanded)('a small business issues O lines; a rate on such a line is refused by name', async () => {
    await box.ok(['config', 'set', 'vat.smallBusiness', 'true']);
    await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Design', '--price', '100']);
    const shown = await json(['invoice', 'show', 'INV-2026-0001']);
    expect(shown.items[0].taxCategory).toBe('O');
    expect(shown.tax).toBe('0.00');
    await refusedUnchanged(['invoice', 'new', '--customer', 'globex', '--item', 'Design', '--price', '100', '--tax', '19'], /BR-O|O/);
  });
});

describe('a store of schema 3 with free-text addresses', () => {
  function writeV3Store(): void {
    const doc = {
      schemaVersion: 3,
      business: { name: 'Ada Consulting', email: 'ada@example.com', address: 'Hafenstraße 12\n20457 Hamburg', taxId: 'DE123456789', currency: 'EUR', terms: 30, numberFormat: 'INV-{YYYY}-{SEQ:4}', lang: 'en' },
      customers: [{ id: 'umbrella', name: 'Umbrella SARL', email: 'u@x.test', address: '8 rue de la Paix\n75002 Paris\nFrance', createdAt: '2026-01-01' }],
      invoices: [],
      sequences: {},
      audit: [],
      outbox: [],
      recurring: [],
    };
    writeFileSync(box.store, `${JSON.stringify(doc, null, 2)}\n`);
  }

  it('keeps the address readable; the country is set once, then invoices follow', async () => {
    writeV3Store();
    expect((await json(['customer', 'show', 'umbrella'])).address).toBe('8 rue de la Paix\n75002 Paris\nFrance');
    const refused = await box.run(['invoice', 'new', '--customer', 'umbrella', '--item', 'W', '--price', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('smallpay config set country DE');
    await box.ok(['config', 'set', 'country', 'DE']);
    expect(await json(['config', 'show'])).toMatchObject({
      address: 'Hafenstraße 12\n20457 Hamburg\nDE',
      postalAddress: { lines: ['Hafenstraße 12', '20457 Hamburg'], postcode: null, city: null, region: null, country: 'DE' },
    });
    await box.ok(['customer', 'edit', 'umbrella', '--country', 'FR']);
    expect((await json(['customer', 'show', 'umbrella'])).postalAddress).toMatchObject({ lines: ['8 rue de la Paix', '75002 Paris', 'France'], country: 'FR' });
    expect((await box.ok(['invoice', 'new', '--customer', 'umbrella', '--item', 'W', '--price', '1'])).stdout).toBe('INV-2026-0001\n');
  });

  it.runIf(vatCoreLanded)('is migrated: the free text becomes street lines, with no country guessed', async () => {
    writeV3Store();
    const customer = await json(['customer', 'show', 'umbrella']);
    expect(customer).toMatchObject({ address: '8 rue de la Paix\n75002 Paris\nFrance', postalAddress: { lines: ['8 rue de la Paix', '75002 Paris', 'France'], country: null } });
    expect((await json(['config', 'show'])).postalAddress).toEqual({ lines: ['Hafenstraße 12', '20457 Hamburg'], postcode: null, city: null, region: null, country: null });
  });
});
