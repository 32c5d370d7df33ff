/**
 * Schema 4 (issue 10: the legally complete invoice). Two halves, kept apart so each can be read alone:
 * - invoices: every invoice gets `type: 'invoice'`, every line and tax line a VAT category (S when the rate
 *   is above 0, Z at 0), and lineTotal/allowanceTotal/chargeTotal (BT-106/107/108) from what it already has;
 * - parties: free-text addresses stay readable (kept as `address`, and copied as street lines into
 *   `postalAddress`, with no country guessed: `config set country` / `customer edit --country` sets it).
 * Pure, like every migration; wired into MIGRATIONS[3] in migrations.ts.
 */
type Json = Record<string, unknown>;

/** STUB until the arithmetic helper fills it in. */
export function migrateInvoicesTo4(doc: Json): Json {
  return doc;
}

/** STUB until the parties helper fills it in. */
export function migratePartiesTo4(doc: Json): Json {
  return doc;
}
