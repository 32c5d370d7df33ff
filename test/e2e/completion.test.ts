/**
 * The completion scripts in real shells, against the built CLI on PATH as `smallpay` and a seeded store:
 * bash (always) is driven through its completion function with COMP_WORDS/COMP_CWORD, reading COMPREPLY;
 * fish through `complete -C`; zsh with its completion builtins stubbed. zsh and fish are skipped where they
 * are not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, baseEnv, sandbox, seedBusiness } from '../support/cli.js';

const box = sandbox();
afterAll(() => box.cleanup());

const installed = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const binFolder = join(box.home, 'bin');
let draftId = '';

/** Runs a shell script with the built CLI on PATH as `smallpay` and the sandbox's store. */
function shell(program: string, args: string[], script: string, env: Record<string, string> = {}) {
  const result = spawnSync(program, [...args, '-c', script], {
    cwd: box.home,
    encoding: 'utf8',
    env: { ...baseEnv(box.home), PATH: `${binFolder}:${process.env.PATH}`, SMALLPAY_STORE: box.store, ...env },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

beforeAll(async () => {
  await seedBusiness(box);
  await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'Design', '--price', '100', '--tax', '19']);
  await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Hosting', '--price', '20']);
  draftId = (await box.ok(['invoice', 'new', '--customer', 'acme', '--item', 'Later', '--price', '5', '--draft'])).stdout.trim();
  mkdirSync(binFolder);
  symlinkSync(BIN, join(binFolder, 'smallpay'));
  for (const name of ['bash', 'zsh', 'fish']) writeFileSync(join(box.home, `completion.${name}`), (await box.ok(['completion', name])).stdout);
});

/** Sources the bash script, then prints COMPREPLY for each command line (its last word is completed). */
function bashCompletions(lines: string[], env: Record<string, string> = {}): string[][] {
  const script = [
    'source completion.bash',
    't() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _smallpay_completion; printf "%s\\n" "${COMPREPLY[@]}"; echo "--end--"; }',
    ...lines.map((line) => `t ${line}`),
  ].join('\n');
  const out = shell('bash', ['--norc', '--noprofile'], script, env);
  return out.split('--end--\n').slice(0, -1).map((block) => block.split('\n').filter(Boolean));
}

describe('bash', () => {
  it('registers the function for smallpay', () => {
    expect(shell('bash', ['--norc', '--noprofile'], 'source completion.bash; complete -p smallpay')).toBe('complete -F _smallpay_completion smallpay\n');
  });

  it('completes commands, nested verbs and flags', () => {
    const [top, verbs, pay, flags, shells] = bashCompletions([
      'smallpay ""',
      'smallpay invoice ""',
      'smallpay invoice pa',
      'smallpay invoice list --s',
      'smallpay completion ""',
    ]);
    expect(top).toEqual(expect.arrayContaining(['init', 'customer', 'invoice', 'report', 'export', 'completion', 'help']));
    expect(verbs).toEqual(expect.arrayContaining(['new', 'list', 'pay', 'credit', 'void', 'pdf']));
    expect(pay).toEqual(['pay']);
    expect(flags).toEqual(['--status', '--store']);
    expect(shells).toEqual(['bash', 'zsh', 'fish']);
  });

  it('completes customer ids and invoice numbers from the store', () => {
    const [customers, split, show, numbers, numbered, issue] = bashCompletions([
      'smallpay invoice new --customer ""',
      // bash splits --customer=glo at '=' (COMP_WORDBREAKS): three words
      'smallpay invoice list --customer = gl',
      'smallpay customer show a',
      'smallpay invoice pay ""',
      'smallpay invoice pay INV-2026-000',
      'smallpay invoice issue ""',
    ]);
    expect(customers).toEqual(['globex', 'acme']);
    expect(split).toEqual(['globex']);
    expect(show).toEqual(['acme']);
    expect(numbers).toEqual(['INV-2026-0001', 'INV-2026-0002', draftId]);
    expect(numbered).toEqual(['INV-2026-0001', 'INV-2026-0002']);
    expect(issue).toEqual([draftId]);
  });

  it('reads the store named on the command line: --store, SMALLPAY_STORE=… before the command', async () => {
    const other = sandbox();
    try {
      await other.ok(['init', '--name', 'Other', '--email', 'o@example.com', '--country', 'DE']);
      await other.ok(['customer', 'add', '--id', 'initech', '--name', 'Initech', '--email', 'ap@initech.test']);
      const [flag, assigned] = bashCompletions([`smallpay --store ${other.store} invoice new --customer ""`, `SMALLPAY_STORE=${other.store} smallpay customer show ""`]);
      expect(flag).toEqual(['initech']);
      expect(assigned).toEqual(['initech']);
    } finally {
      other.cleanup();
    }
  });

  it('completes file names for path options', () => {
    const [files] = bashCompletions(['smallpay invoice pdf --out comp']);
    expect([...files!].sort()).toEqual(['completion.bash', 'completion.fish', 'completion.zsh']);
  });

  it('offers nothing, silently, when there is no store, a damaged one or a database locator', () => {
    writeFileSync(join(box.home, 'broken.json'), '{"customers": [{"id": "x"');
    for (const store of [join(box.home, 'none.json'), join(box.home, 'broken.json'), 'postgres://localhost/books']) {
      const [ids, verbs] = bashCompletions(['smallpay invoice pay ""', 'smallpay invoice pa'], { SMALLPAY_STORE: store });
      expect(ids).toEqual([]);
      expect(verbs).toEqual(['pay']);
    }
    expect(existsSync(join(box.home, 'none.json'))).toBe(false);
  });
});

describe('smallpay __complete', () => {
  it('never writes the store, takes no lock, and prints nothing on stderr', async () => {
    const before = statSync(box.store).mtimeMs;
    const files = readdirSync(box.home).sort();
    const result = await box.ok(['__complete', 'bash', 'smallpay', 'invoice', 'pay', '']);
    expect(result.stdout.split('\n')).toContain('INV-2026-0001');
    expect(result.stderr).toBe('');
    expect(statSync(box.store).mtimeMs).toBe(before);
    expect(readdirSync(box.home).sort()).toEqual(files);
  });

  it('exits 0 with nothing on stderr whatever the words', async () => {
    for (const words of [[], ['tcsh'], ['bash', 'smallpay', '--store'], ['bash', 'smallpay', '--help', '--version', ''], ['fish', 'smallpay', 'nosuch', '']]) {
      const result = await box.run(['__complete', ...words]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
    }
  });

  it('is hidden from the overview, while completion is listed', async () => {
    const { stdout } = await box.ok(['--help']);
    expect(stdout).toMatch(/\n {2}completion /);
    expect(stdout).not.toContain('__complete');
  });

  it('refuses an unknown shell with exit 2', async () => {
    const result = await box.run(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^smallpay: .*tcsh/);
  });
});

describe.skipIf(!installed('zsh'))('zsh', () => {
  it('passes zsh -n and completes with the lines __complete gives', () => {
    expect(spawnSync('zsh', ['-n', join(box.home, 'completion.zsh')]).status).toBe(0);
    // _describe and _files stubbed: what the script hands them is what zsh would offer.
    const out = shell(
      'zsh',
      ['-f'],
      [
        'compdef() { :; }; _describe() { print -rl -- "${(@P)${@[-1]}}"; }; _files() { print FILES; }',
        'source completion.zsh',
        'words=(smallpay invoice pay ""); CURRENT=4; _smallpay',
        'words=(smallpay invoice list --customer=g); CURRENT=4; _smallpay',
        'words=(smallpay invoice pdf --out ""); CURRENT=5; _smallpay',
      ].join('\n'),
    );
    expect(out.split('\n')).toEqual(expect.arrayContaining(['INV-2026-0001:Globex GmbH, open', `${draftId}:ACME Corp., draft`, '--customer=globex:Globex GmbH', 'FILES']));
  });
});

describe.skipIf(!installed('fish'))('fish', () => {
  it('passes fish -n and completes verbs, customers and invoice numbers with complete -C', () => {
    expect(spawnSync('fish', ['-n', join(box.home, 'completion.fish')]).status).toBe(0);
    const out = shell('fish', ['--no-config'], ['source completion.fish', 'complete -C "smallpay invoice pa"', 'complete -C "smallpay invoice list --customer g"', 'complete -C "smallpay invoice void INV"'].join('\n'));
    expect(out.split('\n').filter(Boolean)).toEqual([
      'pay\trecord a payment; without --amount, pays the balance',
      'globex\tGlobex GmbH',
      'INV-2026-0001\tGlobex GmbH, open',
      'INV-2026-0002\tACME Corp., open',
    ]);
  });
});
