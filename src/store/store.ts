/**
 * The store interface: the books of one business, on one of three engines (issue 13).
 *   json      one JSON file, read whole and replaced atomically under a lock (json-store.ts): the default;
 *   sqlite    one SQLite file, one row per record, writes serialised by BEGIN IMMEDIATE;
 *   postgres  one database shared by machines and businesses, rows isolated per business.
 *
 * Commands and the domain see only this interface and the plain StoreDocument it hands out.
 *
 * Scopes. `read()` and `update(change)` without a scope hand out the whole document: always correct, and
 * what a JSON store does anyway. With a scope, a database engine loads only part of the books:
 *   - always whole: business, customers, sequences (the counters of the number series) and recurring;
 *   - invoices: only those the scope names (none when it names none), with their outbox jobs;
 *   - outbox: besides those, 'active' adds every job not yet sent (what send/retry may claim), 'all' all;
 *   - audit: none unless 'all'. Entries a change appends are inserted; audit rows are never rewritten.
 * A change on a partial document must only look at what its scope loaded. The engine writes back only the
 * rows that changed (compared as JSON), inserts new ones, and deletes rows removed from a loaded
 * collection; a row it did not load is never touched. Uniqueness (invoice numbers, customer ids) is also
 * enforced by the database, so a change that missed a row it should have loaded fails instead of
 * duplicating. The JSON engine ignores scopes: it always has the whole file.
 *
 * Queries. An engine may answer a report from its own indexes instead of handing out every record:
 *   dashboardFacts(period, today)  the dashboard's grouped sums (domain/reports/dashboard-facts.ts), which
 *     must deep-equal the domain's dashboardFacts(read().invoices, period, today). The SQL engine runs a few
 *     GROUP BY queries over columns derived at every write; the JSON engine has none, and the command asks
 *     the domain instead. Optional: an engine without it is still complete, only slower.
 *
 * Writes are serialised per business on every engine: the JSON file's lock; SQLite's BEGIN IMMEDIATE;
 * on PostgreSQL the business row and the number series' counter taken FOR UPDATE, outbox jobs claimed
 * FOR UPDATE SKIP LOCKED.
 */
import type { DashboardFacts } from '../domain/reports/dashboard-facts.js';
import type { Period } from '../domain/reports/dashboard.js';
import type { InvoiceStatus, StoreDocument } from '../domain/types.js';
import type { EngineName, StoreLocator } from './locator.js';
import type { LockOptions } from './lock.js';

export type { EngineName, StoreLocator } from './locator.js';

/** What `smallpay verify` reads: the document when it parses and fits the schema, and every problem found. */
export interface CheckedRead {
  doc?: StoreDocument;
  problems: string[];
}

/** Returned by an update's change to say it changed nothing: nothing is written (nor .bak rotated). */
export class Unchanged<T> {
  constructor(readonly value: T) {}
}

export type Change<T> = (doc: StoreDocument) => T | Unchanged<T> | Promise<T | Unchanged<T>>;

/** Which invoices a scoped read or update loads: those matching any of the given conditions. */
export interface InvoiceScope {
  /** By id or by number (credit notes too); numbers compare without regard to case, as findInvoice does. */
  refs?: readonly string[];
  /** Every invoice whose stored status is one of these. */
  statuses?: readonly InvoiceStatus[];

  /** Every invoice of these customers (by customer id). */
  customers?: readonly string[];
  /** Every issued invoice not settled yet: a balance may be due or owed (not paid, void, credited or written off). */
  unsettled?: boolean;
  /** Every draft. */
  drafts?: boolean;
  /** Every invoice made by a recurring schedule. */
  recurring?: boolean;
  /** Issued from this date on (YYYY-MM-DD, inclusive); with `issuedTo`, a period for reports. */
  issuedFrom?: string;
  issuedTo?: string;
  /**
   * The credit notes of these invoices (refs as in `refs`): every credit note of the same customer, which
   * every credit note shares with the invoice it corrects (issueCreditNote, imports; `verify` checks it).
   */
  creditNotesOf?: readonly string[];
  /** Every invoice with an outbox job not yet sent or cancelled: what `outbox retry` may claim, and why. */
  withActiveJobs?: boolean;
}

export interface StoreScope {
  invoices?: 'all' | InvoiceScope;
  outbox?: 'all' | 'active';
  audit?: 'all';
}

/**
 * A scope worked out inside the transaction from what every scope loads (business, customers, counters,
 * schedules; no invoices, outbox or audit yet): a customer named by email, say. If it throws, the whole
 * document is read, which is always correct.
 */
export type ScopeFrom = (books: StoreDocument) => StoreScope;

export interface Store {
  readonly engine: EngineName;
  /** The store as messages name it: for files the path itself, for PostgreSQL the URL without its password. */
  readonly path: string;
  /** Where files that belong to these books go unless told otherwise (pdf/, einvoice/, outbox/, dry-run/). */
  readonly filesFolder: string;
  /** Whether these books exist yet: the file, or in a database its schema and this business's row. */
  exists(): Promise<boolean>;
  read(scope?: StoreScope | ScopeFrom): Promise<StoreDocument>;
  /** Reads for a check: never throws for a damaged store, and lists every consistency problem, not the first. */
  readForCheck(): Promise<CheckedRead>;
  /** One serialised transaction: if `change` throws, nothing is written. */
  update<T>(change: Change<T>, scope?: StoreScope | ScopeFrom): Promise<T>;
  /** No business, customer, invoice, schedule, outbox job or audit entry: what `store copy` requires of a target. */
  isEmpty(): Promise<boolean>;
  /** Writes a whole document into an empty store in one transaction (`store copy`, benchmarks); refuses a non-empty one. */
  load(doc: StoreDocument): Promise<void>;
  /** Optional: the dashboard's facts computed by the engine itself (see the header); else the domain's from read(). */
  dashboardFacts?(period: Period, today: string): Promise<DashboardFacts>;
  /** Releases connections; a no-op for files. */
  close(): Promise<void>;
}

export interface OpenOptions extends LockOptions {
  /** Where files go for a PostgreSQL store, which has no folder of its own (dataDirectory/<business>). */
  filesFolder?: string;
  /** PostgreSQL: create the schema when it is missing (`init`, `store init-postgres`, `store copy --to`). */
  createSchema?: boolean;
  /** PostgreSQL: how long to wait for the server to answer a connection (SMALLPAY_CONNECT_TIMEOUT). */
  connectTimeoutMs?: number;
}

/** Opens the store a locator names; each engine's module (and its driver) loads only when it is used. */
export async function openStore(locator: StoreLocator, options: OpenOptions): Promise<Store> {
  switch (locator.engine) {
    case 'json':
      return (await import('./json-store.js')).openJsonStore({ path: locator.path, ...options });
    case 'sqlite':
    case 'postgres':
      // Not connected here: a PostgreSQL store connects when first used, so that no work a command does before
      // (reading a big JSON store to copy, say) keeps the event loop from answering the server in time.
      return (await import('./sql/sql-store.js')).openSqlStore(locator, options);
  }
}
