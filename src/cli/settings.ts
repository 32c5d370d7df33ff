/**
 * Everything the environment decides: which store, what day it is, how long to wait for the lock.
 * Read once per run from the injected environment, never from process.env directly.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { calendarDateOf, formatCalendarDate } from '../domain/dates.js';
import { UsageError } from './errors.js';
import type { Env } from './io.js';
import type { StoreLocator } from '../store/locator.js';
import { parseStoreLocator } from './store-locator.js';

/**
 * The store --store, else SMALLPAY_STORE, names (a path, sqlite:…, postgres://…), else the default JSON file
 * $XDG_DATA_HOME/smallpay/store.json (~/.local/share/smallpay/store.json).
 */
export function resolveStoreLocator(flag: string | undefined, env: Env): StoreLocator {
  const chosen = flag ?? (env.SMALLPAY_STORE || undefined);
  if (chosen !== undefined) return parseStoreLocator(chosen, env);
  const path = join(dataDirectory(env), 'store.json');
  return { engine: 'json', path, label: path };
}

/** Where SmallPay keeps its files when not told otherwise. */
export function dataDirectory(env: Env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'smallpay');
}

/** SMALLPAY_NOW (an ISO date or date-time) or the machine's local date. */
export function resolveToday(env: Env, clock: () => Date = () => new Date()): string {
  const fixed = env.SMALLPAY_NOW;
  if (fixed !== undefined && fixed !== '') return calendarDateOf(fixed, 'SMALLPAY_NOW');
  return formatCalendarDate(clock());
}

function seconds(env: Env, name: string, fallback: number, minimum: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback * 1000;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || value < minimum) {
    throw new UsageError(`${name}: '${text}' is not a number of seconds (at least ${minimum})`);
  }
  return Math.round(value * 1000);
}

/**
 * SMALLPAY_LOCK_TIMEOUT: how long a command waits for another one holding the store (default 15 s).
 * SMALLPAY_LOCK_STALE: after how long without a heartbeat a lock counts as left by a dead process
 * (default 10 s, at least 2 s).
 */
export function resolveLockOptions(env: Env): { timeoutMs: number; staleMs: number } {
  return { timeoutMs: seconds(env, 'SMALLPAY_LOCK_TIMEOUT', 15, 0), staleMs: seconds(env, 'SMALLPAY_LOCK_STALE', 10, 2) };
}

/** SMALLPAY_CONNECT_TIMEOUT: how long to wait for a PostgreSQL server to answer (default 5 s). */
export function resolveConnectTimeout(env: Env): { connectTimeoutMs: number } {
  return { connectTimeoutMs: seconds(env, 'SMALLPAY_CONNECT_TIMEOUT', 5, 0.1) };
}
