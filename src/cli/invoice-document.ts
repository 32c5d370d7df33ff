/**
 * The JSON document `invoice new --input` reads (and `invoice edit --input`, and recurring schedules):
 *   { "customer": "globex", "issueDate": "2026-11-01", "dueDate": "2026-12-01", "currency": "EUR",
 *     "note": "Thanks!", "items": [ { "description": "Design work", "quantity": "10",
 *     "unitPrice": "150.00", "taxRate": "19" } ] }
 * Numbers may be JSON numbers or decimal strings. Unknown fields are refused: a typo such as "unit_price"
 * must not silently bill nothing.
 */
import { parseCalendarDate } from '../domain/dates.js';
import { invalid } from '../domain/errors.js';
import { termsDays } from '../domain/fields.js';
import type { ItemInput } from '../domain/totals.js';
import { validateInvoiceInput } from '../generated/validateInvoiceInput.js';
import { FileRefusedError, MiB, readRegularFile } from '../platform/bounded-read.js';
import { describeSchemaError } from '../store/schema-errors.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

interface RawDocument {
  customer?: string;
  issueDate?: string;
  dueDate?: string;
  terms?: string | number;
  currency?: string;
  note?: string;
  draft?: boolean;
  items?: { description: string; quantity?: string | number; unitPrice: string | number; taxRate?: string | number }[];
}

export interface InvoiceDocument {
  customer?: string;
  issueDate?: string;
  dueDate?: string;
  terms?: number;
  currency?: string;
  note?: string;
  draft?: boolean;
  items?: ItemInput[];
}

function decimalText(value: string | number, field: string): string {
  if (typeof value === 'string') return value;
  const text = String(value);
  if (!Number.isFinite(value) || /e/i.test(text)) throw invalid(`${field}: ${text} is not a plain decimal; write it as a string`);
  return text;
}

/** Checks and converts a parsed JSON document; `source` names it in errors ("--input order.json"). */
export function parseInvoiceDocument(json: unknown, source: string): InvoiceDocument {
  if (!validateInvoiceInput(json)) throw invalid(`${source}: ${describeSchemaError(validateInvoiceInput.errors, 'document')}`);
  const raw = json as RawDocument;
  const at = (field: string) => `${source}: ${field}`;
  const document: InvoiceDocument = {};
  if (raw.customer !== undefined) document.customer = raw.customer;
  if (raw.issueDate !== undefined) document.issueDate = parseCalendarDate(raw.issueDate, at('issueDate'));
  if (raw.dueDate !== undefined) document.dueDate = parseCalendarDate(raw.dueDate, at('dueDate'));
  if (raw.terms !== undefined) document.terms = termsDays(raw.terms, at('terms'));
  if (raw.currency !== undefined) document.currency = raw.currency;
  if (raw.note !== undefined) document.note = raw.note;
  if (raw.draft !== undefined) document.draft = raw.draft;
  if (raw.items !== undefined) {
    document.items = raw.items.map((entry, index) => ({
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
