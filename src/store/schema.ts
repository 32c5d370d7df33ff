/**
 * The store file's shape: JSON Schema in store.schema.json (also the format's documentation), compiled to
 * plain code by ajv at build time, so a 100,000-invoice store validates in a fraction of a second.
 * `validateDocument` is pure: it returns the document or names the first problem by its path
 * (invoices[3].total). Objects may carry extra fields, which a rewrite keeps.
 */
import { isCurrencyCode } from '../domain/currency.js';
import { isCalendarDate } from '../domain/dates.js';
import type { Invoice, StoreDocument } from '../domain/types.js';
import { validateStore } from '../generated/validateStore.js';
import { describeSchemaError } from './schema-errors.js';

export const CURRENT_SCHEMA_VERSION = 3;

export class InvalidDocumentError extends Error {
  override readonly name = 'InvalidDocumentError';
}

function assertUnique<T>(records: readonly T[], what: string, keyOf: (record: T) => string | null): void {
  const seen = new Set<string>();
  for (const record of records) {
    const key = keyOf(record);
    if (key === null) continue;
    if (seen.has(key)) throw new InvalidDocumentError(`${what} '${key}' appears twice`);
    seen.add(key);
  }
}

/** What JSON Schema patterns cannot say: real calendar dates (no 2026-02-30) and known currencies. */
function checkInvoiceValues(invoice: Invoice, at: string): void {
  if (!isCurrencyCode(invoice.currency)) throw new InvalidDocumentError(`${at}.currency: '${invoice.currency}' is not an ISO 4217 currency code`);
  for (const field of ['issueDate', 'dueDate'] as const) {
    if (!isCalendarDate(invoice[field])) throw new InvalidDocumentError(`${at}.${field}: '${invoice[field]}' is not a calendar date`);
  }
  invoice.payments.forEach((payment, index) => {
    if (!isCalendarDate(payment.date)) throw new InvalidDocumentError(`${at}.payments[${index}].date: '${payment.date}' is not a calendar date`);
  });
}

/** The document if it is a valid store of the current schema; else throws naming the first problem. */
export function validateDocument(json: unknown): StoreDocument {
  if (!validateStore(json)) throw new InvalidDocumentError(describeSchemaError(validateStore.errors, 'document'));
  const doc = json as StoreDocument;
  const currencies: [string, string | undefined][] = [
    ['business.currency', doc.business?.currency],
    ...doc.customers.map((c, i): [string, string | undefined] => [`customers[${i}].currency`, c.currency]),
  ];
  for (const [at, code] of currencies) {
    if (code !== undefined && !isCurrencyCode(code)) throw new InvalidDocumentError(`${at}: '${code}' is not an ISO 4217 currency code`);
  }
  doc.invoices.forEach((invoice, index) => checkInvoiceValues(invoice, `invoices[${index}]`));
  assertUnique(doc.customers, 'customer id', (c) => c.id);
  assertUnique(doc.customers, 'customer email', (c) => c.email.toLowerCase());
  assertUnique(doc.invoices, 'invoice id', (i) => i.id);
  assertUnique(doc.invoices, 'invoice number', (i) => i.number);
  assertUnique(doc.outbox, 'outbox job id', (job) => job.id);
  return doc;
}

export function emptyDocument(): StoreDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, business: null, customers: [], invoices: [], sequences: {}, audit: [], outbox: [], recurring: [] };
}
