/**
 * A glance at the store for shell completion: the customer ids, invoice numbers and schedule ids in the file,
 * read without a lock, without validation or migration, and never written. A writer replaces the file
 * atomically, so an unlocked read sees one whole version. Anything unexpected (no file, a folder, a damaged or
 * foreign document, a file too large to read at a key press) gives empty lists: completion must never fail
 * or print. Only the JSON file is glanced at; completion offers no ids from SQLite or PostgreSQL stores.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface StoreGlance {
  customers: { id: string; name: string }[];
  /** `number` is null for a draft, which is named by its id. */
  invoices: { id: string; number: string | null; status: string; customer: string }[];
  schedules: { id: string; customer: string }[];
}

/** Larger stores are not parsed at a key press (about 0.1 s per 10 MB). */
export const GLANCE_MAX_BYTES = 16 * 1024 * 1024;

const EMPTY: StoreGlance = { customers: [], invoices: [], schedules: [] };

function readSmallFile(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > GLANCE_MAX_BYTES) return undefined;
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];

export function glanceAtStore(path: string): StoreGlance {
  try {
    const content = readSmallFile(path);
    if (content === undefined) return EMPTY;
    const doc = JSON.parse(content) as Record<string, unknown>;
    if (typeof doc !== 'object' || doc === null) return EMPTY;
    return {
      customers: records(doc.customers).flatMap((c) => (text(c.id) ? [{ id: text(c.id)!, name: text(c.name) ?? '' }] : [])),
      invoices: records(doc.invoices).flatMap((i) => {
        const id = text(i.id);
        if (!id) return [];
        const customer = typeof i.customer === 'object' && i.customer !== null ? (i.customer as Record<string, unknown>) : {};
        return [{ id, number: text(i.number) ?? null, status: text(i.status) ?? '', customer: text(customer.name) ?? text(customer.id) ?? '' }];
      }),
      schedules: records(doc.recurring).flatMap((s) => (text(s.id) ? [{ id: text(s.id)!, customer: text(s.customer) ?? '' }] : [])),
    };
  } catch {
    return EMPTY;
  }
}
