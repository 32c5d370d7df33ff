/**
 * Runs the built CLI (bin/smallpay.js) as a subprocess, with no TTY and stdin closed unless given.
 * Each sandbox's store is on the engine the run was asked for (engine.ts: SMALLPAY_TEST_ENGINE): a JSON file,
 * a SQLite file, or a business of its own in this test file's PostgreSQL database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreDocument } from '../../src/domain/types.js';
import { type TestEngine, loadBooks, readBooks, sandboxStore, snapshotBooks, testEngine, updateBooks } from './engine.js';

export { testEngine, type TestEngine };

export const BIN = fileURLToPath(new URL('../../bin/smallpay.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
}

/** A clean environment: no colour forcing, a fixed day, and a private HOME so no real store is touched. */
export function baseEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    SMALLPAY_NOW: '2026-11-25',
    LANG: 'C.UTF-8',
  };
}

export function spawnCli(args: readonly string[], options: CliOptions & { home: string }): ChildProcess {
  const env = { ...baseEnv(options.home), ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return spawn(process.execPath, [BIN, ...args], {
    env: env as NodeJS.ProcessEnv,
    cwd: options.cwd ?? options.home,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
}

export function collect(child: ChildProcess, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

/**
 * A temporary home with a store in it, on the engine of this run; call cleanup() in afterEach/afterAll.
 *   store   what --store / SMALLPAY_STORE take: a JSON path, sqlite:<home>/store.db, or postgres://…?business=<id>;
 *   files   where the store's own files go (pdf/, outbox/, dry-run/): the home, or for PostgreSQL the data directory;
 *   read()  the books through the store interface, on any engine (what a test looks at instead of the JSON file);
 *   update(change)  a change made directly to the books (what a hand edit of the JSON file was), on any engine;
 *   load(doc)   whole books written into the empty store (a dataset made in the test);
 *   snapshot()  what "nothing was changed" compares: the JSON file and its .bak byte for byte, or the books read whole.
 */
export function sandbox(prefix = 'smallpay-test-') {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const { store, files } = sandboxStore(home);
  const run = (args: readonly string[], options: CliOptions = {}) =>
    collect(spawnCli(args, { ...options, home, env: { SMALLPAY_STORE: store, ...options.env } }), options.input);
  /** Runs and fails the test with the CLI's stderr unless it exits 0. */
  const ok = async (args: readonly string[], options: CliOptions = {}) => {
    const result = await run(args, options);
    if (result.code !== 0) throw new Error(`smallpay ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result;
  };
  const read = (): Promise<StoreDocument> => readBooks(store);
  const update = (change: (doc: StoreDocument) => void): Promise<void> => updateBooks(store, change);
  const load = (doc: StoreDocument): Promise<void> => loadBooks(store, doc);
  const snapshot = (): Promise<string> => snapshotBooks(store);
  return { home, store, files, engine: testEngine, run, ok, read, update, load, snapshot, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

export type Sandbox = ReturnType<typeof sandbox>;

/** A business and two customers, as most end-to-end tests need. */
export async function seedBusiness(box: Sandbox): Promise<void> {
  await box.ok(['init', '--name', 'Ada Consulting', '--email', 'ada@example.com', '--tax-id', 'DE123456789', '--country', 'DE']);
  await box.ok(['customer', 'add', '--id', 'globex', '--name', 'Globex GmbH', '--email', 'ap@globex.test', '--lang', 'de']);
  await box.ok(['customer', 'add', '--id', 'acme', '--name', 'ACME Corp.', '--email', 'billing@acme.test', '--currency', 'USD', '--terms', '14']);
}
