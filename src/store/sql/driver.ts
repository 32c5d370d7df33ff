/**
 * What the SQL engine (sql-store.ts) needs of a database: SQLite through better-sqlite3, PostgreSQL through
 * pg. SQL is written once with $1, $2… placeholders; the SQLite driver rewrites them for its binding.
 * Each driver module is imported only for a store of its kind, so a missing or broken native build never
 * touches the JSON default.
 */
export type Dialect = 'sqlite' | 'postgres';

export type SqlValue = string | number | bigint | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlRunner {
  query<Row extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

/** What a write transaction learnt as it began, so that the engine need not ask again. */
export interface WriteBegun {
  /** meta.schema_version, read inside the transaction once it held the business's lock; undefined: not read. */
  schemaVersion?: number;
}

export interface SqlDriver extends SqlRunner {
  readonly dialect: Dialect;
  /**
   * meta.schema_version as the driver found it on connecting (PostgreSQL checks it then, refusing a newer
   * one), so that a read need not ask in a transaction of its own; undefined when not read.
   */
  readonly openedAtVersion?: number;
  /**
   * One write transaction, serialised against every other writer of the same business:
   * SQLite BEGIN IMMEDIATE (with WAL and busy_timeout); PostgreSQL BEGIN, then the business row FOR UPDATE.
   * Commits when `work` resolves, rolls back when it throws.
   */
  write<T>(work: (tx: SqlRunner, begun: WriteBegun) => Promise<T>): Promise<T>;
  /** A consistent read of several queries (one snapshot): BEGIN (READ ONLY on PostgreSQL) … COMMIT. */
  read<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
