/**
 * The DDL of the SQL store, one definition per dialect (the table plan is tables.ts). MIGRATIONS[n] takes
 * the SQL schema from version n to n + 1 (0: nothing yet); the engine runs them forward inside a write
 * transaction and records the version in meta.schema_version, so a half-made schema is never committed.
 * A new dialect adds one entry to DIALECTS; everything else in the engine is plain SQL shared by all.
 */
import { POSTGRES_BACKFILL, POSTGRES_HAS_SCHEMA, POSTGRES_MIGRATION_LOCK, postgresMigrations } from './ddl-postgres.js';
import type { Dialect } from './driver.js';
import { BUSINESS_TABLES } from './tables.js';

export interface DialectSql {
  /** Statements taking the schema from version n (the index) to n + 1. */
  migrations: readonly (readonly string[])[];
  /** A query returning one row when the meta table exists. */
  hasSchema: string;
  /** The column that orders rows as they were inserted, so documents keep their arrays' order. */
  insertionOrder: string;
  /**
   * Around a migration's backfill of existing rows (backfill.ts), which must see every business's rows:
   * PostgreSQL lifts FORCE ROW LEVEL SECURITY for the tables' owner, inside the same transaction.
   */
  backfill: { before: readonly string[]; after: readonly string[] };
  /** Run after `load()` commits, outside a transaction, best effort: what a bulk load leaves undone. */
  afterLoad: readonly string[];
  /**
   * Taken before migrating rows already there, when writers of other businesses do not queue behind this
   * one (PostgreSQL: they lock only their own business row); the version is read again once it is held.
   */
  migrationLock?: string;
}

const sqlite: DialectSql = {
  migrations: [
    [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE businesses (business_id TEXT PRIMARY KEY, doc TEXT NOT NULL, schema_version INTEGER NOT NULL)`,
      `CREATE TABLE customers (business_id TEXT NOT NULL, id TEXT NOT NULL, email TEXT NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (business_id, id))`,
      `CREATE TABLE invoices (business_id TEXT NOT NULL, id TEXT NOT NULL, number TEXT, type TEXT NOT NULL, status TEXT NOT NULL,
        customer_id TEXT NOT NULL, issue_date TEXT NOT NULL, due_date TEXT NOT NULL, currency TEXT NOT NULL,
        total INTEGER NOT NULL, paid INTEGER NOT NULL, recurring_schedule TEXT, recurring_period TEXT, doc TEXT NOT NULL,
        PRIMARY KEY (business_id, id))`,
      `CREATE UNIQUE INDEX invoices_number_key ON invoices (business_id, number) WHERE number IS NOT NULL`,
      `CREATE UNIQUE INDEX invoices_period_key ON invoices (business_id, recurring_schedule, recurring_period) WHERE recurring_schedule IS NOT NULL`,
      `CREATE INDEX invoices_status ON invoices (business_id, status)`,
      `CREATE INDEX invoices_customer ON invoices (business_id, customer_id)`,
      `CREATE INDEX invoices_issue_date ON invoices (business_id, issue_date)`,
      `CREATE INDEX invoices_number_upper ON invoices (business_id, upper(number))`,
      `CREATE TABLE sequences (business_id TEXT NOT NULL, series TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (business_id, series))`,
      `CREATE TABLE outbox (business_id TEXT NOT NULL, id TEXT NOT NULL, invoice_id TEXT NOT NULL, state TEXT NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (business_id, id))`,
      `CREATE INDEX outbox_invoice ON outbox (business_id, invoice_id)`,
      `CREATE INDEX outbox_state ON outbox (business_id, state)`,
      `CREATE TABLE schedules (business_id TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (business_id, id))`,
      `CREATE TABLE audit (business_id TEXT NOT NULL, seq INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (business_id, seq))`,
    ],
    // Version 2: what the dashboard sums in SQL (report-queries.ts). Each index covers its query, and its
    // columns come in the order the query groups by, so a million invoices are summed from the index alone,
    // in one pass, without sorting. Version 1's indexes on status and on issue_date become prefixes of these.
    // The engine then fills the new columns and table from each invoice's record (backfill.ts).
    [
      `ALTER TABLE invoices ADD COLUMN balance INTEGER`,
      `ALTER TABLE invoices ADD COLUMN paid_on TEXT`,
      `ALTER TABLE invoices ADD COLUMN days_to_pay INTEGER`,
      `CREATE TABLE invoice_events (business_id TEXT NOT NULL, invoice_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
        event_date TEXT NOT NULL, currency TEXT NOT NULL, amount INTEGER NOT NULL, status TEXT NOT NULL, invoice_type TEXT NOT NULL,
        PRIMARY KEY (business_id, invoice_id, seq))`,
      `CREATE INDEX invoice_events_date ON invoice_events (business_id, event_date, currency, kind, status, invoice_type, amount)`,
      `DROP INDEX invoices_issue_date`,
      `DROP INDEX invoices_status`,
      `CREATE INDEX invoices_issued ON invoices (business_id, issue_date, currency, type, status, total)`,
      `CREATE INDEX invoices_status_currency ON invoices (business_id, status, currency, due_date, balance)`,
      `CREATE INDEX invoices_paid_on ON invoices (business_id, paid_on, currency, type, days_to_pay)`,
    ],
  ],
  hasSchema: `SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'`,
  // Every table but meta has an implicit rowid, which grows with each insert and survives updates.
  insertionOrder: 'rowid',
  backfill: { before: [], after: [] },
  // The driver's PRAGMA optimize after every write already gathers the planner's statistics.
  afterLoad: [],
};

/**
 * PostgreSQL: the same tables in schema `smallpay` (the driver sets search_path to it), jsonb-free so that
 * `doc` round-trips as text, with `ord` for insertion order, and row-level security per business
 * (ddl-postgres.ts).
 */
const postgres: DialectSql = {
  migrations: postgresMigrations(sqlite.migrations),
  hasSchema: POSTGRES_HAS_SCHEMA,
  insertionOrder: 'ord',
  backfill: POSTGRES_BACKFILL,
  migrationLock: POSTGRES_MIGRATION_LOCK,
  // A bulk load leaves no statistics and an empty visibility map until autovacuum comes by: the planner then
  // expects a few rows where there are a million, and an index-only scan visits the table for every entry
  // (the dashboard at 1,000,000 invoices: 3–4 s, 0.7 s after this; docs/performance.md). As pg_restore's
  // users are told to, the copy is vacuumed and analysed at once. A role that does not own the tables
  // gets a warning and autovacuum does it later.
  afterLoad: [`VACUUM (ANALYZE) ${BUSINESS_TABLES.map((table) => `smallpay.${table}`).join(', ')}`],
};

const DIALECTS: Record<Dialect, DialectSql> = { sqlite, postgres };

export function dialectSql(dialect: Dialect): DialectSql {
  return DIALECTS[dialect];
}
