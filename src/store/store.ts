/**
 * The store: one JSON file per business, read and written through lowdb with the atomic adapter.
 * - read(): the document as it is now (empty when the file does not exist yet); no lock needed, since a
 *   writer replaces the file atomically.
 * - update(change): lock, read, validate, change, validate again, write, unlock. If `change` throws,
 *   nothing is written. A file that does not parse or validate is never overwritten.
 * Validation on read is skipped only for the very file a write validated (validation-stamp.ts).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { StoreDocument } from '../domain/types.js';
import { AtomicJsonFile, JsonParseError } from './atomic-file.js';
import { StoreError } from './errors.js';
import { describeFsError } from './fs-errors.js';
import type { LockOptions } from './lock.js';
import { TooNewError, migrate } from './migrations.js';
import { CURRENT_SCHEMA_VERSION, InvalidDocumentError, consistencyProblems, emptyDocument, schemaProblem, validateDocument } from './schema.js';
import { isStamped, stampValidated } from './validation-stamp.js';

export interface StoreOptions extends LockOptions {
  path: string;
}

/** What `smallpay verify` reads: the document when it parses and fits the schema, and every problem found. */
export interface CheckedRead {
  doc?: StoreDocument;
  problems: string[];
}

/** Returned by an update's change to say it changed nothing: the file is left as it is (and .bak too). */
export class Unchanged<T> {
  constructor(readonly value: T) {}
}

export interface Store {
  readonly path: string;
  read(): Promise<StoreDocument>;
  /** Reads for a check: never throws for a damaged file, and lists every consistency problem, not the first. */
  readForCheck(): Promise<CheckedRead>;
  update<T>(change: (doc: StoreDocument) => T | Unchanged<T> | Promise<T | Unchanged<T>>): Promise<T>;
}

function restoreHint(path: string): string {
  const backup = `${path}.bak`;
  return existsSync(backup)
    ? `nothing was changed; to restore the previous version: cp '${backup}' '${path}'`
    : 'nothing was changed; repair the file by hand or move it aside';
}

async function load(db: Low<unknown>, file: AtomicJsonFile, path: string): Promise<{ doc: StoreDocument; migratedFrom?: number }> {
  try {
    await db.read();
    if (db.data === null) return { doc: emptyDocument() };
    const { json, from } = migrate(db.data);
    const trusted = from === CURRENT_SCHEMA_VERSION && file.lastReadIdentity !== undefined && (await isStamped(path, file.lastReadIdentity));
    const doc = trusted ? (json as unknown as StoreDocument) : validateDocument(json);
    return from < CURRENT_SCHEMA_VERSION ? { doc, migratedFrom: from } : { doc };
  } catch (error) {
    if (error instanceof JsonParseError || error instanceof InvalidDocumentError) {
      throw new StoreError('corrupt', `store ${path} is ${error instanceof JsonParseError ? '' : 'invalid: '}${error.message}`, restoreHint(path));
    }
    if (error instanceof TooNewError) throw new StoreError('too-new', `store ${path} was ${error.message}`, 'upgrade smallpay');
    throw error;
  }
}

export function openStore(options: StoreOptions): Store {
  const { path } = options;
  const database = () => {
    const file = new AtomicJsonFile(path);
    return { file, db: new Low<unknown>(file, null) };
  };
  return {
    path,
    async read() {
      const { file, db } = database();
      return (await load(db, file, path)).doc;
    },
    async readForCheck() {
      const { db } = database();
      try {
        await db.read();
      } catch (error) {
        if (error instanceof JsonParseError) return { problems: [`${path} is ${error.message}`] };
        throw error;
      }
      if (db.data === null) return { doc: emptyDocument(), problems: [] };
      let json: unknown;
      try {
        json = migrate(db.data).json;
      } catch (error) {
        return { problems: [(error as Error).message] };
      }
      const problem = schemaProblem(json);
      if (problem !== undefined) return { problems: [problem] };
      return { doc: json as StoreDocument, problems: consistencyProblems(json as StoreDocument) };
    },
    async update(change) {
      try {
        await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      } catch (error) {
        throw new StoreError('io', `cannot create the folder of store ${path}: ${describeFsError(error)}`);
      }
      // The lock library patches fs on import; read-only commands never need it.
      const { withLock } = await import('./lock.js');
      return withLock(path, options, async (assertHeld) => {
        const { file, db } = database();
        const { doc, migratedFrom } = await load(db, file, path);
        const result = await change(doc);
        if (result instanceof Unchanged) return result.value as never;
        try {
          validateDocument(doc);
        } catch (error) {
          throw new Error(`refusing to write an invalid store: ${(error as Error).message}`);
        }
        if (migratedFrom !== undefined) await keepPreMigrationCopy(path, migratedFrom);
        assertHeld();
        db.data = doc;
        await db.write();
        await stampValidated(path);
        return result as never;
      });
    },
  };
}

/** `<store>.v<N>.bak`: the file as it was before migration to the current schema, kept once. */
async function keepPreMigrationCopy(path: string, version: number): Promise<void> {
  const copy = `${path}.v${version}.bak`;
  if (existsSync(copy)) return;
  try {
    await copyFile(path, copy);
  } catch (error) {
    throw new StoreError('io', `cannot keep a copy of store ${path} before migrating it: ${describeFsError(error)}`);
  }
}
