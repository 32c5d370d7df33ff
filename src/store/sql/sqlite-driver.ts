/**
 * The SQLite driver (driver.ts) on better-sqlite3 12.x, an optional dependency imported only here, only for
 * a SQLite store: a failed native build never breaks the JSON default.
 *   - WAL: readers never wait for the writer, and a write is one append to the log;
 *   - synchronous=FULL: the log is fsynced at every commit, so a power cut loses no committed write;
 *   - busy_timeout (SMALLPAY_LOCK_TIMEOUT): a writer waits for another instead of failing at once;
 *   - BEGIN IMMEDIATE takes the write lock before the transaction reads anything. A plain BEGIN reads
 *     first and fails with SQLITE_BUSY when it later tries to write after another writer committed (782
 *     of 800 concurrent transactions did, measured), since it cannot wait without deadlocking.
 * better-sqlite3 is synchronous; calls are wrapped in promises and queued, so one connection runs one
 * transaction at a time even when a command overlaps two.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { StoreError } from '../errors.js';
import { describeFsError, errorCode } from '../../platform/fs-errors.js';
import type { SqlDriver, SqlRow, SqlRunner, SqlValue } from './driver.js';

/** The part of better-sqlite3 used here. */
interface Statement {
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}
interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): unknown;
  pragma(sql: string): unknown;
  close(): unknown;
  readonly inTransaction: boolean;
}
type DatabaseConstructor = new (path: string, options: { timeout: number; fileMustExist?: boolean; nativeBinding?: string }) => Database;

export const SQLITE_MODULE = 'better-sqlite3';

/**
 * better-sqlite3's constructor, or a one-line StoreError saying how to install it.
 * Loaded with require, not import(): importing a CommonJS module has Node parse its source for named exports
 * first, about 13 ms of every SQLite command. Its native addon is named by path (`nativeBinding`) where the
 * usual build put it, sparing the `bindings` package's search of a dozen folders; else that search finds it.
 */
export async function loadSqliteModule(label: string, name: string = SQLITE_MODULE): Promise<{ Database: DatabaseConstructor; nativeBinding?: string }> {
  const require = createRequire(import.meta.url);
  try {
    const Database = require(name) as DatabaseConstructor;
    let nativeBinding: string | undefined;
    try {
      nativeBinding = require.resolve(`${name}/build/Release/better_sqlite3.node`);
    } catch {
      // Built elsewhere (a Debug build, say): better-sqlite3 looks for it itself.
    }
    return { Database, nativeBinding };
  } catch (error) {
    const reason = ((error as Error).message ?? String(error)).split('\n')[0];
    throw new StoreError('io', `store ${label}: SQLite support is not installed (${name} could not be loaded: ${reason}); install it with: npm install better-sqlite3@12`);
  }
}

export interface SqliteDriverOptions {
  path: string;
  label: string;
  timeoutMs: number;
  /** Module name, for tests of a missing installation. */
  module?: string;
}

/** Opens (creating, 0600 in folders 0700) the SQLite file. */
export async function openSqliteDriver(options: SqliteDriverOptions): Promise<SqlDriver> {
  const { Database, nativeBinding } = await loadSqliteModule(options.label, options.module);
  const { path, label } = options;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // SQLite would create the file with the umask's mode; its -wal and -shm files copy the main file's mode.
    closeSync(openSync(path, 'a', 0o600));
  } catch (error) {
    throw new StoreError('io', `cannot create store ${label}: ${describeFsError(error)}`);
  }
  let db: Database;
  try {
    db = new Database(path, { timeout: options.timeoutMs, ...(nativeBinding !== undefined && { nativeBinding }) });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw storeErrorOf(error, label, options.timeoutMs) ?? error;
  }

  const statements = new Map<string, { statement: Statement; order: number[] }>();
  const runner: SqlRunner = {
    async query<Row extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      let prepared = statements.get(sql);
      if (prepared === undefined) {
        const { text, order } = positional(sql);
        prepared = { statement: db.prepare(text), order };
        statements.set(sql, prepared);
      }
      const args = prepared.order.map((index) => params[index]);
      return (prepared.statement.reader ? prepared.statement.all(...args) : (prepared.statement.run(...args), [])) as Row[];
    },
  };

  /**
   * The query planner's statistics (sqlite_stat1), refreshed after each write, as SQLite advises for
   * short-lived connections: PRAGMA optimize runs ANALYZE, on a bounded sample, only on tables never analysed
   * or grown or shrunk much since (0x10000: every table, whatever this connection queried); else it costs
   * about a millisecond. Without statistics SQLite takes `business_id = ?`, the first column of every index,
   * to be selective, where a SQLite file holds one business: finding one invoice by id or number then read
   * every invoice (320 ms at 100,000 invoices, bench/engines.mjs) instead of searching two indexes.
   * Best effort: busy_timeout 0 gives up at once when another writer holds the lock; the next write retries.
   */
  const refreshStatistics = (): void => {
    try {
      db.pragma('busy_timeout = 0');
      db.pragma('optimize = 0x10002');
    } catch {
      // Statistics only guide the planner: a store busy now keeps its old ones.
    } finally {
      db.pragma(`busy_timeout = ${options.timeoutMs}`);
    }
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const transaction = <T>(begin: string, work: (tx: SqlRunner) => Promise<T>) =>
    serialised(async () => {
      try {
        db.exec(begin);
        const result = await work(runner);
        db.exec('COMMIT');
        if (begin === 'BEGIN IMMEDIATE') refreshStatistics();
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw storeErrorOf(error, label, options.timeoutMs) ?? error;
      }
    });

  return {
    dialect: 'sqlite',
    query: <Row extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]) =>
      serialised(() => runner.query<Row>(sql, params)).catch((error: unknown) => Promise.reject(storeErrorOf(error, label, options.timeoutMs) ?? error)),
    write: (work) => transaction('BEGIN IMMEDIATE', (tx) => work(tx, {})),
    read: (work) => transaction('BEGIN', work),
    close: () => serialised(async () => void db.close()),
  };
}

/** `$1 … $n` (the engine's placeholders) as SQLite's `?`, with the parameter each one takes. */
function positional(sql: string): { text: string; order: number[] } {
  const order: number[] = [];
  // Placeholders never occur inside the engine's string literals, but a literal is skipped whole anyway.
  const text = sql.replace(/'(?:[^']|'')*'|\$(\d+)/g, (match, index: string | undefined) => {
    if (index === undefined) return match;
    order.push(Number(index) - 1);
    return '?';
  });
  return { text, order };
}

/** SQLite's failures as the store's, one line naming the store; undefined for a constraint, which the engine words. */
function storeErrorOf(error: unknown, label: string, timeoutMs: number): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? errorCode(error) ?? '');
  const message = (error as Error | null)?.message ?? String(error);
  if (code.startsWith('SQLITE_CONSTRAINT')) return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError('locked', `store ${label} is busy: another process kept it locked for more than ${timeoutMs / 1000} s`, 'try again, or raise SMALLPAY_LOCK_TIMEOUT');
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError('corrupt', `store ${label} is not a SQLite database or is damaged: ${message}`, 'nothing was changed; restore a copy of your own');
  }
  if (code.startsWith('SQLITE_')) return new StoreError('io', `store ${label}: ${message}`);
  return undefined;
}
