/** Rows inserted in as few statements as the databases allow: `store copy`, migrations, an invoice's events. */
import type { SqlRunner, SqlValue } from './driver.js';

// SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535; rows go in batches below both.
const PARAMETERS_PER_STATEMENT = 30_000;

export async function insertMany(tx: SqlRunner, table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
  const perBatch = Math.max(1, Math.min(1000, Math.floor(PARAMETERS_PER_STATEMENT / columns.length)));
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const tuples = batch.map((_, index) => `(${placeholders(columns.length, index * columns.length + 1)})`).join(', ');
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples}`, batch.flat());
  }
}

export function placeholders(count: number, first: number): string {
  return Array.from({ length: count }, (_, index) => `$${first + index}`).join(', ');
}
