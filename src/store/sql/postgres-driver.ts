/**
 * The PostgreSQL driver (driver.ts) on `pg`, imported only here, only for a postgres:// store.
 * One connection per process: a command is one short sequence of transactions, so a pool buys nothing.
 *
 *   write  BEGIN (READ COMMITTED); SET LOCAL smallpay.business; the business row SELECT … FOR UPDATE.
 *          Every writer of one business queues on that row, so a command's reads inside the transaction
 *          see what the previous writer committed (each statement takes a fresh snapshot once the lock is
 *          held) and the number-series counters it reads cannot move under it. Before the business row
 *          exists (the first `init`) or before the schema does, a transaction-scoped advisory lock stands in.
 *   read   BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY: one snapshot for all of a read's queries.
 * The business is set with SET LOCAL in each transaction (and for the session, for queries outside one),
 * which row-level security reads (ddl-postgres.ts); a connection pooler in transaction mode keeps it.
 *
 * Failures become one-line StoreErrors naming the store by its label, which never holds the password.
 * lock_timeout is SMALLPAY_LOCK_TIMEOUT, as for the other engines' locks.
 */
import type { Client as PgClient, ClientConfig } from 'pg';
import { StoreError } from '../errors.js';
import type { OpenOptions } from '../store.js';
import type { Dialect, SqlDriver, SqlRow, SqlRunner, SqlValue } from './driver.js';
import { SQL_SCHEMA_VERSION } from './tables.js';
import { SCHEMA_LOCK } from './ddl-postgres.js';

export interface PostgresLocator {
  url: string;
  business: string;
  label: string;
}

