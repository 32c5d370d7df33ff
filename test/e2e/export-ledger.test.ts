/**
 * `smallpay export hledger` and `export beancount` through the built CLI, checked by the real tools when
 * they are installed (Debian packages hledger and beancount; .ci/run installs them): the journal passes
 * `hledger check --strict` and `bean-check`, and its balances are SmallPay's own figures — the dashboard,
 * aging, and VAT per rate worked out by hand, and `report vat --json`.
 *
 * The dataset (EUR unless said), figures by hand:
 *   INV-0001 globex 01-10  1000.00 @ S 19 + 100.00 @ S 7 = 1297.00; paid 500.00 on 02-01        owes 797.00
 *   INV-0002 paris  02-05  1800.00 reverse charge (AE 0); paid 03-01; CN-0001 300.00 AE on 03-10;
 *                          refund 300.00 on 03-15                                                owes 0
 *   INV-0003 globex 03-01  200.00 @ S 19 = 238.00; CN-0002 100.00 @ S 19 = 119.00 on 03-20     owes 119.00
 *   INV-0004 acme   04-01  500.00 @ S 19 = 595.00 USD; paid 200.00 on 04-20; written off 395.00 on 06-01
 *   INV-0005 acme   05-01  100.00 @ S 19 = 119.00 USD                                            owes 119.00
 *   INV-0006 globex 06-01  50.00 @ S 19 = 59.50, void on 06-02: booked and reversed, nets to 0
 * Revenue EUR 1100 + 1800 − 300 + 200 − 100 = 2700.00 (S 19: 1100.00, S 7: 100.00, AE 0: 1500.00);
 * VAT EUR S 19: 190 + 38 − 19 = 209.00, S 7: 7.00; USD revenue 600.00, VAT S 19 114.00.
 * Receivable EUR 916.00, USD 119.00; bank EUR 500 + 1800 − 300 = 2000.00, USD 200.00; bad debts USD 395.00.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

const has = (tool: string) => spawnSync('which', [tool], { encoding: 'utf8' }).status === 0;
const HLEDGER = has('hledger');
const BEAN_CHECK = has('bean-check');
const BEAN_QUERY = has('bean-query');
if (!HLEDGER) console.warn('hledger is not installed: skipping the hledger checks (apt-get install hledger)');
if (!BEAN_CHECK) console.warn('bean-check is not installed: skipping the beancount checks (apt-get install beancount)');

let box: Sandbox;
let journal: string;
let beancount: string;

async function seedDataset(target: Sandbox): Promise<void> {
  await seedBusiness(target);
  await target.ok(['customer', 'add', '--id', 'paris', '--name', 'Paris SARL', '--email', 'compta@paris.test', '--tax-id', 'FR40303265045']);
  const input = (document: object) => ({ input: JSON.stringify(document) });
  await target.ok(['invoice', 'new', '--input', '-'], input({ customer: 'globex', issueDate: '2026-01-10', items: [{ description: 'Consulting', quantity: '10', unitPrice: '100', taxRate: '19' }, { description: 'Books', quantity: '2', unitPrice: '50', taxRate: '7' }] }));
  await target.ok(['invoice', 'pay', 'INV-2026-0001', '--amount', '500', '--date', '2026-02-01']);
  await target.ok(['invoice', 'new', '--input', '-'], input({ customer: 'paris', issueDate: '2026-02-05', items: [{ description: 'Audit', quantity: '2', unitPrice: '900', taxCategory: 'AE' }] }));
  await target.ok(['invoice', 'pay', 'INV-2026-0002', '--date', '2026-03-01']);
  await target.ok(['invoice', 'credit', 'INV-2026-0002', '--item', 'Audit, half a day', '--price', '300', '--tax', '0', '--date', '2026-03-10']);
  await target.ok(['invoice', 'refund', 'INV-2026-0002', '--date', '2026-03-15', '--method', 'bank; "transfer"']);
  await target.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-03-01', '--item', 'Design | work', '--qty', '2', '--price', '100', '--tax', '19']);
  await target.ok(['invoice', 'credit', 'INV-2026-0003', '--item', 'One hour', '--price', '100', '--tax', '19', '--date', '2026-03-20']);
  await target.ok(['invoice', 'new', '--customer', 'acme', '--date', '2026-04-01', '--item', 'Support', '--qty', '5', '--price', '100', '--tax', '19']);
  await target.ok(['invoice', 'pay', 'INV-2026-0004', '--amount', '200', '--date', '2026-04-20']);
  await target.ok(['invoice', 'write-off', 'INV-2026-0004', '--date', '2026-06-01', '--reason', 'customer insolvent']);
  await target.ok(['invoice', 'new', '--customer', 'acme', '--date', '2026-05-01', '--item', 'Hosting', '--price', '100', '--tax', '19']);
  await target.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-06-01', '--item', 'Mistake', '--price', '50', '--tax', '19']);
  await target.ok(['invoice', 'void', 'INV-2026-0006', '--reason', 'wrong customer'], { env: { SMALLPAY_NOW: '2026-06-02' } });
}

beforeAll(async () => {
  box = sandbox();
  await seedDataset(box);
  journal = join(box.home, 'books.journal');
  beancount = join(box.home, 'books.beancount');
  await box.ok(['export', 'hledger', '--out', journal]);
  await box.ok(['export', 'beancount', '--out', beancount]);
}, 60_000);
afterAll(() => box.cleanup());

function tool(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** Rows of a CSV without quoted commas (hledger's and bean-query's output here), fields trimmed and unquoted. */
const csvRows = (text: string) => text.trim().split('\n').slice(1).map((line) => line.split(',').map((field) => field.trim().replace(/^"|"$/g, '')));

