/**
 * The PostgreSQL schema (the table plan is tables.ts; its statements are SQLite's in ddl.ts, carried over by
 * postgresStatement): every table in schema `smallpay`, and every table
 * holding a business's rows under ROW LEVEL SECURITY, FORCEd so that the tables' owner is bound too.
 * Only a superuser (or a role made BYPASSRLS) sees across businesses; smallpay never needs one to run.
 *
 * Whose rows a session sees: smallpay.current_business().
 *   - A role listed in smallpay.roles (made by `smallpay store init-postgres --role`) is bound to its own
 *     business by that table, looked up for session_user: the login role, which a non-superuser cannot
 *     change (SET ROLE changes current_user only; SET SESSION AUTHORIZATION needs a superuser). Such a role
 *     has no privilege on smallpay.roles, so it can neither read nor change the mapping, and whatever it
 *     puts into the setting below is ignored.
 *   - Any other role (the owner, who ran init-postgres, and roles it trusts with grants of its own) sees
 *     the business its connection names in the setting `smallpay.business`, which the driver sets with
 *     SET LOCAL in every transaction. Unset, it matches nothing.
 * The policy compares with `(SELECT smallpay.current_business())`: a sub-select is evaluated once per query
 * (an initplan), not once per row, and the function is SECURITY DEFINER so that it may read smallpay.roles
 * (with a fixed search_path, pg_temp last, so that no role can shadow what it reads).
 * USING filters what is read, updated and deleted; WITH CHECK refuses a row written for another business,
 * so a unique index (business_id, number) can never tell one business that another used a number.
 *
 * Every statement is idempotent (IF NOT EXISTS, OR REPLACE, DROP … IF EXISTS), so two first `init`s
 * racing, or an init-postgres run again, change nothing; the engine runs them in one transaction.
 */
import { BUSINESS_TABLES } from './tables.js';

/** Tables holding one business's rows each; `meta` (the schema's version) is shared and read-only to roles. */

/** Business roles may change these rows; the audit log is append-only for them (SELECT, INSERT). */
const WRITABLE_TABLES = BUSINESS_TABLES.filter((table) => table !== 'audit');

const CURRENT_BUSINESS = `CREATE OR REPLACE FUNCTION smallpay.current_business() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, smallpay, pg_temp AS $$
    SELECT COALESCE(
      (SELECT business_id FROM smallpay.roles WHERE role_name = session_user),
      NULLIF(current_setting('smallpay.business', true), ''))
  $$`;

function isolated(table: string): string[] {
  return [
    `ALTER TABLE smallpay.${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE smallpay.${table} FORCE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS business_rows ON smallpay.${table}`,
    `CREATE POLICY business_rows ON smallpay.${table}
      USING (business_id = (SELECT smallpay.current_business()))
      WITH CHECK (business_id = (SELECT smallpay.current_business()))`,
  ];
}

/**
 * The SQLite statements of a schema version (ddl.ts, the one table plan) as PostgreSQL's, in schema
 * `smallpay`: every table but meta gets `ord`, which keeps insertion order (documents keep their arrays'
 * order); INTEGER (SQLite's 64-bit) becomes BIGINT.
 */
