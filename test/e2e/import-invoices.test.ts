import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox } from '../support/cli.js';
import { seedCsvBooks } from './csv-dataset.js';

let source: Sandbox;
let invoicesCsv: string;
let paymentsCsv: string;

beforeAll(async () => {
  source = sandbox();
  await seedCsvBooks(source);
  invoicesCsv = (await source.ok(['export', 'csv'])).stdout;
  paymentsCsv = (await source.ok(['export', 'csv', '--payments'])).stdout;
}, 120_000);
afterAll(() => source.cleanup());

/** An empty store with the same business as the source (the issuer every imported document gets). */
async function emptyBooks(): Promise<Sandbox> {
  const box = sandbox();
  await box.ok(['init', '--name', 'Ada Consulting', '--email', 'ada@example.com', '--tax-id', 'DE123456789', '--country', 'DE']);
  return box;
}

function files(box: Sandbox, invoices = invoicesCsv, payments = paymentsCsv) {
  const paths = { invoices: join(box.home, 'invoices.csv'), payments: join(box.home, 'payments.csv') };
  writeFileSync(paths.invoices, invoices);
  writeFileSync(paths.payments, payments);
  return paths;
}

/** invoice list --json without what is the store's own record of events (when things were typed in, PDFs). */
const comparable = (stdout: string) =>
  (JSON.parse(stdout) as Record<string, unknown>[]).map(({ history: _history, pdf: _pdf, ...rest }) => rest);

