import { describe, expect, it } from 'vitest';
import type { Deps } from '../../src/cli/deps.js';
import type { Io } from '../../src/cli/io.js';
import { terminalColumns, wantsColor } from '../../src/cli/io.js';
import { resolveLockOptions, resolveStoreLocator, resolveToday } from '../../src/cli/settings.js';

const resolveStorePath = (flag: string | undefined, env: Record<string, string>) => {
  const locator = resolveStoreLocator(flag, env);
  return locator.engine === 'postgres' ? locator.url : locator.path;
};
import { runCli } from '../../src/main.js';
import { createTestDeps } from '../support/test-deps.js';

function bufferedIo(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: { write: (chunk) => (out += String(chunk)) },
    err: { write: (chunk) => (err += String(chunk)) },
    readStdin: async () => '',
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    color: false,
    columns: 80,
    stdout: () => out,
    stderr: () => err,
  };
}

describe('runCli', () => {
  it('prints the version and exits 0', async () => {
    const io = bufferedIo();
    expect(await runCli(['--version'], io, {})).toBe(0);
    expect(io.stdout()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['nope'], "smallpay: unknown command 'nope'\n"],
    [['invoice', 'lst'], "smallpay: unknown command 'lst' (Did you mean list?)\n"],
    [['invoice', 'list', '--bogus'], "smallpay: unknown option '--bogus'\n"],
  ])('maps commander errors to exit 2 and one "smallpay:" line: %j', async (argv, expected) => {
    const io = bufferedIo();
    expect(await runCli(argv, io, {})).toBe(2);
    expect(io.stderr()).toBe(expected);
    expect(io.stdout()).toBe('');
  });

  it('maps an unexpected error to exit 1 with "this is a bug"', async () => {
    const io = bufferedIo();
    const broken = (): Deps => {
      const { deps } = createTestDeps();
      return { ...deps, io, store: async () => Promise.reject(new TypeError('boom')) };
    };
    expect(await runCli(['invoice', 'list'], io, {}, broken)).toBe(1);
    expect(io.stderr()).toMatch(/^smallpay: unexpected error: boom; this is a bug in smallpay \d+\.\d+\.\d+; run again with --debug for details\n$/);
  });

  it('prints the stack of an unexpected error with --debug', async () => {
    const io = bufferedIo();
    const broken = (): Deps => ({ ...createTestDeps().deps, io, store: async () => Promise.reject(new TypeError('boom')) });
    expect(await runCli(['--debug', 'invoice', 'list'], io, {}, broken)).toBe(1);
    expect(io.stderr()).toContain('TypeError: boom\n    at ');
  });
});