export function postgresStatement(sqlite: string): string {
  return sqlite
    .replace(/^CREATE TABLE (\w+) \(/, (_, table: string) => `CREATE TABLE IF NOT EXISTS smallpay.${table} (${table === 'meta' ? '' : 'ord BIGSERIAL, '}`)
    .replace(/^CREATE (UNIQUE )?INDEX (\w+) ON (\w+) \(/, (_, unique: string | undefined, index: string, table: string) => `CREATE ${unique ?? ''}INDEX IF NOT EXISTS ${index} ON smallpay.${table} (`)
    .replace(/^ALTER TABLE (\w+) ADD COLUMN (\w+)/, (_, table: string, column: string) => `ALTER TABLE smallpay.${table} ADD COLUMN IF NOT EXISTS ${column}`)
    .replace(/^DROP INDEX (\w+)$/, (_, index: string) => `DROP INDEX IF EXISTS smallpay.${index}`)
    .replace(/\bINTEGER\b/g, 'BIGINT');
}

/** The tables of SQL schema version 1; version 2 added invoice_events. */
const VERSION_1_TABLES = BUSINESS_TABLES.filter((table) => table !== 'invoice_events');

/**
 * Business roles made before version 2 (smallpay.roles) are granted the new table and the sequence of its
 * `ord` column, as `--role` grants them to roles made since (businessRoleGrants). A mapping whose role was
 * dropped by hand is passed over: granting to it would fail the migration for every business.
 */
const GRANT_EVENTS_TO_ROLES = `DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT role_name FROM smallpay.roles JOIN pg_catalog.pg_roles ON rolname = role_name LOOP
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON smallpay.invoice_events TO %I', r.role_name);
      EXECUTE format('GRANT USAGE ON SEQUENCE smallpay.invoice_events_ord_seq TO %I', r.role_name);
    END LOOP;
  END $$`;

/** What PostgreSQL adds to each schema version: the schema itself, then the role mapping and row-level security. */
export const POSTGRES_ONLY: readonly { before: readonly string[]; after: readonly string[] }[] = [
  {
    before: [`CREATE SCHEMA IF NOT EXISTS smallpay`],
    after: [
      `CREATE TABLE IF NOT EXISTS smallpay.roles (role_name TEXT PRIMARY KEY, business_id TEXT NOT NULL)`,
      // The mapping is the owner's alone: business roles get no privilege on it, and PUBLIC none either.
      `REVOKE ALL ON smallpay.roles FROM PUBLIC`,
      CURRENT_BUSINESS,
      ...VERSION_1_TABLES.flatMap(isolated),
    ],
  },
  { before: [], after: [...isolated('invoice_events'), GRANT_EVENTS_TO_ROLES] },
];

/**
 * A migration's backfill reads and writes every business's rows (backfill.ts): the tables' owner, who alone
 * may migrate, is let past row-level security for it, in the migration's own transaction, and bound again
 * before it commits, so no other session ever sees the tables unforced.
 */
export const POSTGRES_BACKFILL = {
  before: ['invoices', 'invoice_events'].map((table) => `ALTER TABLE smallpay.${table} NO FORCE ROW LEVEL SECURITY`),
  after: ['invoices', 'invoice_events'].map((table) => `ALTER TABLE smallpay.${table} FORCE ROW LEVEL SECURITY`),
};

/** MIGRATIONS[n] takes the schema from version n to n + 1 (0: nothing yet), from SQLite's statements of each version. */
export function postgresMigrations(sqlite: readonly (readonly string[])[]): string[][] {
  return sqlite.map((statements, version) => [...(POSTGRES_ONLY[version]?.before ?? []), ...statements.map(postgresStatement), ...(POSTGRES_ONLY[version]?.after ?? [])]);
}

/** Two processes creating or migrating the schema at once (two first `init`s, two businesses after an upgrade) take turns on this advisory lock. */
export const SCHEMA_LOCK = 0x5350_0001;
export const POSTGRES_MIGRATION_LOCK = `SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`;

/** One row when the schema exists. */
export const POSTGRES_HAS_SCHEMA = `SELECT 1 AS found WHERE to_regclass('smallpay.meta') IS NOT NULL`;

/**
 * What a business role may do, granted by `store init-postgres --role` (identifiers quoted by the caller).
 * Row-level security then narrows every one of these to the role's own business.
 */
export function businessRoleGrants(role: string): string[] {
  return [
    `GRANT USAGE ON SCHEMA smallpay TO ${role}`,
    `GRANT SELECT ON smallpay.meta TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${WRITABLE_TABLES.map((table) => `smallpay.${table}`).join(', ')} TO ${role}`,
    `GRANT SELECT, INSERT ON smallpay.audit TO ${role}`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA smallpay TO ${role}`,
    `GRANT EXECUTE ON FUNCTION smallpay.current_business() TO ${role}`,
  ];
}
