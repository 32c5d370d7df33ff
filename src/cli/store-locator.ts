/**
 * Which store `--store` / SMALLPAY_STORE names (issue 13):
 *   a path                                  → a JSON file, the zero-setup default;
 *   sqlite:<path>, or a path ending .db/.sqlite → SQLite;
 *   postgres://… or postgresql://…          → PostgreSQL; whose books: its `business=<id>` query parameter,
 *                                             else SMALLPAY_BUSINESS.
 * The label is what messages print: the path, or the URL without its password (and without `business`).
 */
import { resolve } from 'node:path';
import type { StoreLocator } from '../store/locator.js';
import { UsageError } from './errors.js';

const BUSINESS_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function parseStoreLocator(value: string, env: Readonly<Record<string, string | undefined>>): StoreLocator {
  if (value.trim() === '') throw new UsageError('--store: the path must not be empty');
  if (/^postgres(?:ql)?:\/\//i.test(value)) return postgresLocator(value, env);
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (path === '') throw new UsageError("--store: 'sqlite:' needs a path, as in sqlite:books.db");
    return { engine: 'sqlite', path: resolve(path), label: resolve(path) };
  }
  if (/\.(?:db|sqlite)$/i.test(value)) return { engine: 'sqlite', path: resolve(value), label: resolve(value) };
  return { engine: 'json', path: resolve(value), label: resolve(value) };
}

function postgresLocator(value: string, env: Readonly<Record<string, string | undefined>>): StoreLocator {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError('--store: not a valid postgres:// URL');
  }
  const business = url.searchParams.get('business') ?? env.SMALLPAY_BUSINESS ?? '';
  if (business === '') throw new UsageError(`--store ${labelOf(url)}: say whose books with ?business=<id> or SMALLPAY_BUSINESS`);
  if (!BUSINESS_ID.test(business)) throw new UsageError(`business '${business}': use 1 to 63 lower-case letters, digits, '-' or '_'`);
  url.searchParams.delete('business');
  return { engine: 'postgres', url: url.toString(), business, label: `${labelOf(url)} (business ${business})` };
}

/** The URL as it may be printed: never the password. */
function labelOf(url: URL): string {
  const shown = new URL(url.toString());
  shown.password = '';
  shown.searchParams.delete('business');
  for (const key of [...shown.searchParams.keys()]) if (/pass|secret|key/i.test(key)) shown.searchParams.delete(key);
  return shown.toString();
}
