/**
 * The dashboard's facts (dashboard-facts.ts) as a few GROUP BY queries, plain SQL for SQLite and PostgreSQL
 * alike, over the columns and the invoice_events table of schema version 2 (tables.ts, derived from each record
 * by the domain's functions at every write). Each query is answered from one covering index (ddl.ts) and
 * groups in that index's order (by day, folded into months here), so a million invoices are summed in one
 * pass over index entries, without a sort, a table row or a JSON parse: the reason for this module (issue 13:
 * "Lists and reports read the columns they need, with filters in SQL").
 *
 * The rules are the domain's, word for word: counted = neither draft nor void; credit notes count only by
 * their issue; open and partly paid invoices are overdue when due before today; the oldest overdue invoice
 * is the first due, and of those due the same day the first inserted (the books' order, as the domain's loop
 * meets them). Sums come back as numbers (PostgreSQL gives bigint and numeric as text). Unlike read(), no
 * record is validated here: `verify` is what finds a hand edit that made the columns disagree.
 */
import { getOrCreate } from '../../domain/reports/common.js';
import { type DashboardFacts, type MoneyEventKind, sortFacts } from '../../domain/reports/dashboard-facts.js';
import type { Period } from '../../domain/reports/dashboard.js';
import type { SqlRunner, SqlValue } from './driver.js';

const COUNTED = `status NOT IN ('draft', 'void')`;
const OPEN = ['open', 'partial'];

export async function queryDashboardFacts(tx: SqlRunner, business: string, period: Period, today: string, insertionOrder: string): Promise<DashboardFacts> {
  const inPeriod = [business, period.from, period.to];
  const number = (value: SqlValue | undefined) => Number(value ?? 0);

  // Each (status, currency) pair there is, one index seek apiece (a loose index scan): DISTINCT would read
  // every entry of the index, a million at a million invoices.
  const pairs: { status: string; currency: string }[] = [];
  for (let after: SqlValue[] = ['', '']; ; ) {
    const [row] = await tx.query(`SELECT status, currency FROM invoices WHERE business_id = $1 AND (status, currency) > ($2, $3) ORDER BY status, currency LIMIT 1`, [business, ...after]);
    if (row === undefined) break;
    pairs.push({ status: String(row.status), currency: String(row.currency) });
    after = [row.status!, row.currency!];
  }
  const currencies = [...new Set(pairs.filter(({ status }) => status !== 'draft' && status !== 'void').map(({ currency }) => currency))];

  // Grouped by day in the index's own order (one pass, no sort), then by month here.
  const issued = new Map<string, DashboardFacts['issued'][number]>();
  const issuedRows = await tx.query(
    `SELECT issue_date, currency, type, SUM(total) AS amount, COUNT(*) AS count FROM invoices
     WHERE business_id = $1 AND issue_date >= $2 AND issue_date <= $3 AND ${COUNTED} GROUP BY issue_date, currency, type`,
    inPeriod,
  );
  for (const row of issuedRows) {
    const [currency, month, creditNote] = [String(row.currency), String(row.issue_date).slice(0, 7), row.type === 'credit-note'];
    const sum = getOrCreate(issued, `${currency} ${month} ${creditNote}`, () => ({ currency, month, creditNote, amount: 0, count: 0 }));
    sum.amount += number(row.amount);
    sum.count += number(row.count);
  }

  const flows = new Map<string, DashboardFacts['flows'][number]>();
  const flowRows = await tx.query(
    `SELECT event_date, currency, kind, SUM(amount) AS amount, COUNT(*) AS count FROM invoice_events
     WHERE business_id = $1 AND event_date >= $2 AND event_date <= $3 AND ${COUNTED} AND invoice_type <> 'credit-note' GROUP BY event_date, currency, kind`,
    inPeriod,
  );
  for (const row of flowRows) {
    const [currency, month, kind] = [String(row.currency), String(row.event_date).slice(0, 7), String(row.kind) as MoneyEventKind];
    const sum = getOrCreate(flows, `${currency} ${month} ${kind}`, () => ({ currency, month, kind, amount: 0, count: 0 }));
    sum.amount += number(row.amount);
    sum.count += number(row.count);
  }

  // Open and partly paid: per status and currency, a range of the index before today (overdue) and one from it.
  const open = new Map<string, DashboardFacts['open'][number]>();
  const firstDue = new Map<string, string>();
  for (const { status, currency } of pairs.filter((pair) => OPEN.includes(pair.status))) {
    for (const overdue of [false, true]) {
      const [row] = await tx.query(
        `SELECT SUM(balance) AS amount, COUNT(*) AS count, MIN(due_date) AS first_due FROM invoices
         WHERE business_id = $1 AND status = $2 AND currency = $3 AND due_date ${overdue ? '<' : '>='} $4`,
        [business, status, currency, today],
      );
      if (number(row?.count) === 0) continue;
      const sum = getOrCreate(open, `${currency} ${overdue}`, () => ({ currency, overdue, amount: 0, count: 0 }));
      sum.amount += number(row!.amount);
      sum.count += number(row!.count);
      const due = String(row!.first_due);
      const known = firstDue.get(currency);
      if (overdue && (known === undefined || due < known)) firstDue.set(currency, due);
    }
  }
  const oldest: DashboardFacts['oldest'] = [];
  for (const [currency, dueDate] of firstDue) {
    const [first] = await tx.query(
      `SELECT COALESCE(number, id) AS number FROM invoices WHERE business_id = $1 AND status IN ('open', 'partial') AND currency = $2 AND due_date = $3
       ORDER BY ${insertionOrder} LIMIT 1`,
      [business, currency, dueDate],
    );
    oldest.push({ currency, number: String(first?.number), dueDate });
  }

  // paid_on is set only on invoices paid in full (settlementOf), which are counted.
  const paid = new Map<string, DashboardFacts['paid'][number]>();
  const paidRows = await tx.query(
    `SELECT paid_on, currency, SUM(days_to_pay) AS days, COUNT(*) AS count FROM invoices
     WHERE business_id = $1 AND paid_on >= $2 AND paid_on <= $3 AND type <> 'credit-note' GROUP BY paid_on, currency`,
    inPeriod,
  );
  for (const row of paidRows) {
    const currency = String(row.currency);
    const sum = getOrCreate(paid, currency, () => ({ currency, days: 0, count: 0 }));
    sum.days += number(row.days);
    sum.count += number(row.count);
  }

  return sortFacts({ currencies, issued: [...issued.values()], flows: [...flows.values()], open: [...open.values()], oldest, paid: [...paid.values()] });
}
