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

export interface SqlDriver extends SqlRunner {
  readonly dialect: Dialect;
  /**
   * One write transaction, serialised against every other writer of the same business:
   * SQLite BEGIN IMMEDIATE (with WAL and busy_timeout); PostgreSQL BEGIN, then the business row FOR UPDATE.
   * Commits when `work` resolves, rolls back when it throws.
   */
  write<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** A consistent read of several queries (one snapshot): BEGIN (READ ONLY on PostgreSQL) … COMMIT. */
  read<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
