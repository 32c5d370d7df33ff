/**
 * Issue 9 items 1 and 14: a store edited by hand (or restored from elsewhere) is untrusted. Numbers and ids
 * that would lead a file out of its folder, and texts that would rewrite the terminal, are refused when the
 * store is loaded and listed by `verify`; nothing is written anywhere.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  await seedBusiness(box);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Design work', '--qty', '2', '--price', '100', '--tax', '19']);
  await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Draft work', '--price', '50', '--draft']);
});
afterEach(() => box.cleanup());

function editStore(change: (doc: any) => void): string {
  const doc = JSON.parse(readFileSync(box.store, 'utf8'));
  change(doc);
  const text = JSON.stringify(doc);
  writeFileSync(box.store, text);
  return text;
}

const ESC = '\x1b';

describe('names that would leave their folder', () => {
  it('refuses a number ../elsewhere/pwned and a draft id ../../evil at load, writing no PDF anywhere', async () => {
    const edited = editStore((doc) => {
      doc.invoices[0].number = '../elsewhere/pwned';
      doc.invoices[1].id = '../../evil';
    });
    const result = await box.run(['invoice', 'pdf', '--all']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^smallpay: store .* is invalid: invoices\[0\]\.number: '\.\.\/elsewhere\/pwned' is not an invoice number \(letters, digits, .*\n$/);
    expect(existsSync(join(box.home, 'pdf'))).toBe(false);
    expect(existsSync(join(box.home, '..', 'elsewhere'))).toBe(false);
    expect(readdirSync(box.home).filter((name) => name.endsWith('.pdf'))).toEqual([]);
    expect(readFileSync(box.store, 'utf8')).toBe(edited);
  });

  it('lists both in verify, with exit 1', async () => {
    editStore((doc) => {
      doc.invoices[0].number = '../elsewhere/pwned';
      doc.invoices[1].id = '../../evil';
    });
    const result = await box.run(['verify', '--json']);
    expect(result.code).toBe(1);
    const schema = JSON.parse(result.stdout).checks.find((check: { name: string }) => check.name === 'schema');
    expect(schema.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^invoices\[0\]\.number: '\.\.\/elsewhere\/pwned' is not an invoice number/), expect.stringMatching(/^invoices\[1\]\.id: '\.\.\/\.\.\/evil' is not an id/)]),
    );
  });

  it('refuses a number format X/{SEQ}, set by config or by hand', async () => {
    const set = await box.run(['config', 'set', 'numberFormat', 'X/{SEQ}']);
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(/^smallpay: numberFormat: 'X\/\{SEQ\}' may hold only letters, digits, .*\n$/);
    editStore((doc) => (doc.business.numberFormat = 'X/{SEQ}'));
    const issued = await box.run(['invoice', 'new', '--customer', 'globex', '--item', 'More', '--price', '1']);
    expect(issued.code).toBe(1);
    expect(issued.stderr).toMatch(/is invalid: business\.numberFormat: 'X\/\{SEQ\}' may hold only/);
    expect((await box.run(['verify'])).stdout).toMatch(/FAILED  schema\n {8}business\.numberFormat: /);
  });
});

describe('"\\x1b[2J" never reaches the terminal (issue 9 item 14)', () => {
  it('is refused at input: customer add, invoice new, config set', async () => {
    for (const args of [
      ['customer', 'add', '--name', `Evil${ESC}[2J`, '--email', 'evil@x.test'],
      ['customer', 'add', '--name', 'Evil', '--email', 'evil@x.test', '--address', `Street\u2028${ESC}[2J`],
      ['invoice', 'new', '--customer', 'globex', '--item', `Work${ESC}[2J`, '--price', '1'],
      ['invoice', 'new', '--customer', 'globex', '--item', 'Work\u0085', '--price', '1'],
      ['invoice', 'new', '--customer', 'globex', '--item', 'Work', '--price', '1', '--note', 'pay \u202Eot'],
      ['config', 'set', 'pdf.footer', `Bye${ESC}[2J\x07`],
      ['invoice', 'show', `INV${ESC}[2J`],
    ]) {
      const before = readFileSync(box.store, 'utf8');
      const result = await box.run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^smallpay: [^\n]*\n$/);
      expect(result.stdout + result.stderr).not.toMatch(/[\x1b\x07\u0085\u2028\u202e]/);
      expect(readFileSync(box.store, 'utf8')).toBe(before);
    }
  });

  it('in a hand-edited store, is refused at load by invoice show and customer list, and listed by verify', async () => {
    editStore((doc) => {
      doc.invoices[0].items[0].description = `Work${ESC}[2J`;
      doc.customers[0].name = `Globex${ESC}[2J`;
    });
    for (const args of [['invoice', 'show', 'INV-2026-0001'], ['customer', 'list'], ['invoice', 'list']]) {
      const result = await box.run(args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^smallpay: store .* is invalid: customers\[0\]\.name: holds the control character U\+001B; /);
      expect(result.stderr).not.toContain(ESC);
    }
    const verify = await box.run(['verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('invoices[0].items[0].description: holds the control character U+001B');
    expect(verify.stdout + verify.stderr).not.toContain(ESC);
  });
});
