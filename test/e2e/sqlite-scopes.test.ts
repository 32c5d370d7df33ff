/**
 * Scoped reads and writes on a SQLite store (issue 13, store.ts "Scopes"): a command on one invoice or
 * customer reads only what it touches, and still sees everything its rules look at. The store holds a few
 * hundred invoices besides the ones a test works on; one of those is hand-damaged in the file, which a command
 * that read it would refuse: commands that do not touch it go on working, `verify` still reports it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../src/domain/types.js';
import { type CliOptions, type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { updateBooks } from '../support/engine.js';
import { Database as SqliteDatabase } from '../support/sqlite.js';

const Database = SqliteDatabase!;
const FILLERS = 300;

let box: Sandbox;
let db: string;
/** The sandbox with SMALLPAY_STORE naming its SQLite file, whatever the engine of this run. */
let books: Sandbox;
let damagedId: string;

const json = async (args: string[]) => JSON.parse((await books.ok([...args, '--json'])).stdout) as Record<string, unknown>;

describe.skipIf(SqliteDatabase === undefined)('scoped commands on a SQLite store', () => {
  beforeAll(async () => {
    box = sandbox();
    db = `${box.home}/books.db`;
    const store = `sqlite:${db}`;
    const on = (options: CliOptions = {}): CliOptions => ({ ...options, env: { SMALLPAY_STORE: store, ...options.env } });
    books = { ...box, store, run: (args, options) => box.run(args, on(options)), ok: (args, options) => box.ok(args, on(options)) };
    await seedBusiness(books);
    await books.ok(['customer', 'add', '--id', 'initech', '--name', 'Initech', '--email', 'ap@initech.test']);
    await books.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Design', '--price', '1000', '--tax', '19']);
    // Invoices nobody here works on: copies of INV-2026-0001 numbered on in its series, as invoice new would.
    await updateBooks(store, (doc) => {
      const first = doc.invoices[0] as Invoice;
      for (let sequence = 2; sequence <= FILLERS + 1; sequence += 1) {
        doc.invoices.push({ ...structuredClone(first), id: `inv_filler${sequence}`, number: `INV-2026-${String(sequence).padStart(4, '0')}`, sequence });
      }
      doc.sequences['INV-2026-{SEQ}'] = FILLERS + 1;
      // Sixty customers whose ids a new "Hooli" would be given first.
      for (let n = 1; n <= 60; n += 1) doc.customers.push({ id: n === 1 ? 'hooli' : `hooli-${n}`, name: 'Hooli', email: `ap${n}@hooli.test`, createdAt: '2026-11-01' });
    });
    const rows = new Database(db);
    damagedId = 'inv_filler150';
    expect(rows.prepare(`UPDATE invoices SET doc = '{"id": "${damagedId}", broken' WHERE id = ?`).run(damagedId).changes).toBe(1);
    rows.close();
  });
  afterAll(() => box.cleanup());

  it('a command that reads every invoice refuses the damaged row; verify lists it', async () => {
    const list = await books.run(['invoice', 'list']);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain(`invoice '${damagedId}': its stored JSON does not parse`);
    const verify = await books.run(['verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout + verify.stderr).toContain(`invoice '${damagedId}': its stored JSON does not parse`);
  });

  it('commands on one invoice, customer or setting never read the damaged row', async () => {
    await books.ok(['invoice', 'pay', 'INV-2026-0002', '--amount', '100']);
    expect(await json(['invoice', 'show', 'inv-2026-0002'])).toMatchObject({ status: 'partial', paid: '100.00' });
    await books.ok(['invoice', 'unpay', 'INV-2026-0002', '1', '--reason', 'wrong invoice']);
    await books.ok(['invoice', 'void', 'INV-2026-0003', '--reason', 'duplicate']);
    await books.ok(['invoice', 'write-off', 'INV-2026-0004']);
    await books.ok(['invoice', 'delete', 'INV-2026-0005', '--force', '--yes']);
    await books.ok(['invoice', 'edit', 'INV-2026-0006', '--note', 'edited']);
    const draft = (await books.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Later', '--price', '10', '--draft'])).stdout.trim();
    expect((await books.ok(['invoice', 'issue', draft])).stdout.trim()).toBe(`INV-2026-${String(FILLERS + 2).padStart(4, '0')}`);
    await books.ok(['invoice', 'credit', 'INV-2026-0007', '--all']);
    await books.ok(['invoice', 'pay', 'INV-2026-0008']);
    await books.ok(['invoice', 'credit', 'INV-2026-0008', '--all']);
    await books.ok(['invoice', 'refund', 'INV-2026-0008']);
    await books.ok(['invoice', 'pdf', 'INV-2026-0009']);
    // A batch by status reads the invoices of that status only.
    const pdfs = JSON.parse((await books.ok(['invoice', 'pdf', '--status', 'written-off', '--out', `${box.home}/written-off`, '--json'])).stdout) as { number: string }[];
    expect(pdfs.map((pdf) => pdf.number)).toEqual(['INV-2026-0004']);
    await books.ok(['customer', 'add', '--name', 'Umbrella', '--email', 'ap@umbrella.test']);
    await books.ok(['customer', 'edit', 'ap@umbrella.test', '--city', 'Raccoon City']);
    expect(await json(['customer', 'show', 'umbrella'])).toMatchObject({ id: 'umbrella', invoiceCount: 0 });
    await books.ok(['customer', 'rm', 'umbrella']);
    await books.ok(['config', 'set', 'terms', '21']);
    expect(await json(['config', 'show'])).toMatchObject({ terms: 21 });
    await books.ok(['recurring', 'add', '--customer', 'acme', '--every', 'month', '--start', '2027-01-01', '--item', 'Retainer', '--price', '50']);
    await books.ok(['recurring', 'list']);
    await books.ok(['audit']);
    await books.ok(['outbox', 'list']);
    // What was changed is in the rows; the damaged one is as it was.
    const rows = new Database(db, { readonly: true });
    const status = (number: string) => (rows.prepare('SELECT status FROM invoices WHERE number = ?').get(number) as { status: string } | undefined)?.status;
    expect([status('INV-2026-0003'), status('INV-2026-0004'), status('INV-2026-0005'), status('INV-2026-0007')]).toEqual(['void', 'written-off', undefined, 'credited']);
    expect(rows.prepare('SELECT doc FROM invoices WHERE id = ?').get(damagedId)).toEqual({ doc: `{"id": "${damagedId}", broken` });
    rows.close();
  });

  it('crediting sees the credit notes an invoice has already: no more than what is left', async () => {
    await books.ok(['invoice', 'credit', 'INV-2026-0010', '--item', 'Part', '--price', '600', '--tax', '19']);
    const tooMuch = await books.run(['invoice', 'credit', 'INV-2026-0010', '--item', 'More', '--price', '500', '--tax', '19']);
    expect(tooMuch.stderr).toContain('only 400.00 EUR is left to credit there on INV-2026-0010');
    expect(tooMuch.code).toBe(2);
    await books.ok(['invoice', 'credit', 'INV-2026-0010', '--item', 'The rest', '--price', '400', '--tax', '19']);
    expect(await json(['invoice', 'show', 'INV-2026-0010'])).toMatchObject({ status: 'credited', credited: '1190.00' });
    const again = await books.run(['invoice', 'credit', 'INV-2026-0010', '--all']);
    expect(again.stderr).toContain('INV-2026-0010 is already fully credited');
    expect(again.code).toBe(2);
  });

  it('removing a customer sees their invoices; a removed customer\'s id stays taken', async () => {
    const invoice = (await books.ok(['invoice', 'new', '--customer', 'initech', '--item', 'Audit', '--price', '300'])).stdout.trim();
    for (const ref of ['initech', 'ap@initech.test']) {
      const refused = await books.run(['customer', 'rm', ref]);
      expect(refused.stderr).toContain(`customer 'initech' has 1 unpaid or draft invoice (${invoice})`);
      expect(refused.code).toBe(2);
    }
    await books.ok(['invoice', 'pay', invoice]);
    await books.ok(['customer', 'rm', 'initech']);
    // Its invoice keeps the id: neither a new customer nor a renamed one may take it.
    const taken = await books.run(['customer', 'add', '--id', 'initech', '--name', 'Initech', '--email', 'new@initech.test']);
    expect(taken.stderr).toContain("id: 'initech' belonged to a removed customer whose invoices keep it");
    expect(taken.code).toBe(2);
    const renamed = await books.run(['customer', 'edit', 'acme', '--id', 'initech']);
    expect(renamed.stderr).toContain("id: 'initech' belonged to a removed customer whose invoices keep it");
    expect(renamed.code).toBe(2);
    expect((await books.ok(['customer', 'add', '--name', 'Initech', '--email', 'new@initech.test'])).stdout.trim()).toBe('initech-2');
    // The removed customer's invoices are found by the id they keep.
    expect((await json(['customer', 'show', 'initech-2'])).invoiceCount).toBe(0);
    await books.ok(['invoice', 'pdf', '--customer', 'initech', '--out', `${box.home}/initech`]);
  });

  it('a derived id past the ids looked up first is still the first free one', async () => {
    expect((await books.ok(['customer', 'add', '--name', 'Hooli', '--email', 'new@hooli.test'])).stdout.trim()).toBe('hooli-61');
  });

  it('renaming a customer reads every invoice of theirs, so the damaged one of them stops it', async () => {
    const renamed = await books.run(['customer', 'edit', 'globex', '--id', 'globex-gmbh']);
    expect(renamed.stderr).toContain(`invoice '${damagedId}': its stored JSON does not parse`);
    expect(renamed.code).toBe(1);
    await books.ok(['customer', 'edit', 'acme', '--id', 'acme-corp']);
    const rows = new Database(db, { readonly: true });
    expect(rows.prepare(`SELECT customer_id, count(*) AS n FROM invoices WHERE customer_id LIKE 'acme%' GROUP BY customer_id`).all()).toEqual([{ customer_id: 'acme-corp', n: 1 }]);
    rows.close();
    // A statement reads the customer's invoices, found by email; aging reads every open one, the damaged too.
    expect(await json(['report', 'statement', 'billing@acme.test'])).toMatchObject({ customer: { id: 'acme-corp' } });
    const aging = await books.run(['report', 'aging']);
    expect(aging.stderr).toContain(`invoice '${damagedId}': its stored JSON does not parse`);
    expect(aging.code).toBe(1);
  });
});