describe('import invoices: the round trip', () => {
  let target: Sandbox;
  beforeAll(async () => {
    target = await emptyBooks();
    const paths = files(target);
    await target.ok(['import', 'invoices', paths.invoices, '--payments', paths.payments]);
  }, 60_000);
  afterAll(() => target.cleanup());

  it('gives the same invoice list, reports and exports as the store it came from', async () => {
    const list = async (box: Sandbox) => comparable((await box.ok(['invoice', 'list', '--json'])).stdout);
    const issued = (await list(source)).filter((invoice) => invoice.status !== 'draft');
    expect(issued).toHaveLength(9);
    expect(await list(target)).toEqual(issued);
    const year = ['--from', '2026-01-01', '--to', '2026-12-31', '--json'];
    const taxReports = [['report', 'vat', ...year], ['report', 'vat', '--basis', 'payment', ...year], ['report', 'ec-sales', ...year]];
    for (const report of [['report', '--json'], ['report', 'aging', '--json'], ['report', 'customers', '--json'], ...taxReports]) {
      expect((await target.ok(report)).stdout).toBe((await source.ok(report)).stdout);
    }
    expect((await target.ok(['export', 'csv'])).stdout).toBe(invoicesCsv);
    expect((await target.ok(['export', 'csv', '--payments'])).stdout).toBe(paymentsCsv);
  });

  it('creates the customers the documents name, and the store verifies', async () => {
    const customers = JSON.parse((await target.ok(['customer', 'list', '--json'])).stdout) as { id: string; name: string }[];
    expect(customers.map((customer) => customer.id).sort()).toEqual(['acme', 'formula-sa', 'globex']);
    expect(customers.find((customer) => customer.id === 'formula-sa')?.name).toBe('=SUM(A1);+1');
    expect((await target.run(['verify'])).code).toBe(0);
  });

  it('continues each series after the highest imported number', async () => {
    const next = JSON.parse((await target.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-24', '--item', 'Next', '--price', '10', '--json'])).stdout) as { number: string };
    expect(next.number).toBe('INV-2026-0008');
    const note = JSON.parse((await target.ok(['invoice', 'credit', 'INV-2026-0008', '--all', '--json'])).stdout) as { number: string };
    expect(note.number).toBe('CN-2026-0003');
    expect((await target.run(['verify'])).code).toBe(0);
  });

  it('importing the same files again changes nothing, not even the file', async () => {
    const before = statSync(target.store).mtimeMs;
    const content = readFileSync(target.store, 'utf8');
    const paths = files(target);
    const again = await target.ok(['import', 'invoices', paths.invoices, paths.payments, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({
      dryRun: false,
      customers: { added: [], matched: [] },
      invoices: { added: [], matched: ['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003', 'INV-2026-0004', 'CN-2026-0001', 'INV-2026-0005', 'INV-2026-0006', 'INV-2026-0007', 'CN-2026-0002'] },
      payments: { added: 0 },
    });
    expect(readFileSync(target.store, 'utf8')).toBe(content);
    expect(statSync(target.store).mtimeMs).toBe(before);
  });
});

describe('import invoices: all or nothing', () => {
  it('--dry-run says what would be imported (--json) and writes nothing', async () => {
    const box = await emptyBooks();
    try {
      const content = readFileSync(box.store, 'utf8');
      const paths = files(box);
      const result = await box.ok(['import', 'invoices', paths.invoices, '--payments', paths.payments, '--dry-run', '--json']);
      expect(JSON.parse(result.stdout)).toMatchObject({ dryRun: true, customers: { added: ['globex', 'acme', 'formula-sa'], matched: [] }, payments: { added: 7 } });
      expect((JSON.parse(result.stdout) as { invoices: { added: string[] } }).invoices.added).toHaveLength(9);
      expect(readFileSync(box.store, 'utf8')).toBe(content);
    } finally {
      box.cleanup();
    }
  });

  it('lists every bad row of both files with line and column, exits 2 and writes nothing', async () => {
    const box = await emptyBooks();
    try {
      const content = readFileSync(box.store, 'utf8');
      // The file line a row starts on (a quoted field with a line break spans two).
      const lineOf = (text: string, start: string) => text.slice(0, text.indexOf(`\r\n${start}`) + 2).split('\n').length;
      const invoices = invoicesCsv
        .replace(',Hosting,1,', ',Hosting,one,')
        .replace('INV-2026-0003,invoice,paid,2026-10-05', 'INV-2026-0003,invoice,paid,2026-10-32')
        .replace(',2000.00,0.00,0.00,2000.00,0.00,2000.00,0.00,', ',2000.00,0.00,0.00,2000.00,0.00,2000.01,0.00,');
      const payments = paymentsCsv.replace('INV-2026-0002,payment,2026-10-10,1000.00,USD', 'INV-2026-0002,payment,2026-10-10,1000.00,EUR').replace('INV-2026-0006,payment,2026-11-05,20.00', 'INV-2026-0006,payment,2026-11-05,-20.00');
      const paths = files(box, invoices, payments);
      const result = await box.run(['import', 'invoices', paths.invoices, '--payments', paths.payments]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toEqual([
        'smallpay: 5 problems in the import; nothing was imported:',
        `smallpay: ${paths.invoices} line ${lineOf(invoices, 'INV-2026-0001,invoice,partial') + 1}, column line_quantity: 'one' is not a decimal number`,
        `smallpay: ${paths.invoices} line ${lineOf(invoices, 'INV-2026-0003')}, column issue_date: '2026-10-32' is not a date (use YYYY-MM-DD, e.g. 2026-11-01)`,
        `smallpay: ${paths.invoices} line ${lineOf(invoices, 'INV-2026-0004')}, column total: is 2000.01, but SmallPay computes 2000.00`,
        `smallpay: ${paths.payments} line 4, column currency: is EUR, but INV-2026-0002 is in USD`,
        `smallpay: ${paths.payments} line 7, column amount: must be more than 0`,
      ]);
      expect(readFileSync(box.store, 'utf8')).toBe(content);
    } finally {
      box.cleanup();
    }
  });

  it('refuses money the payments file does not account for, and a number the store holds for another document', async () => {
    const box = await emptyBooks();
    try {
      const paths = files(box);
      const without = await box.run(['import', 'invoices', paths.invoices]);
      expect(without.code).toBe(2);
      expect(without.stderr).toContain('line 2, column paid: is 700.01, but the payments file gives 0.00');
      await box.ok(['customer', 'add', '--id', 'globex', '--name', 'Globex GmbH', '--email', 'ap@globex.test']);
      await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-09-01', '--item', 'Other work', '--price', '5']);
      const clash = await box.run(['import', 'invoices', paths.invoices, paths.payments]);
      expect(clash.code).toBe(2);
      expect(clash.stderr).toContain('line 2, column number: INV-2026-0001 is already in the store as another document (invoice of 5.00 EUR to globex, issued 2026-09-01)');
      expect(JSON.parse((await box.ok(['invoice', 'list', '--json'])).stdout)).toHaveLength(1);
    } finally {
      box.cleanup();
    }
  });
});
