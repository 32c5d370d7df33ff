/**
 * The JSON engine of the store interface (store.ts): one JSON file per business, read and written through the atomic adapter (atomic-file.ts).
 * - read(): the document as it is now (empty when the file does not exist yet; any JSON that is not an
 *   object is corrupt); no lock needed, since a writer replaces the file atomically.
 * - update(change): lock, read, validate, change, validate again, write, unlock. If `change` throws,
 *   nothing is written. A file that does not parse or validate is never overwritten.
 * Validation on read is skipped only for the very file a write validated (validation-stamp.ts).
 */
import { copyFile, mkdir, readlink, realpath } from 'node:fs/promises';
import { constants, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { StoreDocument } from '../domain/types.js';
import { AtomicJsonFile, JsonParseError, type StoreFileContent } from './atomic-file.js';
import { StoreError } from './errors.js';
import { describeFsError, errorCode } from '../platform/fs-errors.js';
import type { LockOptions } from './lock.js';
import { type Store, Unchanged } from './store.js';
import { TooNewError, migrate } from './migrations.js';
import { CURRENT_SCHEMA_VERSION, InvalidDocumentError, consistencyProblems, emptyDocument, schemaProblem, validateDocument } from './schema.js';
import { isStamped, stampValidated } from './validation-stamp.js';

export interface JsonStoreOptions extends LockOptions {
  path: string;
}

/** The hint of a corrupt store: `cp .bak` only when the backup itself would be read without complaint. */
function restoreHint(realPath: string): string {
  const backup = `${realPath}.bak`;
  if (!existsSync(backup)) return 'nothing was changed; repair the file by hand or move it aside';
  if (!backupIsSound(backup)) return `nothing was changed; the backup ${backup} is damaged too: repair the store by hand or restore a copy of your own`;
  return `nothing was changed; to restore the previous version: cp '${backup}' '${realPath}'`;
}

function backupIsSound(backup: string): boolean {
  try {
    const content = new AtomicJsonFile(backup).read();
    if (!content.exists) return false;
    validateDocument(migrate(requireObject(content.json)).json);
    return true;
  } catch {
    return false;
  }
}

/** No business and no record of any kind (sequences follow from invoices, so they need no look). */
function isEmptyDocument(doc: StoreDocument): boolean {
  return doc.business === null && doc.customers.length + doc.invoices.length + doc.recurring.length + doc.outbox.length + doc.audit.length === 0;
}

/** `null`, `false`, `0`, `""` or an array is a damaged store like any other, never "no store yet". */
function requireObject(json: unknown): object {
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json;
  const what = Array.isArray(json) ? 'an array' : JSON.stringify(json);
  throw new InvalidDocumentError(`document: must be a JSON object, not ${what}`);
}

/**
 * The store's real path: a symlinked store keeps its link, and the file it points to (in a synced folder,
 * say) is the one locked, updated and backed up. A link to a file not created yet is followed too.
 */
export async function realStorePath(path: string, depth = 0): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw new StoreError('io', `cannot resolve store path ${path}: ${describeFsError(error)}`);
  }
  const link = await readlink(path).catch(() => undefined);
  // 40 links deep is the kernel's own limit (ELOOP).
  if (link !== undefined && depth < 40) return realStorePath(resolve(dirname(path), link), depth + 1);
  const folder = await realpath(dirname(path)).catch(() => dirname(resolve(path)));
  return join(folder, basename(path));
}

async function load(file: AtomicJsonFile, path: string, realPath: string): Promise<{ doc: StoreDocument; migratedFrom?: number }> {
  try {
    const content = file.read();
    if (!content.exists) return { doc: emptyDocument() };
    const { json, from } = migrate(requireObject(content.json));
    const trusted = from === CURRENT_SCHEMA_VERSION && file.lastReadIdentity !== undefined && (await isStamped(realPath, file.lastReadIdentity));
    const doc = trusted ? (json as unknown as StoreDocument) : validateDocument(json);
    return from < CURRENT_SCHEMA_VERSION ? { doc, migratedFrom: from } : { doc };
  } catch (error) {
    if (error instanceof JsonParseError || error instanceof InvalidDocumentError) {
      throw new StoreError('corrupt', `store ${path} is ${error instanceof JsonParseError ? '' : 'invalid: '}${error.message}`, restoreHint(realPath));
    }
    if (error instanceof TooNewError) throw new StoreError('too-new', `store ${path} was ${error.message}`, 'upgrade smallpay');
    throw error;
  }
}

export function openJsonStore(options: JsonStoreOptions): Store {
  const { path } = options;
  const store: Store = {
    engine: 'json',
    path,
    filesFolder: dirname(path),
    async exists() {
      return existsSync(path);
    },
    async isEmpty() {
      return isEmptyDocument(await store.read());
    },
    async load(doc) {
      await store.update((current) => {
        if (!isEmptyDocument(current)) {
          throw new StoreError('io', `store ${path} is not empty`, 'copy into a new store');
        }
        Object.assign(current, structuredClone(doc));
      });
    },
    async close() {},
    async read() {
      const realPath = await realStorePath(path);
      return (await load(new AtomicJsonFile(realPath), path, realPath)).doc;
    },
    async readForCheck() {
      let content: StoreFileContent;
      try {
        content = new AtomicJsonFile(await realStorePath(path)).read();
      } catch (error) {
        if (error instanceof JsonParseError) return { problems: [`${path} is ${error.message}`] };
        throw error;
      }
      if (!content.exists) return { doc: emptyDocument(), problems: [] };
      let json: unknown;
      try {
        json = migrate(requireObject(content.json)).json;
      } catch (error) {
        return { problems: [(error as Error).message] };
      }
      const problem = schemaProblem(json);
      if (problem !== undefined) return { problems: [problem] };
      return { doc: json as StoreDocument, problems: consistencyProblems(json as StoreDocument) };
    },
    async update(change) {
      const realPath = await realStorePath(path);
      try {
        await mkdir(dirname(realPath), { recursive: true, mode: 0o700 });
      } catch (error) {
        throw new StoreError('io', `cannot create the folder of store ${path}: ${describeFsError(error)}`);
      }
      // The lock library patches fs on import; read-only commands never need it.
      const { withLock } = await import('./lock.js');
      return withLock(realPath, options, async (assertHeld) => {
        const file = new AtomicJsonFile(realPath);
        const { doc, migratedFrom } = await load(file, path, realPath);
        const result = await change(doc);
        if (result instanceof Unchanged) return result.value as never;
        try {
          validateDocument(doc);
        } catch (error) {
          throw new Error(`refusing to write an invalid store: ${(error as Error).message}`);
        }
        assertHeld();
        if (migratedFrom !== undefined) await keepPreMigrationCopy(realPath, migratedFrom);
        // Checked again once the new content is on disk, right before it replaces the file.
        await file.write(doc, assertHeld);
        await stampValidated(realPath);
        return result as never;
      });
    },
  };
  return store;
}

/** `<store>.v<N>.bak`: the file as it was before migration to the current schema, kept once. */
async function keepPreMigrationCopy(path: string, version: number): Promise<void> {
  const copy = `${path}.v${version}.bak`;
  if (existsSync(copy)) return;
  try {
    await copyFile(path, copy, constants.COPYFILE_EXCL);
  } catch (error) {
    throw new StoreError('io', `cannot keep a copy of store ${path} before migrating it: ${describeFsError(error)}`);
  }
}
