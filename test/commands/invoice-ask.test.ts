/** Interactive `invoice new`: the usual tax rate, decimal commas, the customer search, the summary and the "no". */
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/cli/errors.js';
import { decimalAnswer, writesDecimalComma } from '../../src/commands/invoice/ask.js';
import * as newInvoice from '../../src/commands/invoice/new.js';
import { changeSetting, createBusiness } from '../../src/domain/business.js';
import { addCustomer } from '../../src/domain/customers.js';
import { emptyDocument, schemaProblem } from '../../src/store/schema.js';
import { type TestDepsOptions, createTestDeps, outputText } from '../support/test-deps.js';

let setup: ReturnType<typeof createTestDeps>;
afterEach(() => setup.cleanup());

async function seed(options: TestDepsOptions, defaultRate?: string) {
  setup = createTestDeps({ tty: true, ...options });
  await setup.store.update((doc) => {
    doc.business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com', country: 'DE' });
    if (defaultRate !== undefined) changeSetting(doc.business, 'tax.defaultRate', defaultRate);
    addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test' }, '2026-01-01');
    addCustomer(doc, { id: 'acme', name: 'ACME Corp.', email: 'billing@acme.test' }, '2026-01-01');
    addCustomer(doc, { id: 'zoe', name: 'Zoë Łódź', email: 'zoe@lodz.test', taxId: 'PL1234567890' }, '2026-01-01');
  });
}

const askNew = async () => outputText(await newInvoice.run(newInvoice.toOptions({ args: [], opts: {} }), setup.deps));
const stored = async () => (await setup.store.read()).invoices;

describe('the tax rate interactive invoice new proposes', () => {
  it("is the business's usual rate (tax.defaultRate), then the last item's", async () => {
    // '' takes the proposed value, as Enter does.
    await seed({ answers: ['globex', 'Design work', '', '150', '', 'Books', '', '20', '7', 'Hosting', '', '10', '', '', true] }, '19');
    expect(await askNew()).toBe('INV-2026-0001\n');
    const [invoice] = await stored();
    expect(invoice?.items.map((item) => item.taxRate)).toEqual(['19', '7', '7']);
  });

  it('is 0 without the setting', async () => {
    await seed({ answers: ['globex', 'Design work', '', '150', '', '', true] });
    await askNew();
    expect((await stored())[0]?.items[0]?.taxRate).toBe('0');
  });
});

describe('decimals as the person writes them', () => {
  it('takes "3,5" where the locale writes a decimal comma (LANG=de_DE.UTF-8)', async () => {
    await seed({ env: { LANG: 'de_DE.UTF-8' }, answers: ['globex', 'Beratung', '3,5', '120,50', '19', '', true] });
    await askNew();
    const [invoice] = await stored();
    expect(invoice?.items[0]).toMatchObject({ quantity: '3.5', unitPrice: '120.50', taxRate: '19' });
    expect(setup.refusals).toEqual([]);
  });

  it('asks again, saying "write it like 3.5", where the locale does not (LANG=en_US.UTF-8)', async () => {
    await seed({ env: { LANG: 'en_US.UTF-8' }, answers: ['globex', 'Consulting', '3,5', '3.5', '1,000', '1000', '', '', true] });
    await askNew();
    expect(setup.refusals).toEqual([
      'not a decimal number: write it like 3.5 (a point before the decimals, no thousands separators)',
      'not a decimal number: write it like 3.5 (a point before the decimals, no thousands separators)',
    ]);
    expect((await stored())[0]?.items[0]).toMatchObject({ quantity: '3.5', unitPrice: '1000.00' });
  });

  it('reads the locale as the C library does: LC_ALL, then LC_NUMERIC, then LANG', () => {
    expect(writesDecimalComma({ LANG: 'de_DE.UTF-8' })).toBe(true);
    expect(writesDecimalComma({ LANG: 'fr_FR.UTF-8' })).toBe(true);
    expect(writesDecimalComma({ LANG: 'de_DE.UTF-8', LC_NUMERIC: 'en_US.UTF-8' })).toBe(false);
    expect(writesDecimalComma({ LANG: 'en_US.UTF-8', LC_ALL: 'es_ES.UTF-8' })).toBe(true);
    expect(writesDecimalComma({ LANG: 'C.UTF-8' })).toBe(false);
    expect(writesDecimalComma({})).toBe(false);
    expect(writesDecimalComma({ LANG: 'not a locale!' })).toBe(false);
  });

  it('never guesses at thousands separators', () => {
    expect(decimalAnswer(' 3,5 ', true)).toBe('3.5');
    expect(decimalAnswer('-0,25', true)).toBe('-0.25');
    expect(decimalAnswer('3.5', true)).toBe('3.5');
    expect(() => decimalAnswer('1.000,50', true)).toThrow('write it like 3,5 or 3.5');
    expect(() => decimalAnswer('1,000.50', false)).toThrow('write it like 3.5');
    expect(() => decimalAnswer('3,5', false)).toThrow('write it like 3.5');
  });
});