describe('settings from the environment', () => {
  it('finds the store: --store, else SMALLPAY_STORE, else the XDG data directory', () => {
    expect(resolveStorePath('/a/flag.json', { SMALLPAY_STORE: '/b/env.json' })).toBe('/a/flag.json');
    expect(resolveStorePath(undefined, { SMALLPAY_STORE: '/b/env.json' })).toBe('/b/env.json');
    expect(resolveStorePath(undefined, { XDG_DATA_HOME: '/xdg', HOME: '/home/ada' })).toBe('/xdg/smallpay/store.json');
    expect(resolveStorePath(undefined, { HOME: '/home/ada' })).toBe('/home/ada/.local/share/smallpay/store.json');
    expect(resolveStorePath(undefined, { XDG_DATA_HOME: 'relative', HOME: '/home/ada' })).toBe('/home/ada/.local/share/smallpay/store.json');
  });

  // Issue 13: which engine a store names, and a label that never shows the password.
  it('tells the engine from the locator', () => {
    expect(resolveStoreLocator('/a/books.json', {})).toMatchObject({ engine: 'json', path: '/a/books.json' });
    expect(resolveStoreLocator('sqlite:/a/books', {})).toMatchObject({ engine: 'sqlite', path: '/a/books' });
    expect(resolveStoreLocator('/a/books.db', {})).toMatchObject({ engine: 'sqlite', path: '/a/books.db' });
    expect(resolveStoreLocator('/a/books.SQLITE', {})).toMatchObject({ engine: 'sqlite' });
    const pg = resolveStoreLocator('postgres://ada:s3cret@127.0.0.1:5433/books?business=acme', {});
    expect(pg).toMatchObject({ engine: 'postgres', business: 'acme' });
    expect(pg.label).not.toContain('s3cret');
    expect(pg.label).toContain('127.0.0.1:5433/books');
    expect(resolveStoreLocator('postgresql://h/books', { SMALLPAY_BUSINESS: 'globex' })).toMatchObject({ engine: 'postgres', business: 'globex' });
    expect(() => resolveStoreLocator('postgres://h/books', {})).toThrow(/business/);
    expect(() => resolveStoreLocator('postgres://h/books?business=../x', {})).toThrow(/business/);
  });

  it('takes today from SMALLPAY_NOW, else the local clock', () => {
    expect(resolveToday({ SMALLPAY_NOW: '2026-11-25T23:59:59-10:00' })).toBe('2026-11-25');
    expect(resolveToday({}, () => new Date(2027, 0, 2, 0, 30))).toBe('2027-01-02');
  });

  // Issue 9 item 14: every part of SMALLPAY_NOW within its range.
  it.each(['2026-11-25', '2026-11-25T00:00', '2026-11-25T23:59:59', '2026-11-25 09:00:00.123Z', '2026-11-25T23:59:59+14:00', '2026-11-25T00:00:00-1400', '2026-11-25T12:00+05:45', '9999-12-31T23:59:59Z', '1900-01-01'])(
    'accepts SMALLPAY_NOW=%s',
    (now) => expect(resolveToday({ SMALLPAY_NOW: now })).toBe(now.slice(0, 10)),
  );

  it.each(['2026-11-25T99:99:99', '2026-11-25T24:00', '2026-11-25T23:60', '2026-11-25T23:59:60', '2026-11-25T12:00+99:00', '2026-11-25T12:00-14:01', '2026-11-25T12:00+05:60', '2026-02-30', '10000-01-01', '+12026-01-01', '2026-11-25T12', '2026-11-25T12:00:00.1234567890', '1899-12-31'])(
    'refuses SMALLPAY_NOW=%s',
    (now) => expect(() => resolveToday({ SMALLPAY_NOW: now })).toThrow(/^SMALLPAY_NOW: '.*' is not an ISO date or date-time/),
  );

  it('reads lock timings in seconds', () => {
    expect(resolveLockOptions({})).toEqual({ timeoutMs: 15000, staleMs: 10000 });
    expect(resolveLockOptions({ SMALLPAY_LOCK_TIMEOUT: '0.5', SMALLPAY_LOCK_STALE: '3' })).toEqual({ timeoutMs: 500, staleMs: 3000 });
    expect(() => resolveLockOptions({ SMALLPAY_LOCK_STALE: '1' })).toThrow(/at least 2/);
  });

  it('colours only a terminal, and never under NO_COLOR or --no-color', () => {
    expect(wantsColor({}, true, true)).toBe(true);
    expect(wantsColor({}, false, true)).toBe(false);
    expect(wantsColor({ NO_COLOR: '1' }, true, true)).toBe(false);
    expect(wantsColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, true, true)).toBe(false);
    expect(wantsColor({}, true, false)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1' }, false, true)).toBe(true);
    expect(wantsColor({ TERM: 'dumb' }, true, true)).toBe(false);
  });

  it('takes the width from COLUMNS, else the terminal, else 80', () => {
    expect(terminalColumns({ COLUMNS: '120' }, 100)).toBe(120);
    expect(terminalColumns({}, 100)).toBe(100);
    expect(terminalColumns({ COLUMNS: 'wide' }, undefined)).toBe(80);
  });
});

describe('several problems at once (issue 11: an e-invoice that misses fields)', () => {
  it('prints the message, then one line per problem, and exits 2', async () => {
    const { exitCodeFor } = await import('../../src/main.js');
    const { ProblemListError } = await import('../../src/cli/errors.js');
    let stderr = '';
    const io = { err: { write: (text: string) => void (stderr += text) } } as unknown as Io;
    const error = new ProblemListError('cannot export INV-1 as xrechnung; nothing was written:', ['INV-1: BR-DE-15: buyer reference (Leitweg-ID) is required for XRechnung', 'INV-1: BR-DE-6: seller contact phone (BT-42) is required for XRechnung']);
    expect(exitCodeFor(error, io, false)).toBe(2);
    expect(stderr).toBe(
      [
        'smallpay: cannot export INV-1 as xrechnung; nothing was written:',
        'smallpay: INV-1: BR-DE-15: buyer reference (Leitweg-ID) is required for XRechnung',
        'smallpay: INV-1: BR-DE-6: seller contact phone (BT-42) is required for XRechnung',
        '',
      ].join('\n'),
    );
  });
});
