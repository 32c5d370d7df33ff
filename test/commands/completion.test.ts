/**
 * What `smallpay __complete` offers, from the real command tree and a store file written here: verbs, flags,
 * option and argument values, with the words as each shell hands them over.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCommand } from '../../src/cli/command-tree.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { type Shell, complete, completeCommandLine, completionLines } from '../../src/commands/completion/complete.js';
import { GLANCE_MAX_BYTES, glanceAtStore } from '../../src/store/peek.js';

const io: Io = { out: { write: () => true }, err: { write: () => true }, readStdin: async () => '', stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, color: false, columns: 80 };
const program = buildProgram(io, () => Promise.reject(new Error('no command runs')));
const tree = describeCommand(program);

const folder = mkdtempSync(join(tmpdir(), 'smallpay-complete-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const store = join(folder, 'store.json');
writeFileSync(
  store,
  JSON.stringify({
    schemaVersion: 4,
    customers: [{ id: 'globex', name: 'Globex GmbH' }, { id: 'acme', name: 'ACME Corp.' }],
    invoices: [
      { id: 'inv_aaaa', number: 'INV-2026-0001', status: 'open', customer: { id: 'globex', name: 'Globex GmbH' } },
      { id: 'inv_bbbb', number: 'INV-2026-0002', status: 'paid', customer: { id: 'acme', name: 'ACME Corp.' } },
      { id: 'inv_draft', number: null, status: 'draft', customer: { id: 'acme', name: 'ACME Corp.' } },
    ],
    recurring: [{ id: 'sch_monthly', customer: 'globex' }],
  }),
);
const other = join(folder, 'other.json');
writeFileSync(other, JSON.stringify({ customers: [{ id: 'initech', name: 'Initech' }], invoices: [] }));

const env = { SMALLPAY_STORE: store, HOME: folder };
const values = (line: string, shell: Shell = 'bash', environment: Record<string, string> = env) => {
  const words = line.split(' ');
  return completionLines(shell, complete(tree, words, environment)).map((entry) => entry.split('\t')[0]!);
};

describe('commands and flags', () => {
  it('offers the top-level commands, including completion and help, but not the hidden __complete', () => {
    const top = values('smallpay ');
    expect(top).toEqual(expect.arrayContaining(['init', 'customer', 'invoice', 'report', 'export', 'completion', 'help']));
    expect(top.some((word) => word.startsWith('__'))).toBe(false);
  });

  it('completes nested verbs by prefix', () => {
    expect(values('smallpay invoice pa')).toEqual(['pay']);
    expect(values('smallpay inv')).toEqual(['invoice']);
    expect(values('smallpay report st')).toEqual(['statement']);
  });

  it("offers a verb's flags, its parents' global flags and --help, not --version", () => {
    const flags = values('smallpay invoice list --');
    expect(flags).toEqual(expect.arrayContaining(['--status', '--customer', '--json', '--store', '--no-color', '--help']));
    expect(flags).not.toContain('--version');
    expect(flags).not.toContain('--amount');
    expect(values('smallpay --')).toContain('--version');
  });

  it('leaves out a flag without value already given, keeps those that take one', () => {
    expect(values('smallpay invoice list --json --j')).toEqual([]);
    expect(values('smallpay invoice new --item x --it')).toEqual(['--item']);
  });

  it('offers the flags where a command takes no argument and the word is empty', () => {
    expect(values('smallpay invoice list ')).toContain('--status');
  });

  it('offers declared choices and the commands after help', () => {
    expect(values('smallpay completion ')).toEqual(['bash', 'zsh', 'fish']);
    expect(values('smallpay help inv')).toEqual(['invoice']);
  });
});

describe('values from the store', () => {
  it('completes customer ids for --customer and for customer arguments, with names for zsh and fish', () => {
    expect(values('smallpay invoice new --customer ')).toEqual(['globex', 'acme']);
    expect(values('smallpay customer show g')).toEqual(['globex']);
    expect(values('smallpay report statement ')).toEqual(['globex', 'acme']);
    expect(completionLines('fish', complete(tree, ['smallpay', 'customer', 'edit', 'a'], env))).toEqual(['acme\tACME Corp.']);
  });

  it('completes invoice numbers (drafts by id) for invoice verbs, drafts alone for issue', () => {
    expect(values('smallpay invoice pay ')).toEqual(['INV-2026-0001', 'INV-2026-0002', 'inv_draft']);
    expect(values('smallpay invoice pay INV-2026-0001 --amount 5 --method ')).toEqual([]);
    expect(values('smallpay invoice pdf INV-2026-0001 INV')).toEqual(['INV-2026-0001', 'INV-2026-0002']);
    expect(values('smallpay invoice issue ')).toEqual(['inv_draft']);
    expect(values('smallpay send INV-2026-000')).toEqual(['INV-2026-0001', 'INV-2026-0002']);
  });

  it('completes schedule ids and setting keys', () => {
    expect(values('smallpay recurring show ')).toEqual(['sch_monthly']);
    expect(values('smallpay config set pdf.t')).toEqual(['pdf.template']);
  });

  it('offers setting keys only for the <key> argument of config, not for an option whose value is called key', () => {
    // report customers --sort <key> takes outstanding, revenue or late, not a setting
    expect(values('smallpay report customers --sort ')).toEqual([]);
    expect(values('smallpay report customers --sort=', 'zsh')).toEqual([]);
  });

  it("a second argument without a kind offers nothing (invoice unpay <invoice> <payment>)", () => {
    expect(values('smallpay invoice unpay INV-2026-0001 ')).toEqual([]);
  });

  it('--customer=glo: bash split the word at "=", so the value alone; zsh and fish get the whole word back', () => {
    expect(values('smallpay invoice list --customer = g')).toEqual(['globex']);
    expect(values('smallpay invoice list --customer =')).toEqual(['globex', 'acme']);
    expect(values('smallpay invoice list --customer=g', 'zsh')).toEqual(['--customer=globex']);
  });

  it('reads the store the command line names: --store, --store=, SMALLPAY_STORE=… before the command, ~ as home', () => {
    expect(values(`smallpay --store ${other} invoice new --customer `)).toEqual(['initech']);
    expect(values(`smallpay invoice new --store=${other} --customer `)).toEqual(['initech']);
    expect(values(`smallpay invoice new --store = ${other} --customer `)).toEqual(['initech']);
    expect(values(`SMALLPAY_STORE=${other} smallpay invoice new --customer `)).toEqual(['initech']);
    expect(values('smallpay --store ~/other.json invoice new --customer ')).toEqual(['initech']);
  });

  it('asks the shell for file names where an option or argument is a path', () => {
    expect(completionLines('bash', complete(tree, ['smallpay', 'invoice', 'pdf', '--out', ''], env))).toEqual([':files']);
    expect(completionLines('bash', complete(tree, ['smallpay', '--store', ''], env))).toEqual([':files']);
  });

  it('completes file names for both files of import invoices: <file> [payments-file] or --payments <file>', () => {
    for (const words of [['import', 'invoices', ''], ['import', 'invoices', 'inv.csv', ''], ['import', 'invoices', 'inv.csv', '--payments', '']]) {
      expect(completionLines('bash', complete(tree, ['smallpay', ...words], env))).toEqual([':files']);
    }
  });

  it('knows a path argument by its name, also with a file type in it', async () => {
    const { Command } = await import('commander');
    const cli = new Command('smallpay');
    cli.command('import').command('customers').argument('<file.csv|file.json>', 'the file').option('--map <column=field>', 'a column');
    const lines = (words: string[]) => completionLines('bash', complete(describeCommand(cli), words, env));
    expect(lines(['smallpay', 'import', 'customers', ''])).toEqual([':files']);
    expect(lines(['smallpay', 'import', 'cu'])).toEqual(['customers']);
    expect(lines(['smallpay', 'import', 'customers', 'x.csv', '--map', ''])).toEqual([]);
  });
});

describe('never failing', () => {
  it('offers no ids from a missing, damaged, foreign or database store, and still completes commands', () => {
    writeFileSync(join(folder, 'broken.json'), '{"customers": [');
    writeFileSync(join(folder, 'array.json'), '[1, 2]');
    for (const locator of [join(folder, 'missing.json'), join(folder, 'broken.json'), join(folder, 'array.json'), folder, 'sqlite:books.db', 'postgres://localhost/books']) {
      expect(values('smallpay invoice pay ', 'bash', { SMALLPAY_STORE: locator })).toEqual([]);
      expect(values('smallpay invoice pa', 'bash', { SMALLPAY_STORE: locator })).toEqual(['pay']);
    }
  });

  it('does not parse a store over the size limit at a key press', () => {
    const big = join(folder, 'big.json');
    const doc = JSON.stringify({ customers: [{ id: 'big', name: 'Big' }] });
    writeFileSync(big, doc + ' '.repeat(GLANCE_MAX_BYTES - doc.length));
    expect(glanceAtStore(big).customers).toEqual([{ id: 'big', name: 'Big' }]);
    writeFileSync(big, doc + ' '.repeat(GLANCE_MAX_BYTES - doc.length + 1));
    expect(glanceAtStore(big).customers).toEqual([]);
  });

  it('opens no database: a SQLite or PostgreSQL store offers no ids, whatever file its name shares', () => {
    writeFileSync(join(folder, 'books.db'), JSON.stringify({ customers: [{ id: 'in-sqlite', name: 'S' }] }));
    for (const locator of [join(folder, 'books.db'), `sqlite:${store}`, 'postgres://ada@localhost/books?business=ada']) {
      expect(values('smallpay invoice new --customer ', 'bash', { SMALLPAY_STORE: locator, HOME: folder })).toEqual([]);
    }
    expect(values(`smallpay --store sqlite:${store} invoice new --customer `)).toEqual([]);
    // bash splits at ':' too: the words after the locator still count from the right place
    expect(values(`smallpay --store sqlite : ${store} invoice pa`)).toEqual(['pay']);
    expect(values('smallpay --store postgres : //ada@localhost/books invoice pa')).toEqual(['pay']);
  });

  it('answers nothing for an unknown shell, no words or unknown commands', () => {
    expect(completeCommandLine(program, ['tcsh', 'smallpay', ''], env)).toBe('');
    expect(completeCommandLine(program, ['bash'], env)).toContain('invoice\n');
    expect(completeCommandLine(program, ['bash', 'smallpay', 'nosuch', ''], env)).toBe('');
  });
});
