/**
 * The dashboard's facts (dashboard-facts.ts) as a few GROUP BY queries, plain SQL for SQLite and PostgreSQL
 * alike, over the columns and the invoice_events table of schema version 2 (tables.ts, derived from each record
 * by the domain's functions at every write). Each query is answered from one covering index (ddl.ts), so a
 * million invoices are summed without reading a row, let alone parsing its JSON: the reason for this module
 * (issue 13: "Lists and reports read the columns they need, with filters in SQL").
 *
 * The rules are the domain's, word for word: counted = neither draft nor void; credit notes count only by
 * their issue; open and partly paid invoices are overdue when due before today; the oldest overdue invoice
 * is the first due, and of those due the same day the first inserted (the books' order, as the domain's loop
 * meets them). Sums come back as numbers (PostgreSQL gives bigint and numeric as text). Unlike read(), no
 * record is validated here: `verify` is what finds a hand edit that made the columns disagree.
 */
import { type DashboardFacts, type MoneyEventKind, sortFacts } from '../../domain/reports/dashboard-facts.js';
import type { Period } from '../../domain/reports/dashboard.js';
import type { SqlRunner } from './driver.js';

const COUNTED = `status NOT IN ('draft', 'void')`;

export async function queryDashboardFacts(tx: SqlRunner, business: string, period: Period, today: string, insertionOrder: string): Promise<DashboardFacts> {
  const inPeriod = [business, period.from, period.to];

  // Each currency of a counted invoice, one index seek apiece (a loose index scan): DISTINCT would read every entry.
  const currencies: string[] = [];
  for (let after = ''; ; ) {
    const [row] = await tx.query(`SELECT currency FROM invoices WHERE business_id = $1 AND currency > $2 AND ${COUNTED} ORDER BY currency LIMIT 1`, [business, after]);
    if (row === undefined) break;
    after = String(row.currency);
    currencies.push(after);
  }

  const issued = await tx.query(
    `SELECT currency, substr(issue_date, 1, 7) AS month, type, SUM(total) AS amount, COUNT(*) AS count FROM invoices
     WHERE business_id = $1 AND issue_date >= $2 AND issue_date <= $3 AND ${COUNTED} GROUP BY 1, 2, 3`,
    inPeriod,
  );
  const flows = await tx.query(
    `SELECT currency, substr(event_date, 1, 7) AS month, kind, SUM(amount) AS amount, COUNT(*) AS count FROM invoice_events
     WHERE business_id = $1 AND event_date >= $2 AND event_date <= $3 AND ${COUNTED} AND invoice_type <> 'credit-note' GROUP BY 1, 2, 3`,
    inPeriod,
  );
  const open = await tx.query(
    `SELECT currency, CASE WHEN due_date < $2 THEN 1 ELSE 0 END AS overdue, SUM(balance) AS amount, COUNT(*) AS count, MIN(due_date) AS first_due
     FROM invoices WHERE business_id = $1 AND status IN ('open', 'partial') GROUP BY 1, 2`,
    [business, today],
  );
  const oldest: DashboardFacts['oldest'] = [];
  for (const row of open) {
    if (Number(row.overdue) !== 1) continue;
    const [first] = await tx.query(
      `SELECT COALESCE(number, id) AS number FROM invoices WHERE business_id = $1 AND status IN ('open', 'partial') AND currency = $2 AND due_date = $3
       ORDER BY ${insertionOrder} LIMIT 1`,
      [business, row.currency!, row.first_due!],
    );
    oldest.push({ currency: String(row.currency), number: String(first?.number), dueDate: String(row.first_due) });
  }
  // paid_on is set only on invoices paid in full (settlementOf), which are counted.
  const paid = await tx.query(
    `SELECT currency, SUM(days_to_pay) AS days, COUNT(*) AS count FROM invoices
     WHERE business_id = $1 AND paid_on >= $2 AND paid_on <= $3 AND type <> 'credit-note' GROUP BY 1`,
    inPeriod,
  );

  return sortFacts({
    currencies,
    issued: issued.map((row) => ({ currency: String(row.currency), month: String(row.month), creditNote: row.type === 'credit-note', amount: Number(row.amount), count: Number(row.count) })),
    flows: flows.map((row) => ({ currency: String(row.currency), month: String(row.month), kind: String(row.kind) as MoneyEventKind, amount: Number(row.amount), count: Number(row.count) })),
    open: open.map((row) => ({ currency: String(row.currency), overdue: Number(row.overdue) === 1, amount: Number(row.amount), count: Number(row.count) })),
    oldest,
    paid: paid.map((row) => ({ currency: String(row.currency), days: Number(row.days), count: Number(row.count) })),
  });
}
