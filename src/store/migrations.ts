/**
 * Forward migrations of the store file, one function per schema version step, applied in order on load.
 * Pure: the store keeps a copy of the file as it was before it writes a migrated document.
 */
import { migrateInvoicesTo4, migratePartiesTo4 } from './migrate-to-4.js';
import { CURRENT_SCHEMA_VERSION, InvalidDocumentError } from './schema.js';

type Json = Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n document into version n + 1. */
const MIGRATIONS: Record<number, (doc: Json) => Json> = {
  // 2: the outbox of emails (smallpay send).
  1: (doc) => ({ ...doc, outbox: [] }),
  // 3: recurring schedules (smallpay recurring).
  2: (doc) => ({ ...doc, recurring: [] }),
  // 4: the legally complete invoice (issue 10): VAT categories, allowances and charges, structured parties.
  3: (doc) => migratePartiesTo4(migrateInvoicesTo4(doc)),
};

export class TooNewError extends Error {
  override readonly name = 'TooNewError';
  constructor(readonly version: number) {
    super(`written by a newer SmallPay (schema version ${version}; this one reads up to ${CURRENT_SCHEMA_VERSION})`);
  }
}

/** The document brought to the current schema version, and the version it had. */
export function migrate(
  json: unknown,
  migrations: Record<number, (doc: Json) => Json> = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): { json: Json; from: number } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InvalidDocumentError('document: must be a JSON object');
  const from = (json as Json).schemaVersion;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 1) {
    throw new InvalidDocumentError('schemaVersion: missing or not a positive whole number');
  }
  if (from > target) throw new TooNewError(from);
  let doc = json as Json;
  for (let version = from; version < target; version += 1) {
    const step = migrations[version];
    if (!step) throw new InvalidDocumentError(`schemaVersion: no migration from version ${version}`);
    doc = { ...step(doc), schemaVersion: version + 1 };
  }
  return { json: doc, from };
}
