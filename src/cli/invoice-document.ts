/**
 * The JSON document `invoice new --input` reads (and `invoice edit --input`, and recurring schedules):
 *   { "customer": "globex", "issueDate": "2026-11-01", "dueDate": "2026-12-01", "currency": "EUR",
 *     "note": "Thanks!", "items": [ { "description": "Design work", "quantity": "10",
 *     "unitPrice": "150.00", "taxRate": "19" } ] }
 * Numbers may be JSON numbers or decimal strings. Unknown fields are refused: a typo such as "unit_price"
 * must not silently bill nothing. The shape is defined by invoice-input.schema.json (see InvoiceDocument).
 */
import { parseCalendarDate } from '../domain/dates.js';
import { invalid } from '../domain/errors.js';
import { termsDays } from '../domain/fields.js';
import type { ItemInput } from '../domain/totals.js';
import type { InvoiceInput } from '../domain/invoices.js';
import { type InvoiceInputDocument, validateInvoiceInput } from '../generated/validateInvoiceInput.js';
import { FileRefusedError, MiB, readRegularFile } from '../platform/bounded-read.js';
import { describeSchemaError } from '../store/schema-errors.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

/**
 * The document once checked: the fields of the core's InvoiceInput, all optional (flags may give the rest).
 * Its raw JSON form, InvoiceInputDocument, is generated from invoice-input.schema.json; the two must name
 * the same fields, which the compiler checks below. So the shape is written once for JSON (the schema) and
 * once for the core (InvoiceInput), and nowhere else.
 */
export type InvoiceDocument = Partial<Omit<InvoiceInput, 'itemLabel'>>;

// A type error on the next lines means the schema and InvoiceInput (or ItemInput) name different fields.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
const schemaMatchesCore: SameKeys<InvoiceInputDocument, InvoiceDocument> & SameKeys<NonNullable<InvoiceInputDocument['items']>[number], ItemInput> = true;
void schemaMatchesCore;

function decimalText(value: string | number, field: string): string {
  if (typeof value === 'string') return value;
  const text = String(value);
  if (!Number.isFinite(value) || /e/i.test(text)) throw invalid(`${field}: ${text} is not a plain decimal; write it as a string`);
  return text;
}

/** Checks and converts a parsed JSON document; `source` names it in errors ("--input order.json"). */
export function parseInvoiceDocument(json: unknown, source: string): InvoiceDocument {
  if (!validateInvoiceInput(json)) throw invalid(`${source}: ${describeSchemaError(validateInvoiceInput.errors, 'document')}`);
  const at = (field: string) => `${source}: ${field}`;
  const document: InvoiceDocument = {};
  if (json.customer !== undefined) document.customer = json.customer;
  if (json.issueDate !== undefined) document.issueDate = parseCalendarDate(json.issueDate, at('issueDate'));
  if (json.dueDate !== undefined) document.dueDate = parseCalendarDate(json.dueDate, at('dueDate'));
  if (json.terms !== undefined) document.terms = termsDays(json.terms, at('terms'));
  if (json.currency !== undefined) document.currency = json.currency;
  if (json.note !== undefined) document.note = json.note;
  if (json.draft !== undefined) document.draft = json.draft;
  if (json.items !== undefined) {
    document.items = json.items.map((entry, index) => ({
      description: entry.description,
      unitPrice: decimalText(entry.unitPrice, at(`items[${index}].unitPrice`)),
      ...(entry.quantity !== undefined && { quantity: decimalText(entry.quantity, at(`items[${index}].quantity`)) }),
      ...(entry.taxRate !== undefined && { taxRate: decimalText(entry.taxRate, at(`items[${index}].taxRate`)) }),
    }));
  }
  return document;
}

/** The most `--input` reads, from a file or stdin: far more than 1000 items need, far less than memory. */
export const MAX_INPUT_BYTES = 10 * MiB;

/** Reads `--input <file|->` (a regular file, or stdin for '-', up to MAX_INPUT_BYTES) and parses it. */
export async function readInvoiceDocument(input: string, io: Io): Promise<InvoiceDocument> {
  const source = `--input ${input}`;
  let text: string;
  try {
    text = input === '-' ? await io.readStdin(MAX_INPUT_BYTES) : readRegularFile(input, MAX_INPUT_BYTES, '--input').toString('utf8');
  } catch (error) {
    if (error instanceof FileRefusedError) throw new UsageError(input === '-' ? `--input -: ${error.message}` : error.message);
    throw new UsageError(`${source}: cannot read it: ${(error as Error).message.replace(/^[A-Z]+: /, '')}`);
  }
  if (text.trim() === '') throw new UsageError(`${source}: is empty; expected a JSON document`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source}: not valid JSON: ${(error as Error).message}`);
  }
  return parseInvoiceDocument(json, source);
}