export interface PostgresOpenOptions extends Partial<Pick<OpenOptions, 'createSchema' | 'timeoutMs'>> {
  /** How long to wait for the server to answer a connection; the URL's `connect_timeout` (seconds) wins. */
  connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/**
 * pg's Client class, or a one-line StoreError: pg is a dependency, but an install may have left it out.
 *
 * pg 8 decides once, as it loads (lib/stream.js), whether it runs in Cloudflare Workers: by
 * `navigator.userAgent` when there is a global `navigator`, else by constructing a fetch `Response`. Node 20
 * has no `navigator` (Node 21 added one), so that `Response` loads Node's bundled undici: 30–50 ms of every
 * PostgreSQL command (bench/engines.mjs, --cpu-prof), for an answer known in advance. While pg loads, a
 * `navigator` shaped as Node 21+'s (`userAgent` "Node.js/<major>") answers the question the cheap way;
 * it is removed again straight after, so nothing else ever sees it. An existing `navigator` is left alone.
 */
async function loadPg(label: string): Promise<typeof import('pg').default> {
  const lent = !('navigator' in globalThis);
  if (lent) Object.defineProperty(globalThis, 'navigator', { value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` }, configurable: true });
  try {
    return (await import('pg')).default;
  } catch (error) {
    const reason = ((error as Error).message ?? String(error)).split('\n')[0];
    throw new StoreError('io', `store ${label}: PostgreSQL support is not installed (pg could not be loaded: ${reason}); install it with: npm install pg`);
  } finally {
    if (lent) delete (globalThis as { navigator?: unknown }).navigator;
  }
}

export async function openPostgresDriver(locator: PostgresLocator, options: PostgresOpenOptions = {}): Promise<SqlDriver> {
  const pg = await loadPg(locator.label);
  const { label, business } = locator;
  const url = new URL(locator.url);
  const urlTimeout = Number(url.searchParams.get('connect_timeout'));
  const connectTimeoutMs = urlTimeout > 0 ? urlTimeout * 1000 : (options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  const config: ClientConfig = {
    connectionString: locator.url,
    connectionTimeoutMillis: connectTimeoutMs,
    application_name: url.searchParams.get('application_name') ?? 'smallpay',
  };
  const client: PgClient = new pg.Client(config);
  let lost: Error | undefined;
  client.on('error', (error) => (lost = error));
  const fail = (error: unknown): never => {
    throw storeErrorOf(error, label, url, options.timeoutMs) ?? error;
  };

  const started = Date.now();
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    // pg reports its own connect timeout as a connection "terminated unexpectedly", with no code.
    if ((error as { code?: unknown }).code === undefined && Date.now() - started >= connectTimeoutMs) {
      throw new StoreError('io', `cannot reach store ${label}: no answer within ${connectTimeoutMs / 1000} s`, 'is the server running, and is the host and port right? (SMALLPAY_CONNECT_TIMEOUT)');
    }
    fail(error);
  }
  // The socket keeps Node running only while a query is on it: a command that forgets close() still ends.
  const socket = (client as unknown as { connection?: { stream?: { ref(): void; unref(): void } } }).connection?.stream;
  socket?.unref();
  let busy = 0;
  const held = async <T>(work: () => Promise<T>): Promise<T> => {
    if (busy++ === 0) socket?.ref();
    try {
      if (lost) throw lost;
      return await work();
    } catch (error) {
      return fail(error);
    } finally {
      if (--busy === 0) socket?.unref();
    }
  };

  const end = async () => {
    socket?.ref();
    await client.end().catch(() => undefined);
  };
  const literal = (value: string) => client.escapeLiteral(value);
  const lockMs = Math.max(1, Math.round(options.timeoutMs ?? 15_000));
  const session = [
    `SET search_path = smallpay, pg_catalog`,
    `SET lock_timeout = ${lockMs}`,
    `SELECT set_config('smallpay.business', ${literal(business)}, false)`,
  ].join('; ');
  // The session and the schema's checks go in one round trip; where the schema is missing (before the first
  // init) that fails as a whole, and the session alone is set again.
  const checks = `SELECT (SELECT value FROM smallpay.meta WHERE key = 'schema_version') AS version, smallpay.current_business() AS bound`;
  let hasSchema = true;
  let openedAtVersion = 0;
  await held(async () => {
    let found: { version: string | null; bound: string | null } | undefined;
    try {
      const results = (await client.query(`${session}; ${checks}`)) as unknown as { rows: (typeof found)[] }[];
      found = results[results.length - 1]!.rows[0];
    } catch (error) {
      if (!MISSING_SCHEMA.has(String((error as { code?: unknown }).code))) throw error;
      hasSchema = false;
      await client.query(session);
      return;
    }
    openedAtVersion = Number(found?.version ?? 0);
    if (openedAtVersion > SQL_SCHEMA_VERSION) {
      throw new StoreError('too-new', `store ${label} has SQL schema version ${openedAtVersion}, newer than this smallpay understands (${SQL_SCHEMA_VERSION})`, 'upgrade smallpay');
    }
    // A business role is bound to its business by smallpay.roles (ddl-postgres.ts): another business's books
    // would only look empty to it, so say so instead.
    const bound = found?.bound ?? null;
    if (bound !== null && bound !== business) {
      throw new StoreError('io', `store ${label}: user ${decodeURIComponent(url.username) || '(default)'} may open only business ${bound}'s books`);
    }
  }).catch(async (error: unknown) => {
    await end();
    throw error;
  });
  if (!hasSchema && !options.createSchema) {
    await end();
    throw new StoreError('io', `store ${label} has no smallpay schema yet`, 'run smallpay store init-postgres (or smallpay init) with this --store');
  }

