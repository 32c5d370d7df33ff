import { describe, expect, it } from 'vitest';
import { connectAsSuperuser, createTestDatabase, postgresAvailable } from '../support/postgres.js';

describe.skipIf(!postgresAvailable)('the PostgreSQL test server', () => {
  it('gives each caller a fresh database of its own on a real PostgreSQL 15 or later', async () => {
    const first = await createTestDatabase('harness');
    const second = await createTestDatabase('harness');
    expect(first).not.toBe(second);
    const client = await connectAsSuperuser(new URL(first).pathname.slice(1));
    try {
      const { rows } = await client.query<{ version: string; tables: string }>(
        "SELECT current_setting('server_version_num') AS version, (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')::text AS tables",
      );
      expect(Number(rows[0]!.version)).toBeGreaterThanOrEqual(150000);
      expect(rows[0]!.tables).toBe('0');
    } finally {
      await client.end();
    }
  });
});
