import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/cli/errors.js';
import * as newInvoice from '../../src/commands/invoice/new.js';
import * as listInvoices from '../../src/commands/invoice/list.js';
import * as deleteInvoice from '../../src/commands/invoice/delete.js';
import * as showInvoice from '../../src/commands/invoice/show.js';
import { createBusiness } from '../../src/domain/business.js';
import { addCustomer } from '../../src/domain/customers.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { type TestDepsOptions, createTestDeps, outputText } from '../support/test-deps.js';

let setup: ReturnType<typeof createTestDeps>;

async function seed(options: TestDepsOptions = {}) {
  setup = createTestDeps(options);
  await setup.store.update((doc) => {
    doc.business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com', country: 'DE' });
    addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test' }, '2026-01-01');
    addCustomer(doc, { id: 'acme', name: 'ACME Corp.', email: 'billing@acme.test' }, '2026-01-01');
    createInvoice(doc, { customer: 'globex', issueDate: '2026-10-01', items: [{ description: 'Old work', unitPrice: '100' }] }, { today: '2026-10-01', id: 'inv_old' });
    createInvoice(doc, { customer: 'acme', items: [{ description: 'New work', unitPrice: '50', taxRate: '19' }] }, { today: '2026-11-25', id: 'inv_new' });
  });
}

afterEach(() => setup.cleanup());

describe('invoice list output', () => {
  beforeEach(() => seed({ tty: true, color: true }));

  it('draws a table with borders and colours on a terminal, overdue in red', async () => {
    const text = outputText(await listInvoices.run(listInvoices.toOptions({ args: [], opts: {} }), setup.deps));
    expect(text).toMatch(/┌.*┐/);
    expect(text).toContain('\u001b[31m\u001b[1mopen, overdue');
  });

  it('keeps borders but drops colour when colour is off (NO_COLOR)', async () => {
    setup.deps.io.color = false;
    const text = outputText(await listInvoices.run(listInvoices.toOptions({ args: [], opts: {} }), setup.deps));
    expect(text).toMatch(/┌.*┐/);
    expect(text).not.toContain('\u001b[');
  });

  it('prints indented JSON on a terminal and compact JSON when piped', async () => {
    const pretty = outputText(await listInvoices.run(listInvoices.toOptions({ args: [], opts: { json: true } }), setup.deps));
    setup.deps.io.stdoutIsTTY = false;
    const compact = outputText(await listInvoices.run(listInvoices.toOptions({ args: [], opts: { json: true } }), setup.deps));
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
    expect(pretty).toBe(`${JSON.stringify(JSON.parse(compact), null, 2)}\n`);
    expect(compact.split('\n')).toHaveLength(2);
  });

  it('prints [] for an empty JSON list and a message on stderr for an empty table', async () => {
    expect(outputText(await listInvoices.run(listInvoices.toOptions({ args: [], opts: { json: true, status: 'void' } }), setup.deps))).toBe('[]\n');
    expect(outputText(await listInvoices.run(listInvoices.toOptions({ args: [], opts: { status: 'void' } }), setup.deps))).toBe('');
    expect(setup.stderr()).toBe('No invoices match.\n');
  });

  it('shows one invoice with its totals', async () => {
    setup.deps.io.color = false;
    const text = outputText(await showInvoice.run(showInvoice.toOptions({ args: ['INV-2026-0002'], opts: {} }), setup.deps));
    expect(text).toMatch(/^Invoice INV-2026-0002  open\n/);
    expect(text).toMatch(/Tax 19% on 50.00 EUR\s+9.50 EUR/);
    expect(text).toMatch(/Balance due\s+59.50 EUR/);
  });
});

describe('invoice new on a terminal', () => {
  it('asks for the customer and the items that were not given', async () => {
    await seed({ tty: true, answers: ['globex', 'Design work', '10', '150', '19', 'Hosting', '1', '20.50', '7', '', true] });
    const options = newInvoice.toOptions({ args: [], opts: {} });
    const output = outputText(await newInvoice.run(options, setup.deps));
    expect(output).toBe('INV-2026-0003\n');
    expect(setup.questions).toEqual([
      'Customer (type to search)',
      'Item description',
      'Quantity',
      'Unit price (net)',
      'Tax rate %',
      'Next item description (empty to finish)',
      'Quantity',
      'Unit price (net)',
      'Tax rate %',
      'Next item description (empty to finish)',
      'Issue INV-2026-0003 to Globex GmbH for 1,806.94 EUR?',
    ]);
    const invoice = (await setup.store.read()).invoices.find((i) => i.number === 'INV-2026-0003');
    expect(invoice).toMatchObject({ customer: { id: 'globex' }, subtotal: 152050, total: 180694 });
  });

  it('never asks without a terminal', async () => {
    await seed({ tty: false, answers: ['globex'] });
    await expect(newInvoice.run(newInvoice.toOptions({ args: [], opts: {} }), setup.deps)).rejects.toThrow('--customer is required (no terminal to ask on)');
    expect(setup.questions).toEqual([]);
  });
});

describe('invoice delete on a terminal', () => {
  it('asks before deleting, and a "no" changes nothing', async () => {
    await seed({ tty: true, answers: [false] });
    const options = deleteInvoice.toOptions({ args: ['INV-2026-0001'], opts: { force: true } });
    await expect(deleteInvoice.run(options, setup.deps)).rejects.toBeInstanceOf(CancelledError);
    expect(setup.questions).toEqual(['Delete INV-2026-0001 (Globex GmbH); it stays in the audit log?']);
    expect((await setup.store.read()).invoices).toHaveLength(2);
  });

  it('refuses before asking when the rule forbids it', async () => {
    await seed({ tty: true, answers: [true] });
    await expect(deleteInvoice.run(deleteInvoice.toOptions({ args: ['INV-2026-0001'], opts: {} }), setup.deps)).rejects.toThrow(/is issued and cannot be deleted/);
    expect(setup.questions).toEqual([]);
  });

  it('deletes after a "yes"', async () => {
    await seed({ tty: true, answers: [true] });
    await deleteInvoice.run(deleteInvoice.toOptions({ args: ['INV-2026-0001'], opts: { force: true } }), setup.deps);
    expect((await setup.store.read()).audit).toHaveLength(1);
  });
});
