/**
 * SQLite and PostgreSQL behind the store interface (store.ts, issue 13): one engine, plain SQL shared by
 * both dialects (DDL per dialect in ddl.ts), over a SqlDriver (driver.ts).
 *   read(scope)          one snapshot: the rows the scope names (read-rows.ts), validated as a document;
 *   update(change, scope) one serialised write transaction: read, change, validate what was read and
 *                        changed with the JSON engine's own rules, write back only the rows that changed
 *                        (write-rows.ts). A change that throws rolls everything back.
 * The SQL schema carries its version in meta.schema_version: created on the first write (PostgreSQL only
 * when asked to, by `init` or `store init-postgres`), migrated forward inside the write transaction, and
 * refused when newer than this program. Records are written in the current document schema; a business
 * whose rows are older (businesses.schema_version) is read whole, migrated like a JSON file, and rewritten.
 *   dashboardFacts       the dashboard's grouped sums in SQL (report-queries.ts), over derived columns.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { dashboardFacts } from '../../domain/reports/dashboard-facts.js';
import type { StoreDocument } from '../../domain/types.js';
import { StoreError } from '../errors.js';
import type { StoreLocator } from '../locator.js';
import { TooNewError, migrate } from '../migrations.js';
import { CURRENT_SCHEMA_VERSION, consistencyProblems, emptyDocument, InvalidDocumentError, schemaProblem, validateDocument } from '../schema.js';
import { type Change, type OpenOptions, type ScopeFrom, type Store, type StoreScope, Unchanged } from '../store.js';
import { BACKFILLS } from './backfill.js';
import { dialectSql } from './ddl.js';
import type { SqlDriver, SqlRunner } from './driver.js';
import { columnProblems, type LoadedRows, readRows } from './read-rows.js';
import { queryDashboardFacts } from './report-queries.js';
import { BUSINESS_TABLES, SQL_SCHEMA_VERSION } from './tables.js';
import { DuplicateRowError, insertDocument, isUniqueViolation, writeChanges } from './write-rows.js';

/** A SQLite file holds the books of one business. */
export const SQLITE_BUSINESS = 'default';

