/**
 * The store file's shape: JSON Schema in store.schema.json (also the format's documentation), compiled to
 * plain code by ajv at build time, so a 100,000-invoice store validates in a fraction of a second.
 * `validateDocument` is pure: it returns the document or names the first problem by its path
 * (invoices[3].total). Objects may carry extra fields, which a rewrite keeps.
 */
import { isCurrencyCode } from '../domain/currency.js';
import { isCalendarDate } from '../domain/dates.js';
import { nameProblems, textProblems } from '../domain/stored-names.js';
import { isUnitCode } from '../domain/units.js';
import type { Invoice, StoreDocument } from '../domain/types.js';
import { validateStore } from '../generated/validateStore.js';
import { describeSchemaError } from './schema-errors.js';

export const CURRENT_SCHEMA_VERSION = 4;

export class InvalidDocumentError extends Error {
  override readonly name = 'InvalidDocumentError';
}

function duplicates<T>(records: readonly T[], what: string, keyOf: (record: T) => string | null): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const record of records) {
    const key = keyOf(record);
    if (key === null) continue;
    if (seen.has(key)) problems.push(`${what} '${key}' appears twice`);
    seen.add(key);
  }
  return problems;
}

/** What JSON Schema patterns cannot say: real calendar dates (no 2026-02-30) and known currencies. */
function invoiceValueProblems(invoice: Invoice, at: string): string[] {
  const problems: string[] = [];
  if (!isCurrencyCode(invoice.currency)) problems.push(`${at}.currency: '${invoice.currency}' is not an ISO 4217 currency code`);
  for (const field of ['issueDate', 'dueDate'] as const) {
    if (!isCalendarDate(invoice[field])) problems.push(`${at}.${field}: '${invoice[field]}' is not a calendar date`);
  }
  invoice.payments.forEach((payment, index) => {
    if (!isCalendarDate(payment.date)) problems.push(`${at}.payments[${index}].date: '${payment.date}' is not a calendar date`);
  });
  const serviceDates: [string, string | undefined][] = [
    ['serviceDate', invoice.serviceDate],
    ['servicePeriod.start', invoice.servicePeriod?.start],
    ['servicePeriod.end', invoice.servicePeriod?.end],
  ];
  for (const [field, date] of serviceDates) if (date !== undefined && !isCalendarDate(date)) problems.push(`${at}.${field}: '${date}' is not a calendar date`);
  invoice.items.forEach((line, index) => {
    if (line.unit !== undefined && !isUnitCode(line.unit)) problems.push(`${at}.items[${index}].unit: '${line.unit}' is not a UN/ECE Rec. 20/21 unit code`);
  });
  return problems;
}

/** The first place where the document breaks the JSON Schema, or undefined when it does not. */
export function schemaProblem(json: unknown): string | undefined {
  return validateStore(json) ? undefined : describeSchemaError(validateStore.errors, 'document');
}

/**
 * Every problem a schema-valid document has beyond the schema: names and ids within their alphabets, texts
 * without control characters, unique keys, real dates, known currencies.
 */
export function consistencyProblems(doc: StoreDocument): string[] {
  const problems: string[] = [...nameProblems(doc), ...textProblems(doc)];
  const currencies: [string, string | undefined][] = [
    ['business.currency', doc.business?.currency],
    ...doc.customers.map((c, i): [string, string | undefined] => [`customers[${i}].currency`, c.currency]),
  ];
  for (const [at, code] of currencies) {
    if (code !== undefined && !isCurrencyCode(code)) problems.push(`${at}: '${code}' is not an ISO 4217 currency code`);
  }
  doc.invoices.forEach((invoice, index) => problems.push(...invoiceValueProblems(invoice, `invoices[${index}]`)));
  problems.push(
    ...duplicates(doc.customers, 'customer id', (c) => c.id),
    ...duplicates(doc.customers, 'customer email', (c) => c.email.toLowerCase()),
    ...duplicates(doc.invoices, 'invoice id', (i) => i.id),
    ...duplicates(doc.invoices, 'invoice number', (i) => i.number),
    ...duplicates(doc.outbox, 'outbox job id', (job) => job.id),
    ...duplicates(doc.recurring, 'recurring schedule id', (schedule) => schedule.id),
  );
  return problems;
}

/** The document if it is a valid store of the current schema; else throws naming the first problem. */
export function validateDocument(json: unknown): StoreDocument {
  const problem = schemaProblem(json) ?? consistencyProblems(json as StoreDocument)[0];
  if (problem !== undefined) throw new InvalidDocumentError(problem);
  return json as StoreDocument;
}

export function emptyDocument(): StoreDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, business: null, customers: [], invoices: [], sequences: {}, audit: [], outbox: [], recurring: [] };
}
