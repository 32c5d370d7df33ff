/**
 * The dashboard's facts from SQL (report-queries.ts, over the columns and invoice_events derived at each write)
 * against the domain's own (dashboard-facts.ts), on random books: payments in parts, refunds, write-offs, credit
 * notes, void invoices, drafts, three currencies, several invoices due the same day. Loaded whole (load), then
 * changed through update (the write path that rewrites an invoice's events), on SQLite and on PostgreSQL
 * (skipped without a server, like the other PostgreSQL tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src/domain/business.js';
import { issueCreditNote } from '../../src/domain/credit-notes.js';
import { addCustomer } from '../../src/domain/customers.js';
import { applyPayment, deleteInvoice, voidInvoice } from '../../src/domain/invoice-settlement.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { balanceOf } from '../../src/domain/status.js';
import { applyRefund } from '../../src/domain/refunds.js';
import { dashboardFacts } from '../../src/domain/reports/dashboard-facts.js';
import { type Period, dashboard, dashboardFromFacts } from '../../src/domain/reports/dashboard.js';
import type { Invoice, StoreDocument } from '../../src/domain/types.js';
import { writeOffInvoice } from '../../src/domain/write-offs.js';
import { parseStoreLocator } from '../../src/cli/store-locator.js';
import { emptyDocument } from '../../src/store/schema.js';
import { openSqlStore } from '../../src/store/sql/sql-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, postgresAvailable } from '../support/postgres.js';

const TODAY = '2026-11-25';
const DATES = ['2025-11-30', '2025-12-01', '2026-02-10', '2026-03-01', '2026-06-15', '2026-09-30', '2026-10-01', '2026-11-24', '2026-11-25'];
const PERIODS: Period[] = [
  { from: '2025-12-01', to: TODAY },
  { from: '2026-03-01', to: '2026-09-30' },
  { from: '2026-11-25', to: '2026-11-25' },
];
const CUSTOMERS = ['eur', 'usd', 'gbp'];

interface Draft {
  customer: number;
  cents: number;
  issued: number;
  terms: number;
  draft: boolean;
}
/** `date`: an index into DATES, never before the invoice's issue; `share`: the percent of what is left to pay, paid back or credit. */
type Op = { kind: 'pay' | 'refund' | 'write-off' | 'credit' | 'void' | 'delete'; invoice: number; date: number; share: number; whole: boolean };

const draftArb = fc.record({ customer: fc.nat({ max: 2 }), cents: fc.integer({ min: 1, max: 500_000 }), issued: fc.nat({ max: DATES.length - 1 }), terms: fc.constantFrom(0, 14, 30, 60), draft: fc.constantFrom(false, false, false, true) });
const opArb = fc.record({
  kind: fc.constantFrom('pay', 'pay', 'pay', 'pay', 'pay', 'refund', 'write-off', 'credit', 'void', 'delete'),
  invoice: fc.nat({ max: 11 }),
  date: fc.nat({ max: DATES.length - 1 }),
  share: fc.integer({ min: 1, max: 100 }),
  whole: fc.boolean(),
}) as fc.Arbitrary<Op>;
const booksArb = fc.record({ drafts: fc.array(draftArb, { minLength: 1, maxLength: 12 }), ops: fc.array(opArb, { maxLength: 30 }), later: fc.array(opArb, { maxLength: 8 }), period: fc.constantFrom(...PERIODS) });

const decimal = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Invoices made by the domain's own functions; an operation the domain refuses (overpaid, not yet issued…) is skipped. */
function books(drafts: readonly Draft[]): StoreDocument {
  const doc = emptyDocument();
  doc.business = createBusiness({ name: 'Ada', email: 'ada@example.com', country: 'DE' });
  for (const [index, id] of CUSTOMERS.entries()) addCustomer(doc, { id, name: id, email: `${id}@example.test`, ...(index > 0 && { currency: id.toUpperCase() }) }, '2025-01-01');
  drafts.forEach((d, index) => {
    const issueDate = DATES[d.issued]!;
    const due = new Date(Date.parse(`${issueDate}T00:00:00Z`) + d.terms * 86_400_000).toISOString().slice(0, 10);
    createInvoice(doc, { customer: CUSTOMERS[d.customer]!, items: [{ description: `item ${index}`, unitPrice: decimal(d.cents) }], issueDate, dueDate: due, draft: d.draft }, { today: issueDate, id: `inv_${index}` });
  });
  return doc;
}

