import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src/domain/business.js';
import { verifyStore } from '../../src/domain/verify.js';
import { migrateInvoicesTo4 } from '../../src/store/migrate-to-4.js';
import { migrate } from '../../src/store/migrations.js';
import { validateDocument } from '../../src/store/schema.js';
import { openJsonStore as openStore } from '../../src/store/json-store.js';

/** A schema-3 store as SmallPay 0.1 wrote it: one invoice at 19% and 0%, edited once, one deleted invoice in the audit log. */
function schema3() {
  const line19 = { description: 'Design', quantity: '10', unitPrice: '150.00', taxRate: '19', net: 150000 };
  const line0 = { description: 'Travel', quantity: '1', unitPrice: '20.00', taxRate: '0', net: 2000 };
  const invoice = {
    id: 'inv_1',
    number: 'INV-2026-0001',
    status: 'open',
    customer: { id: 'globex', name: 'Globex', email: 'ap@globex.test' },
    issuer: { name: 'Ada', email: 'ada@example.com' },
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    terms: 30,
    currency: 'EUR',
    items: [line19, line0],
    taxes: [
      { rate: '0', base: 2000, tax: 0 },
      { rate: '19', base: 150000, tax: 28500 },
    ],
    subtotal: 152000,
    tax: 28500,
    total: 180500,
    paid: 0,
    payments: [],
    history: [
      { at: '2026-03-01', event: 'issued' },
      { at: '2026-03-02', event: 'edited', previous: { number: 'INV-2026-0001', issueDate: '2026-03-01', dueDate: '2026-03-31', terms: 30, items: [line19], taxes: [{ rate: '19', base: 150000, tax: 28500 }], subtotal: 150000, tax: 28500, total: 178500 } },
    ],
    series: 'INV-2026-{SEQ}',
    sequence: 1,
    numberFormat: 'INV-{YYYY}-{SEQ:4}',
  };
  const deleted = { ...invoice, id: 'inv_0', number: null, status: 'draft', issuer: null, history: [], series: undefined, sequence: undefined, numberFormat: undefined };
  return {
    schemaVersion: 3,
    business: { ...createBusiness({ name: 'Ada', email: 'ada@example.com' }) },
    customers: [{ id: 'globex', name: 'Globex', email: 'ap@globex.test', createdAt: '2026-01-01' }],
    invoices: [invoice],
    sequences: { 'INV-2026-{SEQ}': 1 },
    audit: [{ at: '2026-02-01', event: 'invoice.deleted', invoice: JSON.parse(JSON.stringify(deleted)) }],
    outbox: [],
    recurring: [],
  };
}

describe('migrateInvoicesTo4', () => {
  it('gives every invoice its type, every line and tax line its category, and BT-106/107/108', () => {
    const { json, from } = migrate(schema3());
    expect(from).toBe(3);
    const doc = validateDocument(json);
    expect(doc.schemaVersion).toBe(4);
    const [invoice] = doc.invoices;
    expect(invoice).toMatchObject({ type: 'invoice', lineTotal: 152000, allowanceTotal: 0, chargeTotal: 0, subtotal: 152000, tax: 28500, total: 180500 });
    expect(invoice?.items.map((line) => line.taxCategory)).toEqual(['S', 'Z']);
    expect(invoice?.taxes).toEqual([
      { rate: '0', base: 2000, tax: 0, category: 'Z' },
      { rate: '19', base: 150000, tax: 28500, category: 'S' },
    ]);
    const edited = invoice?.history[1];
    expect(edited?.event === 'edited' && edited.previous.items[0]?.taxCategory).toBe('S');
    expect(doc.audit[0]?.invoice).toMatchObject({ type: 'invoice', lineTotal: 152000, items: [{ taxCategory: 'S' }, { taxCategory: 'Z' }] });
    // The migrated store is consistent: verify computes the same totals and breakdown.
    expect(verifyStore(doc, { pid: 1, host: 'h', token: 't', now: 0, isAlive: () => false }).find((check) => check.name === 'totals')?.problems).toEqual([]);
  });

  it('keeps what a record already has and leaves other shapes alone', () => {
    const doc = { invoices: [{ items: [{ taxRate: '0', taxCategory: 'E' }], taxes: [], subtotal: 5, type: 'credit-note' }, 'junk'], audit: [] };
    expect(migrateInvoicesTo4(doc)).toEqual({
      invoices: [{ items: [{ taxRate: '0', taxCategory: 'E' }], taxes: [], subtotal: 5, type: 'credit-note', lineTotal: 5, allowanceTotal: 0, chargeTotal: 0 }, 'junk'],
      audit: [],
    });
  });
});

describe('a schema-3 store file', () => {
  let directory: string;
  beforeEach(() => void (directory = mkdtempSync(join(tmpdir(), 'smallpay-v4-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('reads as schema 4, and the first write keeps the file as it was in .v3.bak', async () => {
    const path = join(directory, 'store.json');
    const original = JSON.stringify(schema3(), null, 2);
    writeFileSync(path, original);
    const store = openStore({ path, timeoutMs: 300, staleMs: 2000 });
    expect(await store.read()).toMatchObject({ schemaVersion: 4, invoices: [{ type: 'invoice', lineTotal: 152000 }] });
    expect(readFileSync(path, 'utf8')).toBe(original); // reading changes nothing
    await store.update((doc) => void (doc.business!.terms = 14));
    expect(readFileSync(`${path}.v3.bak`, 'utf8')).toBe(original);
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(written).toMatchObject({ schemaVersion: 4, invoices: [{ items: [{ taxCategory: 'S' }, { taxCategory: 'Z' }], taxes: [{ category: 'Z' }, { category: 'S' }] }] });
  });
});
