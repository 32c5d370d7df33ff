import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let source: Sandbox;
let target: Sandbox;
beforeEach(async () => {
  source = sandbox();
  target = sandbox();
  await seedBusiness(source);
  await seedBusiness(target);
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

async function exported(box: Sandbox): Promise<{ invoices: string; payments: string }> {
  return { invoices: (await box.ok(['export', 'csv'])).stdout, payments: (await box.ok(['export', 'csv', '--payments'])).stdout };
}

function write(box: Sandbox, files: { invoices: string; payments: string }, extension = 'csv') {
  const paths = { invoices: join(box.home, `in.${extension}`), payments: join(box.home, `pay.${extension}`) };
  writeFileSync(paths.invoices, files.invoices);
  writeFileSync(paths.payments, files.payments);
  return paths;
}

const number = async (box: Sandbox, args: string[]) => (JSON.parse((await box.ok(['invoice', 'new', ...args, '--json'])).stdout) as { number: string }).number;

describe('import invoices into a store with numbers of its own', () => {
  it('numbers of another format stay outside SmallPay\'s series; the series goes on; verify passes', async () => {
    await source.ok(['config', 'set', 'numberFormat', 'RE-{YY}{MM}-{SEQ:3}']);
    await number(source, ['--customer', 'globex', '--date', '2026-10-01', '--item', 'Old tool', '--price', '100', '--tax', '19']);
    await number(target, ['--customer', 'globex', '--date', '2026-11-01', '--item', 'Mine', '--price', '50']);
    const paths = write(target, await exported(source));
    await target.ok(['import', 'invoices', paths.invoices, paths.payments]);
    expect(await number(target, ['--customer', 'globex', '--item', 'Next', '--price', '1'])).toBe('INV-2026-0002');
    const list = JSON.parse((await target.ok(['invoice', 'list', '--json'])).stdout) as { number: string }[];
    expect(list.map((invoice) => invoice.number).sort()).toEqual(['INV-2026-0001', 'INV-2026-0002', 'RE-2610-001']);
    const verify = await target.run(['verify']);
    expect(verify.stderr).toContain('verified: no problems');
    expect(verify.code).toBe(0);
  });

  it('a number in SmallPay\'s own series moves the series on past it, so it is never given twice (JSON rows too)', async () => {
    await number(source, ['--customer', 'acme', '--date', '2026-10-01', '--item', 'Audit', '--price', '100']);
    await source.ok(['invoice', 'pay', 'INV-2026-0001', '--date', '2026-10-05', '--amount', '40']);
    await number(target, ['--customer', 'globex', '--date', '2026-09-01', '--item', 'Mine', '--price', '50']);
    // The old tool numbered it INV-2026-0010: as a JSON array of rows, the same columns.
    const files = await exported(source);
    const rows = (csv: string) => {
      const [header, ...lines] = csv.trim().split('\r\n').map((line) => line.split(','));
      return lines.map((cells) => Object.fromEntries((header as string[]).map((name, index) => [name, cells[index] === undefined ? '' : (cells[index] as string).replace('INV-2026-0001', 'INV-2026-0010')])));
    };
    const paths = write(target, { invoices: JSON.stringify(rows(files.invoices)), payments: JSON.stringify(rows(files.payments)) }, 'json');
    const result = await target.ok(['import', 'invoices', paths.invoices, '--payments', paths.payments, '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ invoices: { added: ['INV-2026-0010'], matched: [] }, payments: { added: 1 }, customers: { added: [], matched: ['acme'] } });
    expect(await number(target, ['--customer', 'globex', '--item', 'Next', '--price', '1'])).toBe('INV-2026-0011');
    expect((await target.run(['verify'])).code).toBe(0);
    const shown = JSON.parse((await target.ok(['invoice', 'show', 'INV-2026-0010', '--json'])).stdout) as { status: string; balance: string };
    expect(shown).toMatchObject({ status: 'partial', balance: '60.00' });
  });

  it('a customer the store knows under another id is matched by email, on the first import and the second', async () => {
    await number(source, ['--customer', 'acme', '--date', '2026-10-01', '--item', 'Audit', '--price', '100']);
    await target.ok(['customer', 'rm', 'acme']);
    await target.ok(['customer', 'add', '--id', 'acme-corp', '--name', 'ACME Corporation', '--email', 'BILLING@acme.test']);
    const paths = write(target, await exported(source));
    const first = JSON.parse((await target.ok(['import', 'invoices', paths.invoices, paths.payments, '--json'])).stdout) as unknown;
    expect(first).toMatchObject({ customers: { added: [], matched: ['acme-corp'] }, invoices: { added: ['INV-2026-0001'] } });
    const shown = JSON.parse((await target.ok(['invoice', 'show', 'INV-2026-0001', '--json'])).stdout) as { customer: { id: string; name: string } };
    expect(shown.customer).toMatchObject({ id: 'acme-corp', name: 'ACME Corp.' });
    const second = JSON.parse((await target.ok(['import', 'invoices', paths.invoices, paths.payments, '--json'])).stdout) as unknown;
    expect(second).toMatchObject({ invoices: { added: [], matched: ['INV-2026-0001'] } });
  });

  it('refuses a credit note for an invoice already in the store, and a status its money does not give', async () => {
    await number(source, ['--customer', 'globex', '--date', '2026-10-01', '--item', 'Work', '--price', '100', '--tax', '19']);
    const invoiceOnly = await exported(source);
    const pathsFirst = write(target, invoiceOnly);
    await target.ok(['import', 'invoices', pathsFirst.invoices, pathsFirst.payments]);
    await source.ok(['invoice', 'credit', 'INV-2026-0001', '--all', '--date', '2026-10-02']);
    const both = await exported(source);
    // The invoice is matched (left as it is), its new credit note refused.
    const paths = write(target, both);
    const result = await target.run(['import', 'invoices', paths.invoices, paths.payments]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${paths.invoices} line 3, column corrects_number: INV-2026-0001 is already in the store; import a credit note with the invoice it corrects, or issue it with smallpay invoice credit`);
    const fresh = sandbox();
    try {
      await seedBusiness(fresh);
      const again = write(fresh, { invoices: both.invoices.replace('INV-2026-0001,invoice,credited', 'INV-2026-0001,invoice,open'), payments: both.payments });
      const status = await fresh.run(['import', 'invoices', again.invoices, again.payments]);
      expect(status.code).toBe(2);
      expect(status.stderr).toContain(`${again.invoices} line 2, column status: is open, but its money makes it credited`);
    } finally {
      fresh.cleanup();
    }
  });
});
