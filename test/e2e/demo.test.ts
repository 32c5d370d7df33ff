import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../src/store/schema.js';
import { sandbox } from '../support/cli.js';
import { readPdf } from '../support/pdf-text.js';

const box = sandbox();
afterAll(() => box.cleanup());

describe('smallpay demo', () => {
  it('builds a sample business in a store of its own and lists its invoices', async () => {
    writeFileSync(box.store, 'my real store; must not be touched');
    const result = await box.ok(['demo']);
    const demoStore = join(box.home, '.local', 'share', 'smallpay', 'demo', 'store.json');
    expect(existsSync(demoStore)).toBe(true);
    expect(readFileSync(box.store, 'utf8')).toBe('my real store; must not be touched');
    expect(result.stderr).toContain(`in ${demoStore}`);
    expect(result.stdout).toMatch(/^Number\s+Customer/);
    for (const status of ['paid', 'partial, overdue', 'open, overdue', 'void', 'draft', 'open']) expect(result.stdout).toContain(status);
  });

  it('covers every state, in two currencies, with exact totals', async () => {
    const invoices = JSON.parse((await box.ok(['demo', '--json'])).stdout) as { status: string; overdue: boolean; currency: string; total: string }[];
    const states = new Set(invoices.map((i) => `${i.status}${i.overdue ? '+overdue' : ''}`));
    expect(states).toEqual(new Set(['paid', 'open+overdue', 'partial+overdue', 'void', 'open', 'draft']));
    expect(new Set(invoices.map((i) => i.currency))).toEqual(new Set(['EUR', 'USD']));
    for (const invoice of invoices) expect(invoice.total).toMatch(/^\d+\.\d{2}$/);
  });

  it('rebuilds its own store on every run, and refuses another existing file unless --force', async () => {
    await box.ok(['demo']);
    const other = join(box.home, 'other.json');
    writeFileSync(other, '{}');
    const refused = await box.run(['--store', other, 'demo']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/other\.json exists; the demo never replaces a store unless asked; pass --force/);
    expect(readFileSync(other, 'utf8')).toBe('{}');
  });

  it('writes to a new file given with --store, which the other commands then read', async () => {
    const fresh = join(box.home, 'fresh.json');
    await box.ok(['--store', fresh, 'demo']);
    const customers = JSON.parse((await box.ok(['customer', 'list', '--json'], { env: { SMALLPAY_STORE: fresh } })).stdout) as { id: string }[];
    expect(customers.map((c) => c.id)).toEqual(['globex', 'initech', 'umbrella', 'zoe']);
  });

  it('is e-invoice ready: every issued demo invoice passes the EN 16931 checks and exports as UBL (issue 11)', async () => {
    const store = join(box.home, 'einvoice-demo.json');
    await box.ok(['--store', store, 'demo']);
    const out = join(box.home, 'einvoice-demo');
    const exported = JSON.parse((await box.ok(['--store', store, 'invoice', 'export', '--all', '--format', 'ubl', '--out', out, '--json'])).stdout) as { number: string }[];
    const issued = JSON.parse((await box.ok(['--store', store, 'invoice', 'list', '--json'])).stdout) as { number: string | null }[];
    expect(exported.map((entry) => entry.number).sort()).toEqual(issued.flatMap((invoice) => (invoice.number ? [invoice.number] : [])).sort());
  });
});

