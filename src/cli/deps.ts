/**
 * What a command's run() may use, and nothing else: injected so tests can pass buffers, a fixed day and a
 * temporary store. The store module is loaded on first use, so `smallpay --help` never pays for it.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import { type Env, type Io } from './io.js';
import { type Prompter, createInquirerPrompter } from './prompter.js';
import { resolveLockOptions, resolveStorePath, resolveToday } from './settings.js';

export interface Deps {
  io: Io;
  env: Env;
  prompter: Prompter;
  /** Today as YYYY-MM-DD: SMALLPAY_NOW, else the clock. */
  today(): string;
  storePath(): string;
  store(): Promise<Store>;
  /** The --store flag as given (demo must know whether a path was chosen for it). */
  storeFlag: string | undefined;
  /** A store at another path (demo's own). */
  openStoreAt(path: string): Promise<Store>;
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

export function createSystemDeps(io: Io, env: Env, global: GlobalOptions): Deps {
  let store: Promise<Store> | undefined;
  const storePath = () => resolveStorePath(global.store, env);
  const openStoreAt = (path: string) => import('../store/store.js').then(({ openStore }) => openStore({ path, ...resolveLockOptions(env) }));
  return {
    io,
    env,
    prompter: createInquirerPrompter(),
    today: () => resolveToday(env),
    storePath,
    store: () => (store ??= openStoreAt(storePath())),
    storeFlag: global.store,
    openStoreAt,
    newId: randomId,
  };
}