let notes = 0;
function apply(doc: StoreDocument, ops: readonly Op[]): void {
  for (const op of ops) {
    const invoice = doc.invoices.filter((i) => i.type !== 'credit-note')[op.invoice % doc.invoices.length] as Invoice | undefined;
    if (invoice === undefined) continue;
    const date = DATES[Math.max(op.date, DATES.indexOf(invoice.issueDate))]!;
    const part = (of: number) => (op.whole ? {} : { amount: decimal(Math.max(1, Math.floor((of * op.share) / 100))) });
    const amount = part(op.kind === 'refund' ? invoice.paid : op.kind === 'credit' ? invoice.total : balanceOf(invoice));
    try {
      if (op.kind === 'pay') applyPayment(invoice, { date, ...amount }, date);
      if (op.kind === 'refund') applyRefund(invoice, { date, ...amount }, date);
      if (op.kind === 'write-off') writeOffInvoice(invoice, { date }, date);
      if (op.kind === 'credit') issueCreditNote(doc, invoice, op.whole ? { all: true, issueDate: date } : { items: [{ description: 'credit', unitPrice: amount.amount ?? '1.00' }], issueDate: date }, { today: date, id: `cn_${++notes}` });
      if (op.kind === 'void') voidInvoice(invoice, date);
      if (op.kind === 'delete') deleteInvoice(doc, invoice, { force: false, today: date });
    } catch {
      // Refused by the domain: the books stay as they were.
    }
  }
}

/** The engine's facts and dashboard are the domain's, for the invoices the store reads back. */
async function expectSameFacts(store: Store, period: Period): Promise<void> {
  const invoices = (await store.read()).invoices;
  const facts = await store.dashboardFacts!(period, TODAY);
  expect(facts).toEqual(dashboardFacts(invoices, period, TODAY));
  expect(dashboardFromFacts(facts, period, TODAY)).toEqual(dashboard(invoices, period, TODAY));
}

const RUNS = 30;

function property(open: (run: number) => Promise<Store>) {
  let run = 0;
  return fc.asyncProperty(booksArb, async ({ drafts, ops, later, period }) => {
    const doc = books(drafts);
    apply(doc, ops);
    const store = await open(++run);
    try {
      await store.load(doc);
      await expectSameFacts(store, period);
      await store.update((whole) => apply(whole, later));
      await expectSameFacts(store, period);
    } finally {
      await store.close();
    }
  });
}

describe('the dashboard facts of a SQL store', () => {
  it('tie on a due date: the overdue invoice inserted first is the oldest, as in the domain', async () => {
    const doc = books([0, 1, 2].map(() => ({ customer: 0, cents: 1000, issued: 1, terms: 30, draft: false })));
    const directory = mkdtempSync(join(tmpdir(), 'smallpay-facts-'));
    const store = await openSqlStore({ engine: 'sqlite', path: join(directory, 'books.db'), label: 'books.db' }, { timeoutMs: 2000, staleMs: 2000 });
    try {
      await store.load(doc);
      const facts = await store.dashboardFacts!(PERIODS[0]!, TODAY);
      expect(facts.oldest).toEqual([{ currency: 'EUR', number: doc.invoices[0]!.number, dueDate: '2025-12-31' }]);
      expect(facts.open).toEqual([{ currency: 'EUR', overdue: true, amount: 3000, count: 3 }]);
    } finally {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('on SQLite equal the domain’s, on random books', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'smallpay-facts-'));
    try {
      await fc.assert(property((run) => openSqlStore({ engine: 'sqlite', path: join(directory, `${run}.db`), label: `${run}.db` }, { timeoutMs: 2000, staleMs: 2000 })), { numRuns: RUNS });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  describe.skipIf(!postgresAvailable)('on PostgreSQL', () => {
    let url: string;
    beforeAll(async () => {
      url = await createTestDatabase('dashboard_facts');
    });
    afterAll(() => undefined);

    it('equal the domain’s, on random books (one business per run, in one database)', async () => {
      const open = async (run: number) => {
        const locator = parseStoreLocator(`${url}?business=b${run}`, {});
        return openSqlStore(locator, { timeoutMs: 5000, staleMs: 5000, createSchema: true });
      };
      await fc.assert(property(open), { numRuns: RUNS });
    });
  });
});