describe('smallpay demo, as a Hamburg business really invoices (issue 10)', () => {
  const demoEnv = () => ({ SMALLPAY_STORE: join(box.home, 'vat-demo.json') });
  it('has a seller country and VAT id, and the right treatment per customer', async () => {
    await box.ok(['--store', join(box.home, 'vat-demo.json'), 'demo']);
    const business = JSON.parse((await box.ok(['config', 'show', '--json'], { env: demoEnv() })).stdout);
    expect(business).toMatchObject({ taxId: 'DE123456789', postalAddress: { city: 'Hamburg', country: 'DE' } });
    const customers = JSON.parse((await box.ok(['customer', 'list', '--json'], { env: demoEnv() })).stdout) as { id: string; vatTreatment: string | null; taxId: string | null; postalAddress: { country: string | null } }[];
    const byId = Object.fromEntries(customers.map((c) => [c.id, c]));
    expect(byId.umbrella).toMatchObject({ vatTreatment: 'reverse-charge', taxId: 'FR40303265045', postalAddress: { country: 'FR' } });
    expect(byId.initech).toMatchObject({ vatTreatment: 'export', postalAddress: { country: 'US' } });
    expect(byId.globex).toMatchObject({ vatTreatment: 'standard', postalAddress: { country: 'DE' } });
  });

  it.runIf(CURRENT_SCHEMA_VERSION >= 4)('charges reverse charge to Paris, export to the US, 19 % and 7 % at home; hours, a period and a discount', async () => {
    await box.ok(['--store', join(box.home, 'vat-demo.json'), 'demo', '--force']);
    const invoices = JSON.parse((await box.ok(['invoice', 'list', '--json'], { env: demoEnv() })).stdout) as { number: string | null; customer: { id: string } }[];
    const shown = await Promise.all(
      invoices.filter((i) => i.number !== null).map(async (i) => JSON.parse((await box.ok(['invoice', 'show', i.number as string, '--json'], { env: demoEnv() })).stdout)),
    );
    const categories = (id: string) => new Set(shown.filter((i) => i.customer.id === id).flatMap((i) => i.items.map((item: { taxCategory: string }) => item.taxCategory)));
    expect(categories('umbrella')).toEqual(new Set(['AE']));
    expect(categories('initech')).toEqual(new Set(['G']));
    expect(categories('globex')).toEqual(new Set(['S']));
    const rates = new Set(shown.filter((i) => i.customer.id === 'globex').flatMap((i) => i.items.map((item: { taxRate: string }) => item.taxRate)));
    expect(rates).toEqual(new Set(['19', '7']));
    const units = shown.flatMap((i) => i.items.map((item: { unit: string | null }) => item.unit));
    expect(units).toContain('HUR');
    expect(shown.some((i) => i.items.some((item: { allowances: unknown[] }) => item.allowances.length > 0))).toBe(true);
  });
});

describe('smallpay demo, the first PDFs and the next command', () => {
  it('writes the PDFs of its issued invoices to pdf/ beside the demo store, and says where', async () => {
    const result = await box.ok(['demo']);
    const folder = join(box.home, '.local', 'share', 'smallpay', 'demo', 'pdf');
    expect(result.stderr).toContain(`PDFs of its 7 issued invoices in ${folder}/\n`);
    const numbers = (JSON.parse((await box.ok(['demo', '--json'])).stdout) as { number: string | null }[]).flatMap((invoice) => (invoice.number === null ? [] : [invoice.number]));
    expect(numbers).toHaveLength(7);
    expect(readdirSync(folder).sort()).toEqual(numbers.map((number) => `${number}.pdf`).sort());
    const first = await readPdf(readFileSync(join(folder, 'INV-2026-0001.pdf')));
    expect(first.text).toContain('INV-2026-0001');
    expect(first.text).toContain('Globex GmbH');
    expect(first.text).toContain('Northwind Studio');
  });

  it('keeps --json stdout one JSON document of the invoices', async () => {
    const result = await box.ok(['demo', '--json']);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stdout).not.toContain('PDFs');
  });

  it('suggests the next command as it was typed: npx smallpay under npx, else smallpay', async () => {
    const plain = await box.ok(['demo']);
    expect(plain.stderr).toMatch(/\nExplore it with: smallpay --store '[^']+store\.json' invoice show INV-2026-0001\n/);
    for (const env of [{ npm_command: 'exec' }, { npm_lifecycle_event: 'npx' }]) {
      const viaNpx = await box.ok(['demo'], { env });
      expect(viaNpx.stderr).toMatch(/\nExplore it with: npx smallpay --store '[^']+store\.json' invoice show INV-2026-0001\n/);
    }
    // An npm script (npm run) is not npx: the script's own PATH has smallpay.
    const viaScript = await box.ok(['demo'], { env: { npm_command: 'run-script', npm_lifecycle_event: 'try' } });
    expect(viaScript.stderr).toContain('Explore it with: smallpay --store');
  });
});
