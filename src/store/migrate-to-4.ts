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

/** STUB until the arithmetic helper fills it in. */
export function migrateInvoicesTo4(doc: Json): Json {
  return doc;
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
