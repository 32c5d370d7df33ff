/**
 * man/smallpay.1, written by the build from the command tree: it renders with the real man and groff, holds
 * every command with its options and examples, every environment variable the code reads, and ships in the
 * package while staying out of git.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CommandSpec, describeCommand } from '../../src/cli/command-tree.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { splitHelpAfter } from '../../src/render/man-page.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGE = join(ROOT, 'man', 'smallpay.1');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const installed = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

const io: Io = { out: { write: () => true }, err: { write: () => true }, readStdin: async () => '', stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, color: false, columns: 80 };
const tree = describeCommand(buildProgram(io, () => Promise.reject(new Error('no command runs'))), { helpText: true });
const commands = (command: CommandSpec): CommandSpec[] => command.commands.filter((c) => !c.hidden).flatMap((c) => [c, ...commands(c)]);

/** The page as man shows it, wide enough that no line wraps inside a flag or an example. */
function rendered(): string {
  if (installed('man')) {
    const result = spawnSync('man', ['-l', PAGE], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '250', MANPAGER: 'cat', PAGER: 'cat', LANG: 'C.UTF-8' } });
    expect(result.status).toBe(0);
    return result.stdout;
  }
  const result = spawnSync('groff', ['-man', '-Tutf8', '-rLL=250n', PAGE], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout;
}

/** Each command's part of the rendered page: from its heading to the next. */
function sectionsByCommand(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  const headings = [...text.matchAll(/^ {3}(smallpay(?: [\w-]+)+)$/gm)];
  headings.forEach((match, i) => sections.set(match[1]!, text.slice(match.index, headings[i + 1]?.index ?? text.indexOf('\nEXIT STATUS'))));
  return sections;
}

describe.skipIf(!installed('man') && !installed('groff'))('the rendered page', () => {
  const text = rendered();
  const sections = sectionsByCommand(text);

  it('has the sections of a man page', () => {
    for (const title of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'GLOBAL OPTIONS', 'COMMANDS', 'EXIT STATUS', 'ENVIRONMENT', 'FILES', 'EXAMPLES', 'SEE ALSO']) {
      expect(text).toMatch(new RegExp(`^${title}$`, 'm'));
    }
    expect(text).toMatch(/^NAME\n {7}smallpay - invoicing for freelancers/m);
  });

  it('has every command, with its description, options, arguments and examples', () => {
    const all = commands(tree);
    expect(all.map((c) => c.path.join(' '))).toEqual(expect.arrayContaining(['invoice pay', 'report statement', 'completion', 'recurring run']));
    expect([...sections.keys()].sort()).toEqual(all.map((c) => `smallpay ${c.path.join(' ')}`).sort());
    for (const command of all) {
      const section = sections.get(`smallpay ${command.path.join(' ')}`)!;
      expect(section.replace(/\s+/g, ' ')).toContain(command.description.replace(/\s+/g, ' '));
      for (const option of command.options) expect(section).toMatch(new RegExp(`^ {7}${escape(option.flags)}[\n ]`, 'm'));
      for (const argument of command.arguments) expect(section).toMatch(new RegExp(`^ {7}${argument.name}\\b`, 'm'));
      for (const example of splitHelpAfter(command.helpAfter ?? '').examples) expect(section).toContain(`$ ${example}`);
    }
  });

  it('keeps option names and commands as typed: ASCII hyphens, no hyphenation', () => {
    expect(text).toContain('--customer <customer>');
    expect(text).toContain('$ smallpay invoice pay INV-2026-0001 --amount 500 --date 2026-11-20 --method bank');
    expect(text).not.toMatch(/[\u2010\u2212]/);
  });

  it('lists the exit codes', () => {
    const exit = text.slice(text.indexOf('\nEXIT STATUS'), text.indexOf('\nENVIRONMENT'));
    for (const code of ['0', '1', '2', '130']) expect(exit).toMatch(new RegExp(`^ {7}${code}\\s`, 'm'));
  });

  it('lists every environment variable the code reads', () => {
    const environment = text.slice(text.indexOf('\nENVIRONMENT'), text.indexOf('\nFILES'));
    const read = new Set<string>();
    const walk = (folder: string): void => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) for (const match of readFileSync(path, 'utf8').matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) read.add(match[1]!);
      }
    };
    walk(join(ROOT, 'src'));
    // A crash hook for the tests, not for users.
    read.delete('SMALLPAY_CRASH_AT');
    expect([...read]).toEqual(expect.arrayContaining(['SMALLPAY_STORE', 'SMALLPAY_NOW', 'NO_COLOR']));
    for (const name of read) expect(environment, name).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe.skipIf(!installed('groff'))('roff', () => {
  it('groff reads the page without a warning', () => {
    const result = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', PAGE], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the file', () => {
  it('is plain ASCII roff with a title line, undated unless SOURCE_DATE_EPOCH is set', () => {
    const page = readFileSync(PAGE, 'utf8');
    expect(page).toMatch(/^\.\\" Generated by scripts\/build\.mjs/);
    expect(page).toMatch(/\n\.TH SMALLPAY 1 "(\d{4}-\d\d-\d\d)?" "smallpay \d+\.\d+\.\d+" "User Commands"\n/);
    expect(page).toMatch(/^[\x00-\x7f]*$/);
    expect(page.match(/^\.SS /gm)?.length).toBe(commands(tree).length);
  });

  it('is listed in package.json man, shipped through files, and left out of git as build output', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { man: string[]; files: string[] };
    // An array: npm 11 links a string `man` of an installed package nowhere (bin-links/lib/link-mans.js).
    expect(pkg.man).toEqual(['./man/smallpay.1']);
    expect(pkg.files).toContain('man');
    const ignored = spawnSync('git', ['check-ignore', '-q', 'man/smallpay.1'], { cwd: ROOT });
    expect(ignored.status).toBe(0);
  });
});