/** "account currency" → decimal string, from hledger's bare CSV balance report. */
function hledgerBalances(file: string, ...query: string[]): Map<string, string> {
  return new Map(csvRows(tool('hledger', ['-f', file, 'balance', '-O', 'csv', '--layout=bare', '-N', ...query])).map(([account, currency, amount]) => [`${account} ${currency}`, amount as string]));
}

/** Sums of the accounts starting with `prefix`, per currency, in cents (the figures are exact decimals). */
function totalsUnder(balances: Map<string, string>, prefix: string): Record<string, string> {
  const cents: Record<string, number> = {};
  for (const [key, amount] of balances) {
    const [account, currency] = key.split(' ') as [string, string];
    if (account === prefix || account.startsWith(`${prefix}:`)) cents[currency] = (cents[currency] ?? 0) + Math.round(Number(amount) * 100);
  }
  return Object.fromEntries(Object.entries(cents).filter(([, value]) => value !== 0).map(([currency, value]) => [currency, (value / 100).toFixed(2)]));
}

const json = async (target: Sandbox, args: string[]) => JSON.parse((await target.ok(args)).stdout);

describe('smallpay export hledger', () => {
  it.skipIf(!HLEDGER)('passes hledger check, strict, with dates in order', () => {
    tool('hledger', ['-f', journal, 'check']);
    tool('hledger', ['-f', journal, 'check', '--strict', 'ordereddates']);
  });

  it.skipIf(!HLEDGER)('balances to the figures worked out by hand', () => {
    const balances = hledgerBalances(journal);
    expect(totalsUnder(balances, 'assets:receivable')).toEqual({ EUR: '916.00', USD: '119.00' });
    expect(totalsUnder(balances, 'revenue')).toEqual({ EUR: '-2700.00', USD: '-600.00' });
    expect(totalsUnder(balances, 'assets:bank')).toEqual({ EUR: '2000.00', USD: '200.00' });
    expect(totalsUnder(balances, 'expenses:bad-debts')).toEqual({ USD: '395.00' });
    expect(Object.fromEntries(balances)).toMatchObject({ 'liabilities:vat:19 EUR': '-209.00', 'liabilities:vat:19 USD': '-114.00', 'liabilities:vat:7 EUR': '-7.00' });
    // Net revenue per VAT group, by the vat tag of the revenue postings: reverse charge still posts revenue.
    expect(Object.fromEntries(hledgerBalances(journal, 'revenue', '--pivot', 'vat'))).toEqual({ 'S-19 EUR': '-1100.00', 'S-7 EUR': '-100.00', 'AE-0 EUR': '-1500.00', 'S-19 USD': '-600.00' });
    // Everything about one invoice, by its tag: invoice, payment, credit note, refund.
    expect(Object.fromEntries(hledgerBalances(journal, 'tag:invoice=INV-2026-0002'))).toEqual({ 'assets:bank EUR': '1500.00', 'revenue EUR': '-1500.00' });
  });

  it.skipIf(!HLEDGER)("gives the dashboard's and aging's figures", async () => {
    const balances = hledgerBalances(journal);
    const dashboard = await json(box, ['report', '--from', '2026-01-01', '--to', '2026-11-25', '--json']);
    const aging = await json(box, ['report', 'aging', '--json']);
    const byCurrency = (pick: (c: Record<string, { amount: string }>) => string) => Object.fromEntries(dashboard.currencies.map((c: Record<string, { amount: string }> & { currency: string }) => [c.currency, pick(c)]));
    const cents = (text: string) => Math.round(Number(text) * 100);
    const money = (value: number) => (value / 100).toFixed(2);
    // Invoiced (net of credit notes, void left out) = revenue + VAT.
    const revenue = totalsUnder(balances, 'revenue');
    const vat = totalsUnder(balances, 'liabilities:vat');
    expect(Object.fromEntries(Object.keys(revenue).map((c) => [c, money(-cents(revenue[c] as string) - cents(vat[c] as string))]))).toEqual(byCurrency((c) => c.invoiced!.amount));
    expect(totalsUnder(balances, 'assets:bank')).toEqual(byCurrency((c) => c.received!.amount));
    expect(totalsUnder(balances, 'assets:receivable')).toEqual(byCurrency((c) => money(cents(c.pending!.amount) + cents(c.overdue!.amount))));
    expect(totalsUnder(balances, 'assets:receivable')).toEqual(Object.fromEntries(aging.currencies.map((c: { currency: string; total: string }) => [c.currency, c.total])));
    expect(totalsUnder(balances, 'expenses:bad-debts')).toEqual(Object.fromEntries(Object.entries(byCurrency((c) => c.writtenOff!.amount)).filter(([, v]) => v !== '0.00')));
  });

  it.skipIf(!HLEDGER)('gives the net and VAT per rate of report vat --json --basis invoice', async () => {
    const report = await json(box, ['report', 'vat', '--from', '2026-01-01', '--to', '2026-12-31', '--basis', 'invoice', '--json']);
    const net = hledgerBalances(journal, 'revenue', '--pivot', 'vat');
    const balances = hledgerBalances(journal);
    const rows = report.rows.filter((row: { net: string; tax: string }) => Number(row.net) !== 0 || Number(row.tax) !== 0);
    expect(rows.length).toBe([...net.values()].filter((value) => Number(value) !== 0).length);
    for (const row of rows as { currency: string; category: string; rate: string; net: string; tax: string }[]) {
      expect(Number(net.get(`${row.category}-${row.rate} ${row.currency}`) ?? 0), `net ${row.category} ${row.rate} ${row.currency}`).toBeCloseTo(-Number(row.net), 2);
      if (Number(row.tax) !== 0) expect(Number(balances.get(`liabilities:vat:${row.rate} ${row.currency}`)), `tax ${row.rate} ${row.currency}`).toBeCloseTo(-Number(row.tax), 2);
    }
  });

  it('keeps descriptions on one line, with the invoice number in the description and as a tag', () => {
    const text = readFileSync(journal, 'utf8');
    expect(text).toContain('2026-03-01 * (INV-2026-0003) Globex GmbH | Invoice INV-2026-0003  ; invoice:INV-2026-0003, customer:globex, kind:invoice\n');
    expect(text).toContain('2026-03-15 * (INV-2026-0002) Paris SARL | Refund for INV-2026-0002 (bank, "transfer")  ; invoice:INV-2026-0002, customer:paris, kind:refund\n');
    expect(text).toContain('2026-06-02 * (INV-2026-0006) Globex GmbH | Void INV-2026-0006  ; invoice:INV-2026-0006, customer:globex, kind:void\n');
    expect(text).toMatch(/\n {4}revenue +-1800\.00 EUR {2}; vat:AE-0\n/);
  });

  it('gives the same bytes every time, on stdout as in --out', async () => {
    const first = (await box.ok(['export', 'hledger'])).stdout;
    expect((await box.ok(['export', 'hledger', '--out', '-'])).stdout).toBe(first);
    expect(readFileSync(journal, 'utf8')).toBe(first);
  });

  it('chooses documents by issue date, each with everything that happened to it', async () => {
    const march = (await box.ok(['export', 'hledger', '--from', '2026-03-01', '--to', '2026-03-31'])).stdout;
    const codes = [...march.matchAll(/^(\d{4}-\d\d-\d\d) \* \((\S+)\) .*kind:(\S+)$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    // INV-0002's payment (03-01) and refund (03-15) belong to an invoice of February; INV-0003 is March's.
    expect(codes).toEqual(['2026-03-01 INV-2026-0003 invoice', '2026-03-10 CN-2026-0001 credit-note', '2026-03-20 CN-2026-0002 credit-note']);
    const january = (await box.ok(['export', 'hledger', '--to', '2026-01-31'])).stdout;
    expect(january).toContain('2026-02-01 * (INV-2026-0001) Globex GmbH | Payment for INV-2026-0001');
    // Consecutive periods add up to the whole, nothing twice.
    const blocks = (text: string) => text.split('\n\n').filter((block) => /^\d{4}-/.test(block)).map((block) => block.trim());
    const halves = [...blocks((await box.ok(['export', 'hledger', '--to', '2026-03-31'])).stdout), ...blocks((await box.ok(['export', 'hledger', '--from', '2026-04-01'])).stdout)];
    expect(halves.sort()).toEqual(blocks(readFileSync(journal, 'utf8')).sort());
  });
});

describe('smallpay export beancount', () => {
  it.skipIf(!BEAN_CHECK)('passes bean-check', () => {
    tool('bean-check', [beancount]);
  });

  it.skipIf(!BEAN_QUERY)('balances to the same figures as the hledger journal', () => {
    const rows = csvRows(tool('bean-query', [beancount, 'SELECT account, currency, sum(number) AS total GROUP BY account, currency ORDER BY account, currency', '-f', 'csv']));
    const balances = new Map(rows.map(([account, currency, total]) => [`${account} ${currency}`, total as string]));
    expect(totalsUnder(balances, 'Assets:Receivable')).toEqual({ EUR: '916.00', USD: '119.00' });
    expect(totalsUnder(balances, 'Income:Revenue')).toEqual({ EUR: '-2700.00', USD: '-600.00' });
    expect(totalsUnder(balances, 'Assets:Bank')).toEqual({ EUR: '2000.00', USD: '200.00' });
    expect(totalsUnder(balances, 'Expenses:Bad-debts')).toEqual({ USD: '395.00' });
    expect(Object.fromEntries(balances)).toMatchObject({ 'Liabilities:Vat:19 EUR': '-209.00', 'Liabilities:Vat:19 USD': '-114.00', 'Liabilities:Vat:7 EUR': '-7.00' });
    const net = csvRows(tool('bean-query', [beancount, "SELECT meta('vat') AS vat, currency, sum(number) AS net WHERE account = 'Income:Revenue' GROUP BY vat, currency", '-f', 'csv']));
    expect(Object.fromEntries(net.map(([group, currency, amount]) => [`${group} ${currency}`, amount]))).toEqual({ 'S-19 EUR': '-1100.00', 'S-7 EUR': '-100.00', 'AE-0 EUR': '-1500.00', 'S-19 USD': '-600.00' });
    if (HLEDGER) expect(totalsUnder(balances, 'Liabilities:Vat')).toEqual(totalsUnder(hledgerBalances(journal), 'liabilities:vat'));
  });

  it('opens every account, links every transaction to its invoice, and escapes strings', () => {
    const text = readFileSync(beancount, 'utf8');
    expect(text).toContain('option "operating_currency" "EUR"\n');
    expect(text).toContain('2026-01-10 open Assets:Receivable:Globex\n');
    expect(text).toContain('2026-01-10 open Income:Revenue\n');
    expect(text).toContain('2026-03-15 * "Paris SARL" "Refund for INV-2026-0002 (bank; \\"transfer\\")" ^INV-2026-0002\n');
    expect(text).toContain('2026-03-10 * "Paris SARL" "Credit note CN-2026-0001 for INV-2026-0002" ^INV-2026-0002\n  invoice: "INV-2026-0002"\n  credit-note: "CN-2026-0001"\n');
  });
});

describe('the accounts.* settings', () => {
  let custom: Sandbox;
  beforeAll(async () => {
    custom = sandbox();
    copyFileSync(box.store, custom.store);
    for (const [key, value] of [
      ['accounts.receivable', 'assets:debtors:{currency}:{customer}'],
      ['accounts.revenue', 'income:consulting'],
      ['accounts.vat.S.19', 'liabilities:ust:19'],
      ['accounts.vat.s.7', 'liabilities:ust:7'],
      ['accounts.bank', 'assets:bank:{currency}'],
      ['accounts.writeoff', 'expenses:forderungsverluste'],
    ]) await custom.ok(['config', 'set', key as string, value as string]);
  }, 60_000);
  afterAll(() => custom.cleanup());

  it('names the accounts of both exports, which still pass their checks', async () => {
    expect(await json(custom, ['config', 'show', '--json'])).toMatchObject({
      accounts: { receivable: 'assets:debtors:{currency}:{customer}', revenue: 'income:consulting', bank: 'assets:bank:{currency}', writeoff: 'expenses:forderungsverluste', vat: { 'S.19': 'liabilities:ust:19', 'S.7': 'liabilities:ust:7' } },
    });
    const text = (await custom.ok(['export', 'hledger'])).stdout;
    expect(text).toMatch(/\n {4}assets:debtors:USD:acme +-395\.00 USD\n/);
    expect(text).toContain('account assets:bank:EUR  ; type: A\n');
    const file = join(custom.home, 'custom.journal');
    await custom.ok(['export', 'hledger', '--out', file]);
    if (HLEDGER) {
      tool('hledger', ['-f', file, 'check', '--strict', 'ordereddates']);
      expect(Object.fromEntries(hledgerBalances(file, 'liabilities:ust'))).toEqual({ 'liabilities:ust:19 EUR': '-209.00', 'liabilities:ust:19 USD': '-114.00', 'liabilities:ust:7 EUR': '-7.00' });
    }
    const bean = join(custom.home, 'custom.beancount');
    await custom.ok(['export', 'beancount', '--out', bean]);
    expect(readFileSync(bean, 'utf8')).toContain(' open Expenses:Forderungsverluste\n');
    if (BEAN_CHECK) tool('bean-check', [bean]);
  });

  it('refuses bad names at config set, and names beancount cannot take at export, writing nothing', async () => {
    for (const [key, value] of [['accounts.revenue', 'revenue;x'], ['accounts.vat.X.19', 'liabilities:x'], ['accounts.vat.<category>.<rate>', 'x'], ['accounts.bank', 'assets:{iban}']]) {
      const result = await custom.run(['config', 'set', key as string, value as string]);
      expect(result.code, `${key} ${value}`).toBe(2);
      expect(result.stderr).toMatch(/^smallpay: /);
    }
    await custom.ok(['config', 'set', 'accounts.revenue', 'erlöse:beratung']);
    const out = join(custom.home, 'refused.beancount');
    const refused = await custom.run(['export', 'beancount', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("account 'erlöse:beratung': beancount needs it under Assets, Liabilities, Equity, Income or Expenses");
    expect(existsSync(out)).toBe(false);
    // hledger takes any root.
    expect((await custom.ok(['export', 'hledger'])).stdout).toContain('    erlöse:beratung ');
    await custom.ok(['config', 'unset', 'accounts.revenue']);
    await custom.ok(['config', 'unset', 'accounts.vat.S.19']);
    expect((await json(custom, ['config', 'show', '--json'])).accounts).toMatchObject({ revenue: null, vat: { 'S.7': 'liabilities:ust:7' } });
  });
});

describe('currencies with 0 and 3 decimals, and an empty store', () => {
  let other: Sandbox;
  beforeAll(async () => {
    other = sandbox();
    await other.ok(['init', '--name', 'Ada "The" Consulting; Ltd', '--email', 'ada@example.com', '--country', 'DE']);
  }, 60_000);
  afterAll(() => other.cleanup());

  it('exports an empty store as a journal with no transactions that both tools accept', async () => {
    const journalFile = join(other.home, 'empty.journal');
    const beanFile = join(other.home, 'empty.beancount');
    await other.ok(['export', 'hledger', '--out', journalFile]);
    await other.ok(['export', 'beancount', '--out', beanFile]);
    expect(readFileSync(journalFile, 'utf8')).toBe('; SmallPay export for Ada "The" Consulting, Ltd: every document\n; Check it with: hledger -f FILE check --strict\n\ndecimal-mark .\n\n');
    if (HLEDGER) tool('hledger', ['-f', journalFile, 'check', '--strict']);
    if (BEAN_CHECK) tool('bean-check', [beanFile]);
  });

  it('writes KWD with 3 decimals and JPY with none, read back exactly', async () => {
    await other.ok(['customer', 'add', '--id', 'kuwait-co', '--name', 'Kuwait Co', '--email', 'k@x.test', '--currency', 'KWD']);
    await other.ok(['invoice', 'new', '--customer', 'kuwait-co', '--date', '2026-11-01', '--item', 'a', '--price', '1.005', '--tax', '5']);
    await other.ok(['invoice', 'new', '--customer', 'kuwait-co', '--date', '2026-11-02', '--item', 'b', '--price', '1000', '--tax', '10', '--currency', 'JPY']);
    await other.ok(['invoice', 'pay', 'INV-2026-0001', '--amount', '0.5', '--date', '2026-11-03']);
    const journalFile = join(other.home, 'k.journal');
    await other.ok(['export', 'hledger', '--out', journalFile]);
    const text = readFileSync(journalFile, 'utf8');
    expect(text).toContain('commodity 1000. JPY\ncommodity 1000.000 KWD\n');
    expect(text).toMatch(/\n {4}assets:receivable:kuwait-co +1\.055 KWD\n/);
    if (HLEDGER) {
      tool('hledger', ['-f', journalFile, 'check', '--strict', 'ordereddates']);
      expect(Object.fromEntries(hledgerBalances(journalFile))).toEqual({
        'revenue JPY': '-1000', 'revenue KWD': '-1.005', 'assets:bank KWD': '0.500', 'assets:receivable:kuwait-co JPY': '1100',
        'assets:receivable:kuwait-co KWD': '0.555', 'liabilities:vat:10 JPY': '-100', 'liabilities:vat:5 KWD': '-0.050',
      });
    }
    const beanFile = join(other.home, 'k.beancount');
    await other.ok(['export', 'beancount', '--out', beanFile]);
    expect(readFileSync(beanFile, 'utf8')).toContain('option "title" "Ada \\"The\\" Consulting; Ltd"\n');
    if (BEAN_CHECK) tool('bean-check', [beanFile]);
  });
});