export async function openSqlStore(locator: StoreLocator, options: OpenOptions): Promise<Store> {
  if (locator.engine === 'json') throw new Error('openSqlStore: a JSON locator');
  const label = locator.label;
  const business = locator.engine === 'postgres' ? locator.business : SQLITE_BUSINESS;
  const sql = dialectSql(locator.engine);
  const mayCreateSchema = locator.engine === 'sqlite' || options.createSchema === true;

  let opened: Promise<SqlDriver> | undefined;
  const connect = (): Promise<SqlDriver> =>
    (opened ??=
      locator.engine === 'sqlite'
        ? import('./sqlite-driver.js').then(({ openSqliteDriver }) => openSqliteDriver({ path: locator.path, label, timeoutMs: options.timeoutMs }))
        : import('./postgres-driver.js').then(({ openPostgresDriver }) => openPostgresDriver(locator, options)));
  // A SQLite store not written yet reads as empty, and reading it creates nothing.
  const absent = () => locator.engine === 'sqlite' && !existsSync(locator.path);

  async function schemaVersion(tx: SqlRunner): Promise<number> {
    if ((await tx.query(sql.hasSchema)).length === 0) return 0;
    const [row] = await tx.query(`SELECT value FROM meta WHERE key = 'schema_version'`);
    return notNewer(row === undefined ? 0 : Number(row.value));
  }

  function notNewer(version: number): number {
    if (version > SQL_SCHEMA_VERSION) {
      throw new StoreError('too-new', `store ${label} was written by a newer SmallPay (SQL schema version ${version}; this one reads up to ${SQL_SCHEMA_VERSION})`, 'upgrade smallpay');
    }
    return version;
  }

  const noSchema = () => new StoreError('io', `store ${label} has no SmallPay schema`, 'create it with smallpay init or smallpay store init-postgres');

  /**
   * Creates or migrates the SQL schema inside a write transaction: all of it or, on failure, none.
   * `known`: the version the driver read inside this transaction as it began (driver.ts WriteBegun).
   */
  async function ensureSchema(tx: SqlRunner, known?: number): Promise<'created' | undefined> {
    let version = known !== undefined && notNewer(known) === SQL_SCHEMA_VERSION ? known : await schemaVersion(tx);
    if (version === SQL_SCHEMA_VERSION) return undefined;
    if (version === 0 && !mayCreateSchema) throw noSchema();
    if (version > 0 && sql.migrationLock !== undefined) {
      // Another business's writer may be migrating: take turns, and find the work done if it was first.
      await tx.query(sql.migrationLock);
      version = await schemaVersion(tx);
      if (version === SQL_SCHEMA_VERSION) return undefined;
    }
    try {
      for (let step = version; step < SQL_SCHEMA_VERSION; step += 1) {
        for (const statement of sql.migrations[step]!) await tx.query(statement);
        const backfill = BACKFILLS[step];
        if (version > 0 && backfill !== undefined) {
          for (const statement of sql.backfill.before) await tx.query(statement);
          await backfill(tx);
          for (const statement of sql.backfill.after) await tx.query(statement);
        }
      }
    } catch (error) {
      // PostgreSQL's "must be owner": a business role opened books whose schema this program must upgrade first.
      if (version > 0 && (error as { code?: unknown }).code === '42501') {
        throw new StoreError('io', `store ${label} needs its SQL schema upgraded from version ${version} to ${SQL_SCHEMA_VERSION}, which only the owner of its tables may do`, "run smallpay store init-postgres once with the owner's URL");
      }
      throw error;
    }
    await tx.query(`INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [String(SQL_SCHEMA_VERSION)]);
    return version === 0 ? 'created' : undefined;
  }

  /** The rows a scope names as a valid document of the current schema; throws a StoreError for damage. */
  async function readDocument(tx: SqlRunner, scope: StoreScope | ScopeFrom | undefined): Promise<{ rows: LoadedRows; doc: StoreDocument }> {
    const [versionRow] = await tx.query('SELECT schema_version FROM businesses WHERE business_id = $1', [business]);
    const version = versionRow === undefined ? CURRENT_SCHEMA_VERSION : Number(versionRow.schema_version);
    if (version > CURRENT_SCHEMA_VERSION) throw new StoreError('too-new', `store ${label} was ${new TooNewError(version).message}`, 'upgrade smallpay');
    // Older rows are migrated as one document, as a JSON file is, so they are read whole.
    const rows = await readRows(tx, business, version < CURRENT_SCHEMA_VERSION ? undefined : scope, sql.insertionOrder);
    const invalid = (problem: string) => new StoreError('corrupt', `store ${label} is invalid: ${problem}`, 'nothing was changed; smallpay verify lists every problem');
    if (rows.problems.length > 0) throw invalid(rows.problems[0]!);
    try {
      const doc = validateDocument(version < CURRENT_SCHEMA_VERSION ? migrate(rows.doc).json : rows.doc);
      return { rows, doc };
    } catch (error) {
      if (error instanceof InvalidDocumentError) throw invalid(error.message);
      throw error;
    }
  }

  /** A read snapshot, or undefined when there is nothing to read (no SQLite file, no schema). */
  async function reading<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T | undefined> {
    if (absent()) return undefined;
    const driver = await connect();
    // A PostgreSQL driver has just checked the version on connecting: no transaction of its own for it.
    const version = driver.openedAtVersion === SQL_SCHEMA_VERSION ? SQL_SCHEMA_VERSION : await driver.read(schemaVersion);
    if (version === 0) {
      if (locator.engine === 'postgres') throw noSchema();
      return undefined;
    }
    if (version < SQL_SCHEMA_VERSION) await driver.write((tx, begun) => ensureSchema(tx, begun.schemaVersion));
    return driver.read(work);
  }

  const store: Store = {
    engine: locator.engine,
    path: label,
    filesFolder: locator.engine === 'sqlite' ? dirname(locator.path) : (options.filesFolder ?? process.cwd()),
    async exists() {
      if (absent()) return false;
      try {
        // A SQLite file is one business's books once it has a schema; a PostgreSQL schema holds many.
        return await (await connect()).read(
          async (tx) =>
            (await schemaVersion(tx)) > 0 &&
            (locator.engine === 'sqlite' || (await tx.query('SELECT 1 AS found FROM businesses WHERE business_id = $1', [business])).length > 0),
        );
      } catch (error) {
        // A damaged file exists: `verify` goes on to report what is wrong with it.
        if (error instanceof StoreError && error.kind !== 'io' && locator.engine === 'sqlite') return true;
        throw error;
      }
    },
    async read(scope) {
      return (await reading(async (tx) => (await readDocument(tx, scope)).doc)) ?? emptyDocument();
    },
    async readForCheck() {
      try {
        const checked = await reading(async (tx) => {
          const rows = await readRows(tx, business, undefined, sql.insertionOrder);
          let json: unknown;
          try {
            json = migrate(rows.doc).json;
          } catch (error) {
            return { problems: [...rows.problems, (error as Error).message] };
          }
          const problem = schemaProblem(json);
          if (problem !== undefined) return { problems: [...rows.problems, problem] };
          const doc = json as StoreDocument;
          return { doc, problems: [...rows.problems, ...consistencyProblems(doc), ...(await columnProblems(tx, business, doc))] };
        });
        return checked ?? { doc: emptyDocument(), problems: [] };
      } catch (error) {
        if (error instanceof StoreError && (error.kind === 'corrupt' || error.kind === 'too-new')) return { problems: [error.message] };
        throw error;
      }
    },
    async update<T>(change: Change<T>, scope?: StoreScope | ScopeFrom): Promise<T> {
      const driver = await connect();
      const nothingWritten = Symbol('unchanged');
      let unchanged: T | undefined;
      const outcome = await driver.write(async (tx, begun) => {
        const created = await ensureSchema(tx, begun.schemaVersion);
        const { rows, doc } = await readDocument(tx, scope);
        const result = await change(doc);
        if (result instanceof Unchanged) {
          // Nothing is written, not even the schema of a store that did not exist yet: rolled back.
          if (created === undefined) return result.value;
          unchanged = result.value;
          throw nothingWritten;
        }
        try {
          validateDocument(doc);
        } catch (error) {
          throw new Error(`refusing to write an invalid store: ${(error as Error).message}`);
        }
        await refusingDuplicates(label, () => writeChanges(tx, business, rows, doc));
        return result;
      }).catch((error: unknown) => {
        if (error === nothingWritten) return unchanged as T;
        throw error;
      });
      return outcome as T;
    },
    async dashboardFacts(period, today) {
      const facts = await reading(async (tx) => {
        // Rows of an older document schema are read whole and migrated, as read() does, and summed by the domain.
        const [row] = await tx.query('SELECT schema_version FROM businesses WHERE business_id = $1', [business]);
        if (row !== undefined && Number(row.schema_version) !== CURRENT_SCHEMA_VERSION) return dashboardFacts((await readDocument(tx, undefined)).doc.invoices, period, today);
        return queryDashboardFacts(tx, business, period, today, sql.insertionOrder);
      });
      return facts ?? dashboardFacts([], period, today);
    },
    async isEmpty() {
      return !(await reading((tx) => holdsRows(tx, business)));
    },
    async load(doc) {
      try {
        validateDocument(doc);
      } catch (error) {
        throw new Error(`refusing to write an invalid store: ${(error as Error).message}`);
      }
      const driver = await connect();
      await driver.write(async (tx) => {
        await ensureSchema(tx);
        if (await holdsRows(tx, business)) throw new StoreError('io', `store ${label} is not empty`, 'copy into a new store');
        await refusingDuplicates(label, () => insertDocument(tx, business, doc));
      });
      // Best effort: the load has committed, and what these statements speed up is correct without them.
      for (const statement of sql.afterLoad) await driver.query(statement).catch(() => undefined);
    },
    async close() {
      const driver = opened;
      opened = undefined;
      if (driver !== undefined) await (await driver.catch(() => undefined))?.close();
    },
  };
  return store;
}

/** Whether any table holds a row of the business. */
async function holdsRows(tx: SqlRunner, business: string): Promise<boolean> {
  for (const table of BUSINESS_TABLES) {
    if ((await tx.query(`SELECT 1 AS found FROM ${table} WHERE business_id = $1 LIMIT 1`, [business])).length > 0) return true;
  }
  return false;
}

async function refusingDuplicates<T>(label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DuplicateRowError) throw new StoreError('io', `store ${label}: nothing was changed: ${error.message}`);
    if (isUniqueViolation(error)) {
      throw new StoreError('io', `store ${label}: nothing was changed: ${(error as Error).message}`);
    }
    throw error;
  }
}
