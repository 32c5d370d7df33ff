import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
});
afterAll(() => box.cleanup());

const json = async (args: string[]) => JSON.parse((await box.ok([...args, '--json'])).stdout);

describe('the invoice lifecycle from the shell', () => {
  it('creates an invoice from flags and prints its number', async () => {
    const result = await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-01', '--item', 'Design work', '--qty', '10', '--price', '150.00', '--tax', '19']);
    expect(result.stdout).toBe('INV-2026-0001\n');
    expect(result.stderr).toBe('Issued INV-2026-0001 to Globex GmbH: 1,785.00 EUR, due 2026-12-01\n');
  });

  it('shows it in the documented JSON shape', async () => {
    const invoice = await json(['invoice', 'show', 'INV-2026-0001']);
    expect(invoice).toMatchObject({
      number: 'INV-2026-0001',
      status: 'open',
      overdue: false,
      customer: { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test' },
      issueDate: '2026-11-01',
      dueDate: '2026-12-01',
      currency: 'EUR',
      items: [{ description: 'Design work', quantity: '10', unitPrice: '150.00', taxRate: '19', net: '1500.00' }],
      subtotal: '1500.00',
      tax: '285.00',
      total: '1785.00',
      paid: '0.00',
      balance: '1785.00',
      payments: [],
      history: [{ at: '2026-11-25', event: 'issued' }],
    });
    expect(typeof invoice.id).toBe('string');
  });

  it('reads the same invoice as a JSON document from a file and from stdin', async () => {
    const document = {
      customer: 'globex',
      issueDate: '2026-11-02',
      dueDate: '2026-12-02',
      currency: 'EUR',
      note: 'Thanks!',
      items: [{ description: 'Design work', quantity: '10', unitPrice: '150.00', taxRate: '19' }],
    };
    const file = join(box.home, 'invoice.json');
    writeFileSync(file, JSON.stringify(document));
    expect((await box.ok(['invoice', 'new', '--input', file])).stdout).toBe('INV-2026-0002\n');
    const fromStdin = JSON.parse((await box.ok(['invoice', 'new', '--input', '-', '--json'], { input: JSON.stringify({ ...document, items: [{ description: 'Audit', quantity: 2.5, unitPrice: 100, taxRate: 7 }] }) })).stdout);
    expect(fromStdin).toMatchObject({ number: 'INV-2026-0003', note: 'Thanks!', items: [{ quantity: '2.5', unitPrice: '100.00', taxRate: '7', net: '250.00' }], total: '267.50' });
  });

  it('lets flags override the document', async () => {
    const invoice = JSON.parse(
      (await box.ok(['invoice', 'new', '--input', '-', '--customer', 'acme', '--note', 'From flags', '--json'], { input: JSON.stringify({ customer: 'globex', note: 'x', items: [{ description: 'Support', unitPrice: '99.99' }] }) })).stdout,
    );
    expect(invoice).toMatchObject({ customer: { id: 'acme' }, currency: 'USD', note: 'From flags', total: '99.99', dueDate: '2026-12-09' });
  });

  it('keeps descriptions with any character', async () => {
    const description = 'Design "Phase 2"; 50% off --tax=0, naïve café — 東京 \\ $HOME `x`';
    const invoice = JSON.parse((await box.ok(['invoice', 'new', '--customer', 'globex', '--item', description, '--price', '1', '--json'])).stdout);
    expect(invoice.items[0].description).toBe(description);
    const dashed = JSON.parse((await box.ok(['invoice', 'new', '--customer', 'globex', '--item=-10% discount lines start with a dash', '--price', '1', '--json'])).stdout);
    expect(dashed.items[0].description).toBe('-10% discount lines start with a dash');
  });

  it('records partial payments, then the balance', async () => {
    const partial = await json(['invoice', 'pay', 'INV-2026-0001', '--amount', '500', '--date', '2026-11-20', '--method', 'bank']);
    expect(partial).toMatchObject({ status: 'partial', paid: '500.00', balance: '1285.00', payments: [{ amount: '500.00', date: '2026-11-20', method: 'bank' }] });
    const paid = await json(['invoice', 'pay', 'INV-2026-0001']);
    expect(paid).toMatchObject({ status: 'paid', paid: '1785.00', balance: '0.00' });
    expect(paid.payments[1]).toEqual({ amount: '1285.00', date: '2026-11-25', method: null });
  });

  it('edits an unpaid invoice, keeping the replaced version in its history', async () => {
    const edited = await json(['invoice', 'edit', 'INV-2026-0002', '--item', 'Design work', '--qty', '12', '--price', '150', '--tax', '19', '--due', '2026-12-31']);
    expect(edited).toMatchObject({ number: 'INV-2026-0002', total: '2142.00', dueDate: '2026-12-31' });
    expect(edited.history.at(-1)).toMatchObject({ at: '2026-11-25', event: 'edited', previous: { number: 'INV-2026-0002', issueDate: '2026-11-02', total: '1785.00' } });
    const shown = (await box.ok(['invoice', 'show', 'INV-2026-0002'], { env: { COLUMNS: '200' } })).stdout;
    expect(shown).toContain('edited; replaced version dated 2026-11-02, due 2026-12-02, total 1,785.00 EUR');
  });

  it('drafts without a number and issues later', async () => {
    const draftId = (await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Retainer', '--price', '2000', '--draft'])).stdout.trim();
    expect(draftId).toMatch(/^inv_[a-z0-9]{10}$/);
    const draft = await json(['invoice', 'show', draftId]);
    expect(draft).toMatchObject({ number: null, id: draftId, status: 'draft' });
    const issued = await json(['invoice', 'issue', draftId]);
    expect(issued).toMatchObject({ number: 'INV-2026-0007', status: 'open', issueDate: '2026-11-25', dueDate: '2026-12-25' });
    expect(issued.history.map((entry: { event: string }) => entry.event)).toEqual(['created', 'issued']);
  });

  it('voids, and deletes with an audit log, never reusing numbers', async () => {
    expect((await json(['invoice', 'void', 'INV-2026-0003', '--reason', 'wrong amount'])).status).toBe('void');
    await box.ok(['invoice', 'delete', 'INV-2026-0004', '--force', '--yes', '--reason', 'duplicate']);
    const audit = await json(['audit']);
    expect(audit).toEqual([expect.objectContaining({ event: 'invoice.deleted', number: 'INV-2026-0004', reason: 'duplicate', invoice: expect.objectContaining({ number: 'INV-2026-0004', total: '99.99' }) })]);
    expect((await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Next', '--price', '1'])).stdout).toBe('INV-2026-0008\n');
  });

  it('lists by issue date then number, with filters', async () => {
    const all = await json(['invoice', 'list']);
    expect(all.map((i: { number: string }) => i.number)).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003', 'INV-2026-0005', 'INV-2026-0006', 'INV-2026-0007', 'INV-2026-0008']);
    expect((await json(['invoice', 'list', '--status', 'paid'])).map((i: { number: string }) => i.number)).toEqual(['INV-2026-0001']);
    expect((await json(['invoice', 'list', '--customer', 'acme'])).map((i: { number: string }) => i.number)).toEqual([]);
    expect((await json(['invoice', 'list', '--customer', 'ap@globex.test', '--from', '2026-11-02', '--to', '2026-11-02'])).map((i: { number: string }) => i.number)).toEqual(['INV-2026-0002', 'INV-2026-0003']);
    expect(await json(['invoice', 'list', '--status', 'overdue'])).toEqual([]);
  });

  it('derives overdue from the day the command runs', async () => {
    const later = await box.ok(['invoice', 'list', '--status', 'overdue', '--json'], { env: { SMALLPAY_NOW: '2027-01-15T08:00:00Z' } });
    const numbers = JSON.parse(later.stdout).map((i: { number: string; overdue: boolean }) => [i.number, i.overdue]);
    expect(numbers).toEqual([['INV-2026-0002', true], ['INV-2026-0005', true], ['INV-2026-0006', true], ['INV-2026-0007', true], ['INV-2026-0008', true]]);
  });

  it('prints a plain table without a TTY, overdue marked', async () => {
    const table = (await box.ok(['invoice', 'list', '--status', 'partial'], { env: { SMALLPAY_NOW: '2027-01-15' } })).stdout;
    expect(table).toBe('');
    const list = (await box.ok(['invoice', 'list'], { env: { SMALLPAY_NOW: '2027-01-15', COLUMNS: '200' } })).stdout;
    expect(list.split('\n')[0]).toMatch(/^Number\s+Customer\s+Issued\s+Due\s+Total\s+Balance\s+Status$/);
    expect(list).toMatch(/INV-2026-0002\s+Globex GmbH\s+2026-11-02\s+2026-12-31\s+2,142.00 EUR\s+2,142.00 EUR\s+open, overdue/);
    expect(list).not.toMatch(/\u001b\[/);
    expect(list).not.toMatch(/[─│┌]/);
  });
});

describe('flags and the --input document', () => {
  it('let a flag for terms or due date replace the other from the document', async () => {
    const document = JSON.stringify({ customer: 'globex', issueDate: '2026-11-01', dueDate: '2026-12-31', items: [{ description: 'x', unitPrice: '1' }] });
    const byTerms = JSON.parse((await box.ok(['invoice', 'new', '--input', '-', '--terms', '7', '--json'], { input: document })).stdout);
    expect(byTerms).toMatchObject({ dueDate: '2026-11-08', terms: 7 });
    const withTerms = JSON.stringify({ customer: 'globex', issueDate: '2026-11-01', terms: 60, items: [{ description: 'x', unitPrice: '1' }] });
    const byDue = JSON.parse((await box.ok(['invoice', 'new', '--input', '-', '--due', '2026-11-15', '--json'], { input: withTerms })).stdout);
    expect(byDue).toMatchObject({ dueDate: '2026-11-15', terms: 14 });
  });

  it('refuses payments dated before the invoice or in the future', async () => {
    const number = (await box.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-10', '--item', 'x', '--price', '10'])).stdout.trim();
    expect((await box.run(['invoice', 'pay', number, '--date', '2026-11-09'])).stderr).toMatch(/before the invoice's issue date/);
    expect((await box.run(['invoice', 'pay', number, '--date', '2026-11-26'])).stderr).toMatch(/is in the future/);
    expect(JSON.parse((await box.ok(['invoice', 'pay', number, '--amount', '10.000', '--json'])).stdout).status).toBe('paid');
  });
});

describe('numbers of deleted invoices', () => {
  // Issue 13: on a database a new number is checked against the audit log too (store.ts scopes), as on JSON.
  it('never gives out again the number of an invoice deleted with --force, whichever command numbers it', async () => {
    const books = sandbox();
    try {
      await seedBusiness(books);
      await books.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Design', '--price', '10']);
      const draft = (await books.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Later', '--price', '10', '--draft'])).stdout.trim();
      await books.ok(['invoice', 'delete', 'INV-2026-0001', '--force', '--yes', '--reason', 'duplicate']);
      // A new series whose first number is the deleted one's.
      await books.ok(['config', 'set', 'numberFormat', 'INV-{YYYY}-0{SEQ:3}']);
      for (const args of [['invoice', 'new', '--customer', 'globex', '--item', 'Again', '--price', '10'], ['invoice', 'issue', draft]]) {
        const refused = await books.run(args);
        expect(refused.code, args.join(' ')).toBe(2);
        expect(refused.stderr).toBe('smallpay: invoice number INV-2026-0001 is already in use; check the numberFormat setting (smallpay config show)\n');
      }
      expect((await books.ok(['invoice', 'list', '--json'])).stdout).toContain(draft);
    } finally {
      books.cleanup();
    }
  });
});
