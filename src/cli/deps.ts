/**
 * What a command's run() may use, and nothing else: injected so tests can pass buffers, a fixed day and a
 * temporary store. The store module is loaded on first use, so `smallpay --help` never pays for it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { RunIdentity } from '../domain/outbox.js';
import type { StartProgress } from '../domain/progress.js';
import type { Store, StoreLocator } from '../store/store.js';
import { type Env, type Io } from './io.js';
import { startProgress } from './progress.js';
import { type Prompter, createInquirerPrompter } from './prompter.js';
import { currentRun } from './run-identity.js';
import { dataDirectory, resolveConnectTimeout, resolveLockOptions, resolveStoreLocator, resolveToday } from './settings.js';

export interface Deps {
  io: Io;
  env: Env;
  prompter: Prompter;
  /** Today as YYYY-MM-DD: SMALLPAY_NOW, else the clock. */
  today(): string;
  /** This moment, for what carries a time (the Date: of an email): SMALLPAY_NOW when set, else the clock. */
  now(): Date;
  /** Who this run is, for outbox claims: process, host, a random token, the real clock. */
  runIdentity(): RunIdentity;
  /** A progress bar on stderr for a batch (nothing when stderr is not a terminal). */
  startProgress: StartProgress;
  /** Which store --store / SMALLPAY_STORE names (a JSON path by default). */
  storeLocator(): StoreLocator;
  store(): Promise<Store>;
  /** The --store flag as given (demo must know whether a path was chosen for it). */
  storeFlag: string | undefined;
  /** Another store (demo's own, `store copy --to`), by path or locator; `createSchema` for a new database. */
  openStoreAt(locator: StoreLocator, options?: { createSchema?: boolean }): Promise<Store>;
  /** A new random id such as inv_7k3m9x2q. */
  newId(prefix: string): string;
}

export interface GlobalOptions {
  store?: string;
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function randomId(prefix: string): string {
  const bytes = randomBytes(10);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return `${prefix}_${id}`;
}

/**
 * SMALLPAY_NOW as an instant: a date-time as written (without an offset, in local time), a date alone at its
 * local midnight, so an email dated by it shows that day; the clock when it is unset.
 */
export function resolveNow(env: Env, today: string, clock: () => Date = () => new Date()): Date {
  const fixed = env.SMALLPAY_NOW?.trim();
  if (!fixed) return clock();
  const instant = new Date(fixed.length === 10 ? `${fixed}T00:00:00` : fixed);
  return Number.isNaN(instant.getTime()) ? new Date(`${today}T00:00:00`) : instant;
}

export function createSystemDeps(io: Io, env: Env, global: GlobalOptions): Deps {
  let store: Promise<Store> | undefined;
  const storeLocator = () => resolveStoreLocator(global.store, env);
  const openStoreAt = (locator: StoreLocator, options: { createSchema?: boolean } = {}) =>
    import('../store/store.js').then(({ openStore }) => openStore(locator, { ...resolveLockOptions(env), ...resolveConnectTimeout(env), ...options, ...filesFolderOption(locator, env) }));
  return {
    io,
    env,
    prompter: createInquirerPrompter(),
    today: () => resolveToday(env),
    now: () => resolveNow(env, resolveToday(env)),
    runIdentity: currentRun,
    startProgress: (total, what) => startProgress(io, total, what),
    storeLocator,
    store: () => (store ??= openStoreAt(storeLocator())),
    storeFlag: global.store,
    openStoreAt,
    newId: randomId,
  };
}

/** A PostgreSQL store has no folder: its PDFs and .eml files go to the data directory, per business. */
function filesFolderOption(locator: StoreLocator, env: Env): { filesFolder?: string } {
  return locator.engine === 'postgres' ? { filesFolder: join(dataDirectory(env), locator.business) } : {};
}