  const runner: SqlRunner = {
    async query<Row extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      const result = await client.query(sql, params.map((value) => (typeof value === 'bigint' ? value.toString() : value)));
      return result.rows as Row[];
    },
  };

  // One transaction at a time on the one connection, even if a command overlaps two.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(() => held(work), () => held(work));
    queue = next.catch(() => undefined);
    return next;
  };
  /** Runs `begin` (statements joined by ';', one round trip), then `work` with the rows each of them returned. */
  const transaction = <T>(begin: readonly string[], work: (tx: SqlRunner, begun: SqlRow[][]) => Promise<T>) =>
    serialised(async () => {
      // Set before BEGIN goes out: if a later statement of the same string fails, the transaction is open
      // and aborted, and must be rolled back (a ROLLBACK with none open only warns).
      let open = true;
      try {
        const results = (await client.query(begin.join('; '))) as unknown as { rows: SqlRow[] }[];
        const result = await work(
          runner,
          results.map((each) => each.rows),
        );
        open = false;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (open && !lost) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  // Everything a transaction relies on is set again inside it, so a pooler in transaction mode (PgBouncer),
  // which may hand each transaction another server connection, changes nothing.
  const local = [
    'SET LOCAL search_path = smallpay, pg_catalog',
    `SET LOCAL lock_timeout = ${lockMs}`,
    `SELECT set_config('smallpay.business', ${literal(business)}, true)`,
  ];
  const lockBusiness = `SELECT business_id FROM businesses WHERE business_id = ${literal(business)} FOR UPDATE`;
  /** Without a business row to queue on (its first write), creators take turns on an advisory lock, then on the row if one made it meanwhile. */
  const lockNewBusiness = async (tx: SqlRunner) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}, hashtext($1))`, [business]);
    await tx.query(lockBusiness);
  };

  return {
    dialect: 'postgres' satisfies Dialect,
    openedAtVersion,
    query: (sql, params) => serialised(() => runner.query(sql, params)),
    write: (work) => {
      if (!hasSchema) {
        return transaction(['BEGIN', ...local], async (tx) => {
          // Creators of the schema take turns; the one that waited finds it made and goes on as any writer.
          await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
          const [found] = await tx.query(`SELECT to_regclass('smallpay.meta')::text AS meta`);
          if (found?.meta == null) {
            const result = await work(tx, {});
            hasSchema = true;
            return result;
          }
          hasSchema = true;
          if ((await tx.query(lockBusiness)).length === 0) await lockNewBusiness(tx);
          return work(tx, {});
        });
      }
      // One round trip: the transaction, the business row locked, then the SQL schema's version as the last
      // writer committed it (READ COMMITTED: each statement sees what was committed before it began).
      const begin = ['BEGIN', ...local, lockBusiness, `SELECT value FROM meta WHERE key = 'schema_version'`];
      return transaction(begin, async (tx, begun) => {
        if (begun[begin.length - 2]!.length > 0) return work(tx, { schemaVersion: Number(begun[begin.length - 1]![0]?.value ?? 0) });
        await lockNewBusiness(tx);
        return work(tx, {});
      });
    },
    read: (work) => transaction(['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', ...local], (tx) => work(tx)),
    close: async () => {
      await queue;
      await end();
    },
  };
}

/** No schema `smallpay`, no table meta in it, or no function current_business(): no schema made by `init`. */
const MISSING_SCHEMA = new Set(['3F000', '42P01', '42883']);

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE']);

/**
 * PostgreSQL's and the network's failures as the store's, in one line naming the store; undefined for a
 * UNIQUE violation (23505), which the engine words itself.
 */
export function storeErrorOf(error: unknown, label: string, url: URL, lockTimeoutMs = 15_000): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = ((error as Error | null)?.message ?? String(error)).split('\n')[0]!;
  const user = decodeURIComponent(url.username) || '(the default user)';
  const database = decodeURIComponent(url.pathname.slice(1)) || user;
  if (code === '23505') return undefined;
  if (UNREACHABLE.has(code) || (code === '' && /timeout|Connection terminated/i.test(message))) {
    return new StoreError('io', `cannot reach store ${label}: ${code || message}`, 'is the server running, and is the host and port right?');
  }
  if (code === '28P01' || code === '28000') return new StoreError('io', `store ${label}: the server refused the credentials of user ${user}`);
  if (code === '3D000') return new StoreError('io', `store ${label}: database ${database} does not exist`, 'create it first (createdb), then run smallpay store init-postgres');
  if (code === '3F000' || code === '42P01') {
    return new StoreError('io', `store ${label} has no smallpay schema yet`, 'run smallpay store init-postgres (or smallpay init) with this --store');
  }
  if (code === '55P03') {
    return new StoreError('locked', `store ${label} is busy: another process kept these books locked for more than ${lockTimeoutMs / 1000} s`, 'try again, or raise SMALLPAY_LOCK_TIMEOUT');
  }
  if (code === '42501') return new StoreError('io', `store ${label}: user ${user} is not allowed to do this (${message})`);
  if (/^[0-9A-Z]{5}$/.test(code)) return new StoreError('io', `store ${label}: ${message} (SQLSTATE ${code})`);
  return undefined;
}
