/**
 * The built CLI on a SQLite store (issue 13): `sqlite:<path>` and a path ending .db name the same books;
 * numbers stay gapless under concurrent writers; damage and a missing better-sqlite3 exit 1 with one line.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliOptions, type Sandbox, baseEnv, collect, sandbox, seedBusiness } from '../support/cli.js';
import { Database as SqliteDatabase } from '../support/sqlite.js';

const Database = SqliteDatabase!;

let box: Sandbox;
let db: string;
/** The sandbox with SMALLPAY_STORE naming its SQLite file. */
let books: Sandbox;

describe.skipIf(SqliteDatabase === undefined)('the CLI on a SQLite store', () => {
  beforeAll(async () => {
    box = sandbox();
    db = join(box.home, 'books.db');
    const on = (options: CliOptions = {}): CliOptions => ({ ...options, env: { SMALLPAY_STORE: `sqlite:${db}`, ...options.env } });
    books = { ...box, store: db, run: (args, options) => box.run(args, on(options)), ok: (args, options) => box.ok(args, on(options)) };
    await seedBusiness(books);
  });
  afterAll(() => box.cleanup());

  it('keeps the books in the SQLite file: init, customers, invoices, payments, show, list, verify, report', async () => {
    expect(existsSync(box.store)).toBe(false);
    const issued = (await books.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Design', '--price', '1000', '--tax', '19'])).stdout.trim();
    expect(issued).toBe('INV-2026-0001');
    await books.ok(['invoice', 'pay', issued, '--amount', '500']);
    // The same file named by its extension.
    const show = await box.ok(['--store', db, 'invoice', 'show', issued, '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({ number: issued, status: 'partial', total: '1190.00', paid: '500.00', balance: '690.00' });
    const list = JSON.parse((await books.ok(['invoice', 'list', '--json'])).stdout) as { number: string; customer: { id: string } }[];
    expect(list.map((invoice) => [invoice.number, invoice.customer.id])).toEqual([[issued, 'globex']]);
    // Scoped reads: a number typed in lower case finds its row; a status filter loads only its rows.
    expect(JSON.parse((await books.ok(['invoice', 'show', issued.toLowerCase(), '--json'])).stdout)).toMatchObject({ number: issued });
    expect(JSON.parse((await books.ok(['invoice', 'list', '--status', 'partial', '--json'])).stdout)).toHaveLength(1);
    expect(JSON.parse((await books.ok(['invoice', 'list', '--status', 'overdue', '--json'], { env: { SMALLPAY_NOW: '2027-06-01' } })).stdout)).toHaveLength(1);
    expect(JSON.parse((await books.ok(['invoice', 'list', '--status', 'open', '--json'])).stdout)).toEqual([]);
    const verify = await books.run(['verify']);
    expect(verify.stderr).toBe(`Store ${db} verified: no problems\n`);
    expect(verify.code).toBe(0);
    const report = await books.ok(['report', '--json']);
    expect(JSON.stringify(JSON.parse(report.stdout))).toContain('500.00');

    const rows = new Database(db, { readonly: true });
    const stored = rows.prepare('SELECT number, status, paid, total, customer_id FROM invoices').all();
    expect(stored).toEqual([{ number: issued, status: 'partial', paid: 50000, total: 119000, customer_id: 'globex' }]);
    expect(rows.prepare('SELECT id FROM customers ORDER BY id').all()).toEqual([{ id: 'acme' }, { id: 'globex' }]);
    rows.close();
    expect(existsSync(box.store)).toBe(false);
  });

  it('8 processes creating 10 invoices each: numbers unique and gapless', async () => {
    const before = JSON.parse((await books.ok(['invoice', 'list', '--json'])).stdout) as unknown[];
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      const numbers: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const result = await books.run(['invoice', 'new', '--customer', 'acme', '--item', `writer ${writer} invoice ${i}`, '--price', `${writer + 1}.${i}0`]);
        expect(result.stderr).toMatch(/^Issued INV-2026-\d{4} /);
        expect(result.code).toBe(0);
        numbers.push(result.stdout.trim());
      }
      return numbers;
    });
    const reported = (await Promise.all(writers)).flat();
    const stored = JSON.parse((await books.ok(['invoice', 'list', '--json'])).stdout) as { number: string; items: { description: string }[] }[];
    expect(stored).toHaveLength(before.length + 80);
    expect(new Set(reported).size).toBe(80);
    expect(stored.map((invoice) => invoice.number).sort()).toEqual(Array.from({ length: stored.length }, (_, i) => `INV-2026-${String(i + 1).padStart(4, '0')}`));
    const descriptions = new Set(stored.map((invoice) => invoice.items[0]?.description));
    for (let writer = 0; writer < 8; writer += 1) for (let i = 0; i < 10; i += 1) expect(descriptions.has(`writer ${writer} invoice ${i}`)).toBe(true);
    expect((await books.run(['verify'])).code).toBe(0);
  });

  it('a damaged row: commands exit 1 with one line naming the store, verify lists the problem', async () => {
    const other = sandbox();
    try {
      const file = join(other.home, 'damaged.db');
      const on = { env: { SMALLPAY_STORE: file } };
      await other.ok(['init', '--name', 'Ada', '--email', 'ada@example.com'], on);
      await other.ok(['customer', 'add', '--id', 'globex', '--name', 'Globex', '--email', 'ap@globex.test'], on);
      const rows = new Database(file);
      rows.prepare(`UPDATE customers SET doc = '{"id": "globex", oops' WHERE id = 'globex'`).run();
      rows.close();
      const list = await other.run(['customer', 'list'], on);
      expect(list.code).toBe(1);
      expect(list.stderr.split('\n')[0]).toBe(`smallpay: store ${file} is invalid: customer 'globex': its stored JSON does not parse; nothing was changed; smallpay verify lists every problem`);
      const verify = await other.run(['verify'], on);
      expect(verify.code).toBe(1);
      expect(verify.stdout + verify.stderr).toContain("customer 'globex': its stored JSON does not parse");
    } finally {
      other.cleanup();
    }
  });

});

describe('the CLI where SQLite support is not installed', () => {
  it('without better-sqlite3 installed: exit 1 with one line saying how to install it, and JSON stores still work', async () => {
    // The built program without node_modules: better-sqlite3 cannot be resolved, as after a failed native build.
    const bare = mkdtempSync(join(tmpdir(), 'smallpay-bare-'));
    try {
      for (const part of ['bin', 'dist', 'package.json']) cpSync(join(dirname(dirname(BIN)), part), join(bare, part), { recursive: true });
      const run = (args: string[]) => collect(spawn(process.execPath, [join(bare, 'bin', 'smallpay.js'), ...args], { env: baseEnv(bare), cwd: bare, stdio: ['ignore', 'pipe', 'pipe'] }));
      const sqlite = await run(['--store', join(bare, 'books.db'), 'init', '--name', 'Ada', '--email', 'ada@example.com']);
      expect(sqlite.code).toBe(1);
      expect(sqlite.stderr).toMatch(/^smallpay: store .*books\.db: SQLite support is not installed \(better-sqlite3 could not be loaded: .*\); install it with: npm install better-sqlite3@12\n$/);
      expect(existsSync(join(bare, 'books.db'))).toBe(false);
      const json = await run(['--store', join(bare, 'books.json'), 'init', '--name', 'Ada', '--email', 'ada@example.com']);
      expect(json.code).toBe(0);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