describe('the customer picker', () => {
  it('narrows the list to what is typed: name, id, email or tax id', async () => {
    await seed({ answers: [{ search: 'gmbh' }, 'Work', '', '100', '', '', true] });
    await askNew();
    expect((await stored())[0]?.customer.id).toBe('globex');
    expect(setup.searches).toEqual([{ term: 'gmbh', offered: ['globex'] }]);
  });

  it('offers everyone, by name, before anything is typed; and finds by email and tax id', async () => {
    await seed({ answers: [{ search: '' }, 'Work', '', '100', '', '', true] });
    await askNew();
    expect(setup.searches[0]?.offered).toEqual(['acme', 'globex', 'zoe']);
    setup.cleanup();
    await seed({ answers: [{ search: 'PL123' }, 'Work', '', '100', '', '', true] });
    await askNew();
    expect((await stored())[0]?.customer.id).toBe('zoe');
  });
});

describe('the summary before issuing', () => {
  it('shows the lines and totals on stderr, then asks; yes issues', async () => {
    await seed({ answers: ['globex', 'Design work', '10', '150', '19', 'Travel', '', '89.90', '7', '', true] });
    expect(await askNew()).toBe('INV-2026-0001\n');
    const summary = setup.stderr();
    expect(summary).toMatch(/Invoice INV-2026-0001/);
    expect(summary).toMatch(/Design work[│\s]+10[│\s]+150\.00( EUR)?[│\s]+19%[│\s]+1,500\.00 EUR/);
    expect(summary).toMatch(/Travel[│\s]+1[│\s]+89\.90( EUR)?[│\s]+7%[│\s]+89\.90 EUR/);
    expect(summary).toMatch(/Tax 19% on 1,500.00 EUR\s+285.00 EUR/);
    expect(summary).toMatch(/Total\s+1,881.19 EUR/);
    expect(setup.questions.at(-1)).toBe('Issue INV-2026-0001 to Globex GmbH for 1,881.19 EUR?');
    expect(summary.indexOf('Total')).toBeLessThan(summary.indexOf('Issued INV-2026-0001'));
  });

  it('a "no" cancels (exit 130) and writes nothing: no invoice, no number used', async () => {
    await seed({ answers: ['globex', 'Design work', '10', '150', '19', '', false] });
    const before = await setup.store.read();
    await expect(askNew()).rejects.toBeInstanceOf(CancelledError);
    const after = await setup.store.read();
    expect(after.invoices).toEqual([]);
    expect(after.sequences).toEqual(before.sequences);
  });

  it('asks "Save this draft" for --draft', async () => {
    await seed({ answers: ['globex', 'Work', '', '100', '', '', true] });
    const output = outputText(await newInvoice.run(newInvoice.toOptions({ args: [], opts: { draft: true } }), setup.deps));
    expect(output).toBe('inv_test0001\n');
    expect(setup.questions.at(-1)).toBe('Save this draft for Globex GmbH (100.00 EUR)?');
  });

  it('is not shown when the flags gave everything (nothing was asked)', async () => {
    await seed({ answers: [] });
    const options = newInvoice.toOptions({ args: [], opts: { customer: 'globex', item: [{ flag: 'item', value: 'Work' }, { flag: 'price', value: '100' }] } });
    expect(outputText(await newInvoice.run(options, setup.deps))).toBe('INV-2026-0001\n');
    expect(setup.questions).toEqual([]);
  });
});

describe('the tax.defaultRate setting', () => {
  it('takes a percentage from 0 to 100 as items do, and refuses anything else', () => {
    const business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com', country: 'DE' });
    changeSetting(business, 'tax.defaultRate', '7.50');
    expect(business.tax).toEqual({ defaultRate: '7.5' });
    changeSetting(business, 'tax.defaultRate', '0');
    expect(business.tax).toEqual({ defaultRate: '0' });
    for (const bad of ['101', '-1', '19,5', 'nineteen', '', '7.12345']) {
      expect(() => changeSetting(business, 'tax.defaultRate', bad)).toThrow(/^tax\.defaultRate: '.*' is not a tax rate/);
    }
  });

  it('is checked when a store is loaded: a hand-edited rate is refused', () => {
    const doc = emptyDocument();
    doc.business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com', country: 'DE' });
    doc.business.tax = { defaultRate: '19' };
    expect(schemaProblem(doc)).toBeUndefined();
    for (const bad of ['19,5', '101', '-1', ' 19']) {
      doc.business.tax = { defaultRate: bad };
      expect(schemaProblem(doc)).toMatch(/defaultRate/);
    }
  });
});

describe('a business without a country (issue 10)', () => {
  it('is refused before the first question, so no answer is typed in vain', async () => {
    await seed({ answers: [] });
    await setup.store.update((doc) => {
      delete doc.business!.postalAddress;
    });
    await expect(askNew()).rejects.toThrow(/the business has no country/);
    expect(setup.questions).toEqual([]);
  });
});
