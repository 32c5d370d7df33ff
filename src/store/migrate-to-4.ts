/**
 * Schema 4 (issue 10: the legally complete invoice). Two halves, kept apart so each can be read alone:
 * - invoices: every invoice gets `type: 'invoice'`, every line and tax line a VAT category (S when the rate
 *   is above 0, Z at 0), and lineTotal/allowanceTotal/chargeTotal (BT-106/107/108) from what it already has;
 * - parties: free-text addresses stay readable (kept as `address`, and copied as street lines into
 *   `postalAddress`, with no country guessed: `config set country` / `customer edit --country` sets it).
 * Pure, like every migration; wired into MIGRATIONS[3] in migrations.ts.
 */
import { linesOfText } from '../domain/parties.js';

type Json = Record<string, unknown>;

const ZERO_RATE = /^-?0+(\.0+)?$/;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const categoryOfRate = (rate: unknown) => (typeof rate === 'string' && !ZERO_RATE.test(rate) ? 'S' : 'Z');

/** Lines and tax lines gain their category; grouping by rate alone was grouping by (S or Z, rate). */
function withCategories(record: Json): Json {
  const migrated = { ...record };
  if (Array.isArray(record.items)) migrated.items = record.items.map((line) => (isRecord(line) && line.taxCategory === undefined ? { ...line, taxCategory: categoryOfRate(line.taxRate) } : line));
  if (Array.isArray(record.taxes)) migrated.taxes = record.taxes.map((line) => (isRecord(line) && line.category === undefined ? { ...line, category: categoryOfRate(line.rate) } : line));
  return migrated;
}

/** An invoice of schema 3 as schema 4 has it: type, categories, and BT-106/107/108 (no document allowances then). */
function invoiceTo4(invoice: unknown): unknown {
  if (!isRecord(invoice)) return invoice;
  const migrated: Json = {
    ...withCategories(invoice),
    type: invoice.type ?? 'invoice',
    lineTotal: invoice.lineTotal ?? invoice.subtotal,
    allowanceTotal: invoice.allowanceTotal ?? 0,
    chargeTotal: invoice.chargeTotal ?? 0,
  };
  // Versions replaced by edits get their categories too, so every line in the store reads the same way.
  if (Array.isArray(invoice.history)) {
    migrated.history = invoice.history.map((entry) => (isRecord(entry) && isRecord(entry.previous) ? { ...entry, previous: withCategories(entry.previous) } : entry));
  }
  return migrated;
}

/** Every invoice, and every invoice kept in the audit log, in the schema-4 form. */
export function migrateInvoicesTo4(doc: Json): Json {
  const invoices = Array.isArray(doc.invoices) ? doc.invoices.map(invoiceTo4) : doc.invoices;
  const audit = Array.isArray(doc.audit) ? doc.audit.map((entry) => (isRecord(entry) && entry.invoice !== undefined ? { ...entry, invoice: invoiceTo4(entry.invoice) } : entry)) : doc.audit;
  return { ...doc, invoices, audit };
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A party (business, customer, or the copy an invoice keeps) with its free-text address also as street
 * lines: "Hafenstraße 12\n20457 Hamburg" → postalAddress { lines: ["Hafenstraße 12", "20457 Hamburg"] }.
 * Lines are split on line breaks only, never on commas; a fourth line and later ones join the third (EN 16931
 * has three). No postcode, city or country is guessed from the text: a wrong guess on a legal document is
 * worse than none, and the country is set once by the user (smallpay config set country DE;
 * smallpay customer edit <id> --country FR). The store is untrusted: anything but a text is left as it is,
 * for the schema check to name.
 */
function withStreetLines(party: unknown): unknown {
  if (!isObject(party) || typeof party.address !== 'string' || party.postalAddress !== undefined) return party;
  const lines = linesOfText(party.address);
  return lines.length === 0 ? party : { ...party, postalAddress: { lines } };
}

export function migratePartiesTo4(doc: Json): Json {
  const invoices = Array.isArray(doc.invoices)
    ? doc.invoices.map((invoice: unknown) => {
        if (!isObject(invoice)) return invoice;
        const copy = { ...invoice };
        if ('customer' in copy) copy.customer = withStreetLines(copy.customer);
        if ('issuer' in copy) copy.issuer = withStreetLines(copy.issuer);
        return copy;
      })
    : undefined;
  return {
    ...doc,
    ...('business' in doc && { business: withStreetLines(doc.business) }),
    ...(Array.isArray(doc.customers) && { customers: doc.customers.map(withStreetLines) }),
    ...(invoices !== undefined && { invoices }),
  };
}
