/** The help texts say what the CLI does: settings listed in columns, examples that run, verbs suggested. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { REQUIRED_SETTINGS, SETTING_ALIASES, SETTING_SUMMARIES } from '../../src/domain/settings-catalog.js';
import { checkSettingKey } from '../../src/domain/business.js';
import { BIN, baseEnv, sandbox } from '../support/cli.js';

const box = sandbox();
afterAll(() => box.cleanup());

/** The lines of a help section, up to the next blank line. */
function section(help: string, heading: string): string[] {
  const start = help.indexOf(`\n${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const rest = help.slice(start + heading.length + 2);
  return rest.slice(0, rest.indexOf('\n\n')).split('\n');
}

/** Each entry of a two-column list: the key and its text, continuation lines joined. */
function entries(lines: string[]): Map<string, string> {
  const found = new Map<string, string>();
  let last = '';
  for (const line of lines) {
    const entry = /^ {2}(\S+) {2,}(\S.*)$/.exec(line);
    if (entry) {
      last = entry[1] as string;
      found.set(last, entry[2] as string);
    } else {
      expect(line).toMatch(/^ {4,}\S/);
      found.set(last, `${found.get(last)} ${line.trim()}`);
    }
  }
  return found;
}

function aliasesOf(key: string): string[] {
  return Object.entries(SETTING_ALIASES).flatMap(([alias, target]) => (target === key ? [alias] : []));
}

describe('config set and config unset --help', () => {
  it('lists every setting in two columns, with its meaning and its short names', async () => {
    const help = (await box.ok(['config', 'set', '--help'])).stdout;
    const listed = entries(section(help, 'Settings:'));
    expect([...listed.keys()]).toEqual(Object.keys(SETTING_SUMMARIES));
    for (const [key, text] of listed) {
      expect(text.startsWith(SETTING_SUMMARIES[key as keyof typeof SETTING_SUMMARIES])).toBe(true);
      for (const alias of aliasesOf(key)) expect(text).toContain(alias);
    }
    expect(listed.get('pdf.accentColor')).toMatch(/\(also: accentColor, accent-color, pdf\.accent-color\)$/);
    expect(listed.get('payment.iban')).toMatch(/\(also: iban\)$/);
    for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('lists exactly the settings that can be removed', async () => {
    const help = (await box.ok(['config', 'unset', '--help'])).stdout;
    const listed = [...entries(section(help, 'Settings that can be removed:')).keys()];
    const removable = Object.keys(SETTING_SUMMARIES).filter((key) => {
      try {
        checkSettingKey(key, true);
        return true;
      } catch {
        return false;
      }
    });
    expect(listed).toEqual(removable);
    expect(listed).toEqual(Object.keys(SETTING_SUMMARIES).filter((key) => !REQUIRED_SETTINGS.has(key as never)));
    expect(help.replace(/\s+/g, ' ')).toContain('name, email, currency, terms, numberFormat and lang are required');
  });
});

describe('a mistyped verb', () => {
  it.each([
    ['report', 'agin', 'aging'],
    ['report', 'dashbord', 'dashboard'],
    ['outbox', 'retyr', 'retry'],
    ['outbox', 'lst', 'list'],
    ['invoice', 'nwe', 'new'],
    ['customer', 'lst', 'list'],
    ['config', 'sett', 'set'],
    ['recurring', 'rnu', 'run'],
  ])('smallpay %s %s suggests %s', async (group, typo, verb) => {
    const result = await box.run([group, typo]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`smallpay: unknown command '${typo}' (Did you mean ${verb}?)\n`);
  });

  it('leaves the default verbs, their options and help alone', async () => {
    await box.ok(['--store', box.store, 'demo', '--force']);
    expect(JSON.parse((await box.ok(['report', '--json'])).stdout)).toHaveProperty('currencies');
    expect(JSON.parse((await box.ok(['report', '--from', '2026-01-01', '--json'])).stdout)).toHaveProperty('from', '2026-01-01');
    expect(JSON.parse((await box.ok(['outbox', '--json'])).stdout)).toEqual([]);
    expect((await box.ok(['report', 'help', 'aging'])).stdout).toMatch(/^Usage: smallpay report aging/);
    expect((await box.ok(['report', 'statement', 'globex'])).stdout).toContain('Globex GmbH');
  });
});

describe('the documented commands run as written', () => {
  /** Runs a line of shell as a person would paste it, with smallpay (or npx smallpay) being the built CLI. */
  function shell(line: string, home: string): string {
    const script = line.replace(/^(npx )?smallpay /, `"${process.execPath}" "${BIN}" `);
    return execFileSync('/bin/sh', ['-c', script], { env: { ...baseEnv(home), SMALLPAY_STORE: `${home}/docs.json` }, encoding: 'utf8' });
  }

  it('the examples of smallpay --help, in order', async () => {
    const help = (await box.ok(['--help'])).stdout;
    const examples = section(help, 'Examples:').map((line) => line.replace(/^ {2}\$ /, ''));
    expect(examples.some((line) => line.includes('customer add'))).toBe(true);
    for (const line of examples) shell(line, box.home);
  });

  it("the README's quick start, and its discount item", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('To start for real:');
    const block = readme.slice(readme.indexOf('```sh\n', start) + 6, readme.indexOf('```', readme.indexOf('```sh\n', start) + 6));
    const home = `${box.home}/readme`;
    execFileSync('mkdir', ['-p', home]);
    for (const line of block.trim().split('\n')) shell(line, home);
    const discount = /`(--item="-10% discount" --price=-15)`/.exec(readme)?.[1];
    expect(discount).toBeDefined();
    const number = shell(`smallpay invoice new --customer globex --item "Design work" --price 150 ${discount} --json`, home);
    const invoice = JSON.parse(number) as { items: { description: string; unitPrice: string }[]; total: string };
    expect(invoice.items[1]).toMatchObject({ description: '-10% discount', unitPrice: '-15.00' });
    expect(invoice.total).toBe('135.00');
  });

  it("the README's headline prints what invoice new prints (issue 9 item 20: one form of amounts)", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const headline = /```console\n\$ smallpay (.+)\n([\s\S]*?)```/.exec(readme);
    expect(headline).not.toBeNull();
    const [, command, printed] = headline as unknown as [string, string, string];
    const home = `${box.home}/headline`;
    execFileSync('mkdir', ['-p', home]);
    shell('smallpay init --name "Ada Lovelace Consulting" --email ada@example.com --country DE', home);
    shell('smallpay customer add --id globex --name "Globex GmbH" --email ap@globex.test --lang de', home);
    const script = `"${process.execPath}" "${BIN}" ${command} 2>&1`;
    const output = execFileSync('/bin/sh', ['-c', script], { env: { ...baseEnv(home), SMALLPAY_STORE: `${home}/docs.json` }, encoding: 'utf8' });
    expect(output).toBe(printed);
  });

  it('docs/templates.md sets fonts that config set accepts the kind of (one font, not a .ttc collection)', () => {
    const templates = readFileSync(new URL('../../docs/templates.md', import.meta.url), 'utf8');
    const fonts = [...templates.matchAll(/^smallpay config set pdf\.font\w* (\S+)/gm)].map((match) => match[1]);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\.(ttf|otf)$/);
  });
});

describe('the help command', () => {
  it.each([['help', 'invoice'], ['invoice', 'help', 'new'], ['report', 'help', 'aging']])('smallpay %s %s … shows the help and exits 0', async (...words) => {
    const result = await box.ok(words.filter((word) => word !== undefined));
    expect(result.stdout).toMatch(/^Usage: smallpay /);
    expect(result.stderr).toBe('');
  });
});

describe('a group says what its verbs are for', () => {
  it('report --help names the tax reports beside the others', async () => {
    const description = (await box.ok(['report', '--help'])).stdout.split('\n\n')[1]!.replace(/\s+/g, ' ');
    for (const verb of ['aging', 'customers', 'forecast', 'statement', 'vat', 'ec-sales']) expect(description).toContain(verb);
  });
});
