/**
 * Issue 9 item 8: `--input` reads at most 10 MB, from a regular file or stdin, and never hangs on a FIFO;
 * item 14: a path option's value that looks like an option is refused, not taken as a file name.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, collect, sandbox, seedBusiness, spawnCli } from '../support/cli.js';

const MB = 1024 * 1024;
let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  await seedBusiness(box);
});
afterEach(() => box.cleanup());

function expectRefused(result: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^smallpay: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
}

describe('--input size and type', () => {
  it('stops reading stdin past 10 MB (as from `yes |`) with exit 2 and one line', async () => {
    const child = spawnCli(['invoice', 'new', '--input', '-'], { home: box.home, input: '', env: { SMALLPAY_STORE: box.store } });
    const done = collect(child);
    // The CLI closes its end once past the limit; what is still being written then fails, as for `yes`.
    child.stdin?.on('error', () => undefined);
    const chunk = Buffer.alloc(MB, 'y\n');
    for (let sent = 0; sent < 11; sent += 1) child.stdin?.write(chunk);
    child.stdin?.end();
    const before = readFileSync(box.store);
    expectRefused(await done, /^smallpay: --input -: standard input is larger than the 10 MB limit\n$/);
    expect(readFileSync(box.store).equals(before)).toBe(true);
  });

  it('reads a document just under the limit', async () => {
    const document = JSON.stringify({ customer: 'globex', items: [{ description: 'Work', unitPrice: '1' }] });
    const padded = document + ' '.repeat(10 * MB - document.length);
    expect((await box.ok(['invoice', 'new', '--input', '-'], { input: padded })).stdout).toBe('INV-2026-0001\n');
    writeFileSync(join(box.home, 'padded.json'), padded);
    expect((await box.ok(['invoice', 'new', '--input', 'padded.json'])).stdout).toBe('INV-2026-0002\n');
  });

  it('refuses a file over 10 MB, /dev/zero and a FIFO (without hanging)', async () => {
    writeFileSync(join(box.home, 'big.json'), Buffer.alloc(10 * MB + 1, ' '));
    expectRefused(await box.run(['invoice', 'new', '--input', 'big.json']), /^smallpay: --input big\.json is larger than the 10 MB limit\n$/);
    expectRefused(await box.run(['invoice', 'new', '--input', '/dev/zero']), /^smallpay: --input \/dev\/zero is a character device, not a regular file\n$/);
    execFileSync('mkfifo', [join(box.home, 'fifo')]);
    expectRefused(await box.run(['invoice', 'new', '--input', 'fifo']), /^smallpay: --input fifo is a FIFO, not a regular file\n$/);
    expectRefused(await box.run(['recurring', 'add', '--customer', 'globex', '--every', 'month', '--start', '2026-12-01', '--input', 'fifo']), /is a FIFO, not a regular file/);
  });
});

describe('path options whose value looks like an option', () => {
  it('smallpay --store --help demo writes no file named --help', async () => {
    const result = await box.run(['--store', '--help', 'demo']);
    expectRefused(result, /^smallpay: --store: '--help' looks like an option, not a path; write \.\/--help for a file of that name\n$/);
    expect(readdirSync(box.home).filter((name) => name.startsWith('-'))).toEqual([]);
  });

  it.each([
    [['--store=-s', 'customer', 'list'], /--store: '-s' looks like an option/],
    [['--store', '-', 'customer', 'list'], /--store: '-' looks like an option/],
    [['invoice', 'new', '--input', '--draft'], /--input: '--draft' looks like an option/],
    [['invoice', 'pdf', '--all', '--out', '--json'], /--out: '--json' looks like an option/],
    [['invoice', 'pdf', '--all', '--template', '-x'], /--template: '-x' looks like an option/],
  ])('refuses %j', async (args, message) => {
    expectRefused(await box.run(args), message);
    expect(readdirSync(box.home).filter((name) => name.startsWith('-'))).toEqual([]);
  });

  it('takes ./-name as a file, and - as stdin', async () => {
    await box.ok(['--store', './-store.json', 'init', '--name', 'Dash', '--email', 'd@x.test', '--country', 'DE']);
    expect(existsSync(join(box.home, '-store.json'))).toBe(true);
    const input = JSON.stringify({ customer: 'globex', items: [{ description: 'Work', unitPrice: '1' }] });
    expect((await box.ok(['invoice', 'new', '--input', '-'], { input })).stdout).toBe('INV-2026-0001\n');
  });
});
