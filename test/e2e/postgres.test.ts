/**
 * The built CLI on a real PostgreSQL server (issue 13): one-line errors naming the store without its
 * password; init-postgres and its business roles, held to their own books; 8 writers at once; and two
 * "machines" (working folders and clocks of their own) sharing one business's books.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQL_SCHEMA_VERSION } from '../../src/store/sql/tables.js';
import { type CliResult, collect, spawnCli } from '../support/cli.js';
import { createTestDatabase, postgresAvailable, withDatabase } from '../support/postgres.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp.js';

const homes: string[] = [];
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

/** A machine: a working folder (its HOME, so its data directory too) and a clock of its own. */
function machine(store: string, now = '2026-11-25', env: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'smallpay-pg-e2e-'));
  homes.push(home);
  const run = (args: readonly string[], extra: Record<string, string> = {}): Promise<CliResult> =>
    collect(spawnCli(args, { home, env: { SMALLPAY_STORE: store, SMALLPAY_NOW: now, ...env, ...extra } }));
  const ok = async (args: readonly string[], extra: Record<string, string> = {}) => {
    const result = await run(args, extra);
    if (result.code !== 0) throw new Error(`smallpay ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result;
  };
  return { home, run, ok };
}

function business(url: string, id: string): string {
  const withBusiness = new URL(url);
  withBusiness.searchParams.set('business', id);
  return withBusiness.toString();
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function seed(box: ReturnType<typeof machine>): Promise<void> {
  await box.ok(['init', '--name', 'Ada Consulting', '--email', 'ada@example.com', '--tax-id', 'DE123456789', '--country', 'DE']);
  await box.ok(['customer', 'add', '--id', 'globex', '--name', 'Globex GmbH', '--email', 'ap@globex.test', '--lang', 'de']);
}

const expectOneLine = (result: CliResult, password: string) => {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toContain(password);
};

describe.skipIf(!postgresAvailable)('smallpay on PostgreSQL', () => {
  let url: string;
  beforeAll(async () => {
    url = await createTestDatabase('e2e_postgres');
  });

  describe('bad stores exit 1 with one line naming the store, never its password', () => {
    it('an unreachable server', async () => {
      const port = await closedPort();
      const result = await machine(`postgres://ada:hunter2secret@127.0.0.1:${port}/books?business=acme`).run(['invoice', 'list']);
      expectOneLine(result, 'hunter2secret');
      expect(result.stderr).toMatch(new RegExp(`^smallpay: cannot reach store postgres://ada@127\\.0\\.0\\.1:${port}/books \\(business acme\\): ECONNREFUSED`));
    });

    it('wrong credentials', async () => {
      const wrong = new URL(url);
      wrong.password = 'not-the-password';
      const result = await machine(business(wrong.toString(), 'acme')).run(['customer', 'list']);
      expectOneLine(result, 'not-the-password');
      expect(result.stderr).toMatch(/^smallpay: store postgres:\/\/postgres@127\.0\.0\.1:\d+\/e2e_postgres_\w+ \(business acme\): the server refused the credentials of user postgres\n$/);
    });

    it('a database without the schema; init-postgres creates it, twice changes nothing', async () => {
      const empty = await createTestDatabase('e2e_noschema');
      const box = machine(business(empty, 'acme'));
      const result = await box.run(['invoice', 'list']);
      expectOneLine(result, new URL(url).password);
      expect(result.stderr).toMatch(/has no smallpay schema yet; run smallpay store init-postgres/);
      for (let i = 0; i < 2; i += 1) {
        const init = await box.ok(['store', 'init-postgres', '--json']);
        expect(JSON.parse(init.stdout)).toMatchObject({ business: 'acme', schemaVersion: SQL_SCHEMA_VERSION, role: null });
        expect(init.stdout).not.toContain(new URL(url).password);
      }
      expect((await box.ok(['invoice', 'list', '--json'])).stdout).toBe('[]\n');
    });

    it('a schema newer than the program', async () => {
      const newer = await createTestDatabase('e2e_newer');
      const box = machine(business(newer, 'acme'));
      await box.ok(['store', 'init-postgres']);
      const client = new pg.Client({ connectionString: newer });
      await client.connect();
      await client.query(`UPDATE smallpay.meta SET value = $1 WHERE key = 'schema_version'`, [String(SQL_SCHEMA_VERSION + 1)]);
      await client.end();
      const result = await box.run(['invoice', 'list']);
      expectOneLine(result, new URL(url).password);
      expect(result.stderr).toMatch(new RegExp(`\\(business acme\\) has SQL schema version ${SQL_SCHEMA_VERSION + 1}, newer than this smallpay understands \\(${SQL_SCHEMA_VERSION}\\); upgrade smallpay\n$`));
    });

    it('init-postgres refuses a file store and a role without a password variable (exit 2)', async () => {
      const file = machine(join(tmpdir(), 'not-here.json'));
      expect((await file.run(['store', 'init-postgres'])).stderr).toMatch(/works on a PostgreSQL store/);
      const box = machine(business(url, 'acme'));
      const missing = await box.run(['store', 'init-postgres', '--role', 'smallpay_x', '--password-env', 'NO_SUCH_VARIABLE']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/NO_SUCH_VARIABLE: that environment variable is not set/);
    });
  });

  describe('a role per business', () => {
    let dbUrl: string;
    let asA: ReturnType<typeof machine>;
    const database = () => new URL(dbUrl).pathname.slice(1);
    const roleUrl = (role: string, password: string, id: string) => business(withDatabase(dbUrl, database(), { user: role, password }), id);

    beforeAll(async () => {
      dbUrl = await createTestDatabase('e2e_roles');
      for (const id of ['a', 'b']) {
        const owner = machine(business(dbUrl, id), '2026-11-25', { ROLE_PASSWORD: `pw-${id}-secret` });
        const made = await owner.ok(['store', 'init-postgres', '--role', `e2e_${id}`, '--password-env', 'ROLE_PASSWORD', '--json']);
        expect(JSON.parse(made.stdout).role).toEqual({ name: `e2e_${id}`, created: true });
      }
      // B's books are made by the owner; A's by A's own role.
      const ownerB = machine(business(dbUrl, 'b'));
      await seed(ownerB);
      await ownerB.ok(['invoice', 'new', '--customer', 'globex', '--item', 'B work', '--price', '500']);
      asA = machine(roleUrl('e2e_a', 'pw-a-secret', 'a'));
      await seed(asA);
      await asA.ok(['invoice', 'new', '--customer', 'globex', '--item', 'A work', '--price', '100']);
    });

    it("A's credentials open A's books, and fail for B's in one line", async () => {
      const own = JSON.parse((await asA.ok(['invoice', 'list', '--json'])).stdout) as { items: { description: string }[] }[];
      expect(own.map((invoice) => invoice.items[0]!.description)).toEqual(['A work']);
      // The password may come from PGPASSWORD instead of the URL, as the CI examples in docs/automation.md do.
      const withoutPassword = new URL(roleUrl('e2e_a', 'unused', 'a'));
      withoutPassword.password = '';
      const fromEnv = await machine(withoutPassword.toString(), '2026-11-25', { PGPASSWORD: 'pw-a-secret' }).ok(['invoice', 'list', '--json']);
      expect(JSON.parse(fromEnv.stdout)).toHaveLength(1);
      const other = await machine(roleUrl('e2e_a', 'pw-a-secret', 'b')).run(['invoice', 'list', '--json']);
      expectOneLine(other, 'pw-a-secret');
      expect(other.stderr).toMatch(/\(business b\): user e2e_a may open only business a's books\n$/);
      const env = await machine(withDatabase(dbUrl, database(), { user: 'e2e_a', password: 'pw-a-secret' }), '2026-11-25', { SMALLPAY_BUSINESS: 'b' }).run([
        'invoice',
        'pay',
        'INV-2026-0001',
      ]);
      expect(env.code).toBe(1);
    });

    it("A's role, in a query of its own, gets none of B's rows and changes none", async () => {
      const client = new pg.Client({ connectionString: withDatabase(dbUrl, database(), { user: 'e2e_a', password: 'pw-a-secret' }) });
      await client.connect();
      try {
        await client.query(`SELECT set_config('smallpay.business', 'b', false)`);
        const seen = await client.query(`SELECT business_id, number FROM smallpay.invoices ORDER BY business_id`);
        expect(seen.rows).toEqual([{ business_id: 'a', number: 'INV-2026-0001' }]);
        expect((await client.query(`UPDATE smallpay.invoices SET status = 'paid' WHERE business_id = 'b'`)).rowCount).toBe(0);
        expect((await client.query(`DELETE FROM smallpay.customers WHERE business_id = 'b'`)).rowCount).toBe(0);
        await expect(client.query(`INSERT INTO smallpay.sequences (business_id, series, last) VALUES ('b', 'INV-2026-{SEQ}', 0)`)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await client.end();
      }
      const ownerB = machine(business(dbUrl, 'b'));
      const b = JSON.parse((await ownerB.ok(['invoice', 'list', '--json'])).stdout) as { status: string; items: { description: string }[] }[];
      expect(b.map((invoice) => [invoice.items[0]!.description, invoice.status])).toEqual([['B work', 'open']]);
      expect((await ownerB.run(['verify'])).code).toBe(0);
    });

    it("A's role sees only A's money events, and A's dashboard (summed in SQL) only A's money", async () => {
      await asA.ok(['invoice', 'pay', 'INV-2026-0001']);
      const ownerB = machine(business(dbUrl, 'b'));
      await ownerB.ok(['invoice', 'pay', 'INV-2026-0001']);
      const client = new pg.Client({ connectionString: withDatabase(dbUrl, database(), { user: 'e2e_a', password: 'pw-a-secret' }) });
      await client.connect();
      try {
        await client.query(`SELECT set_config('smallpay.business', 'b', false)`);
        expect((await client.query(`SELECT business_id, kind FROM smallpay.invoice_events`)).rows).toEqual([{ business_id: 'a', kind: 'payment' }]);
      } finally {
        await client.end();
      }
      const dashboardOf = async (box: typeof asA) => (JSON.parse((await box.ok(['report', '--json'])).stdout) as { currencies: { received: { count: number }; invoiced: { count: number } }[] }).currencies;
      for (const box of [asA, ownerB]) expect((await dashboardOf(box)).map((c) => [c.invoiced.count, c.received.count])).toEqual([[1, 1]]);
    });
  });

  it('a database owned by an ordinary role, as on a managed service: the owner too is bound to the business it names', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = `owned_${Math.random().toString(36).slice(2, 10)}`;
    try {
      await admin.query(`CREATE ROLE ${name} LOGIN CREATEROLE PASSWORD 'owner-secret'`);
      await admin.query(`CREATE DATABASE ${name} OWNER ${name}`);
    } finally {
      await admin.end();
    }
    const ownerUrl = withDatabase(url, name, { user: name, password: 'owner-secret' });
    for (const id of ['c', 'd']) {
      const owner = machine(business(ownerUrl, id), '2026-11-25', { ROLE_PASSWORD: `pw-${id}` });
      await owner.ok(['store', 'init-postgres', '--role', `${name}_${id}`, '--password-env', 'ROLE_PASSWORD']);
      await seed(owner);
      await owner.ok(['invoice', 'new', '--customer', 'globex', '--item', `${id} work`, '--price', '10']);
      const listed = JSON.parse((await owner.ok(['invoice', 'list', '--json'])).stdout) as { number: string; items: { description: string }[] }[];
      expect(listed.map((invoice) => [invoice.number, invoice.items[0]!.description])).toEqual([['INV-2026-0001', `${id} work`]]);
    }
    const asOwner = new pg.Client({ connectionString: ownerUrl });
    await asOwner.connect();
    try {
      // FORCE ROW LEVEL SECURITY: without naming a business, the owner sees no rows at all.
      expect((await asOwner.query('SELECT count(*)::int AS n FROM smallpay.invoices')).rows).toEqual([{ n: 0 }]);
      await asOwner.query(`SELECT set_config('smallpay.business', 'd', false)`);
      expect((await asOwner.query('SELECT business_id, number FROM smallpay.invoices')).rows).toEqual([{ business_id: 'd', number: 'INV-2026-0001' }]);
    } finally {
      await asOwner.end();
    }
    const roleC = machine(business(withDatabase(ownerUrl, name, { user: `${name}_c`, password: 'pw-c' }), 'c'));
    expect(JSON.parse((await roleC.ok(['invoice', 'list', '--json'])).stdout)).toHaveLength(1);
  });

  it('8 processes creating 10 invoices each: numbers unique and gapless', async () => {
    const store = business(url, 'busy');
    await seed(machine(store));
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      const box = machine(store);
      const numbers: string[] = [];
      for (let i = 0; i < 10; i += 1) numbers.push((await box.ok(['invoice', 'new', '--customer', 'globex', '--item', `w${writer} i${i}`, '--price', '10'])).stdout.trim());
      return numbers;
    });
    const reported = (await Promise.all(writers)).flat();
    const stored = JSON.parse((await machine(store).ok(['invoice', 'list', '--json'])).stdout) as { number: string }[];
    const expected = Array.from({ length: 80 }, (_, i) => `INV-2026-${String(i + 1).padStart(4, '0')}`);
    expect(stored.map((invoice) => invoice.number).sort()).toEqual(expected);
    expect([...reported].sort()).toEqual(expected);
    // 80 processes: generous on a busy two-core machine.
  }, 180_000);

  it('writers killed with SIGKILL at any moment: no gap, no half-written invoice, and every reported number stored', async () => {
    const store = business(url, 'killed');
    const box = machine(store);
    await seed(box);
    const reported: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const children = Array.from({ length: 6 }, (_, i) => {
        const child = spawnCli(['invoice', 'new', '--customer', 'globex', '--item', `r${round} w${i}`, '--price', '10'], {
          home: box.home,
          env: { SMALLPAY_STORE: store, SMALLPAY_NOW: '2026-11-25' },
        });
        // Spread over start-up, connection and the write itself.
        setTimeout(() => child.kill('SIGKILL'), 100 + i * 250);
        return collect(child);
      });
      for (const result of await Promise.all(children)) if (result.code === 0) reported.push(result.stdout.trim());
    }
    const stored = JSON.parse((await box.ok(['invoice', 'list', '--json'])).stdout) as { number: string }[];
    const numbers = stored.map((invoice) => invoice.number).sort();
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => `INV-2026-${String(i + 1).padStart(4, '0')}`));
    for (const number of reported) expect(numbers).toContain(number);
    expect((await box.run(['verify'])).code).toBe(0);
    // Nothing is left locked: the next writer goes straight on.
    expect((await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'after', '--price', '1'])).stdout.trim()).toBe(`INV-2026-${String(numbers.length + 1).padStart(4, '0')}`);
  });

  describe('two machines sharing the books', () => {
    let smtp: SmtpSink;
    beforeAll(async () => {
      smtp = await startSmtpSink();
    });
    afterAll(() => smtp.stop());

    it('one runs recurring run --send (twice at once) while the other records payments and issues invoices: nothing lost, numbered twice or emailed twice', async () => {
      const store = business(url, 'shared');
      const laptop = machine(store, '2026-11-25');
      const ci = machine(store, '2026-12-01');
      await seed(laptop);
      for (let k = 0; k < 3; k += 1) {
        await laptop.ok(['recurring', 'add', '--customer', 'globex', '--item', `S${k} {period}`, '--price', '100', '--every', 'month', '--day', '1', '--start', '2026-07-01']);
      }
      const open: string[] = [];
      for (let i = 0; i < 6; i += 1) open.push((await laptop.ok(['invoice', 'new', '--customer', 'globex', '--item', `before ${i}`, '--price', '50'])).stdout.trim());

      const runs = [0, 1].map(() => ci.run(['recurring', 'run', '--send', '--json'], { SMALLPAY_SMTP_URL: smtp.url }));
      const laptopWork = (async () => {
        const issued: string[] = [];
        for (let i = 0; i < 6; i += 1) {
          await laptop.ok(['invoice', 'pay', open[i]!]);
          issued.push((await laptop.ok(['invoice', 'new', '--customer', 'globex', '--item', `during ${i}`, '--price', '70'])).stdout.trim());
        }
        return issued;
      })();
      const [first, second] = await Promise.all(runs);
      const issuedDuring = await laptopWork;
      expect(first!.code, first!.stderr).toBe(0);
      expect(second!.code, second!.stderr).toBe(0);

      type Run = { created: { number: string; period: string; schedule: string }[]; sent: { number: string }[] };
      const summaries = [first!, second!].map((result) => JSON.parse(result.stdout) as Run);
      const created = summaries.flatMap((summary) => summary.created);
      const sent = summaries.flatMap((summary) => summary.sent.map((s) => s.number));
      // 3 schedules × July to December: each period issued once, by one of the two runs.
      expect(created).toHaveLength(18);
      expect(new Set(created.map((c) => `${c.schedule} ${c.period}`)).size).toBe(18);
      expect([...sent].sort()).toEqual(created.map((c) => c.number).sort());

      const invoices = JSON.parse((await laptop.ok(['invoice', 'list', '--json'])).stdout) as { number: string; status: string; items: { description: string }[] }[];
      expect(invoices).toHaveLength(6 + 18 + 6);
      expect(invoices.map((invoice) => invoice.number).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `INV-2026-${String(i + 1).padStart(4, '0')}`));
      const byNumber = new Map(invoices.map((invoice) => [invoice.number, invoice]));
      for (const number of open) expect(byNumber.get(number)?.status).toBe('paid');
      for (const [i, number] of issuedDuring.entries()) expect(byNumber.get(number)?.items[0]?.description).toBe(`during ${i}`);

      const subjects = smtp.received.map((received) => received.mail.subject ?? '');
      expect(subjects).toHaveLength(18);
      expect(new Set(subjects).size).toBe(18);
      expect(subjects.map((subject) => subject.match(/INV-2026-\d{4}/)?.[0]).sort()).toEqual([...sent].sort());
      expect((await ci.run(['verify'])).code).toBe(0);
    }, 180_000);
  });
});
