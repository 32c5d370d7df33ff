/**
 * The JSON document `invoice new --input` reads (and `invoice edit --input`, and recurring schedules):
 *   { "customer": "globex", "issueDate": "2026-11-01", "dueDate": "2026-12-01", "currency": "EUR",
 *     "note": "Thanks!", "items": [ { "description": "Design work", "quantity": "10",
 *     "unitPrice": "150.00", "taxRate": "19" } ] }
 * Issue 10 adds units, base quantities, VAT categories, exemption reasons, line and document allowances and
 * charges, the date of supply or period and the references (see invoice-input.schema.json).
 * Numbers may be JSON numbers or decimal strings. Unknown fields are refused: a typo such as "unit_price"
 * must not silently bill nothing. The shape is defined by invoice-input.schema.json (see InvoiceDocument).
 */
import { parseCalendarDate } from '../domain/dates.js';
import { invalid } from '../domain/errors.js';
import { termsDays } from '../domain/fields.js';
import type { AdjustmentInput, DocumentAdjustmentInput, ItemInput } from '../domain/totals.js';
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

type RawAdjustment = { percent?: string | number; amount?: string | number; reason?: string; reasonCode?: string };
type RawDocumentAdjustment = RawAdjustment & { baseAmount?: string | number; taxCategory?: string; taxRate?: string | number; exemptionReason?: string; exemptionCode?: string };

function adjustmentOf(entry: RawAdjustment, field: string): AdjustmentInput {
  return {
    ...(entry.percent !== undefined && { percent: decimalText(entry.percent, `${field}.percent`) }),
    ...(entry.amount !== undefined && { amount: decimalText(entry.amount, `${field}.amount`) }),
    ...(entry.reason !== undefined && { reason: entry.reason }),
    ...(entry.reasonCode !== undefined && { reasonCode: entry.reasonCode }),
  };
}

function documentAdjustmentOf(entry: RawDocumentAdjustment, field: string): DocumentAdjustmentInput {
  return {
    ...adjustmentOf(entry, field),
    ...(entry.baseAmount !== undefined && { baseAmount: decimalText(entry.baseAmount, `${field}.baseAmount`) }),
    ...(entry.taxCategory !== undefined && { taxCategory: entry.taxCategory }),
    ...(entry.taxRate !== undefined && { taxRate: decimalText(entry.taxRate, `${field}.taxRate`) }),
    ...(entry.exemptionReason !== undefined && { exemptionReason: entry.exemptionReason }),
    ...(entry.exemptionCode !== undefined && { exemptionCode: entry.exemptionCode }),
  };
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
  if (json.serviceDate !== undefined) document.serviceDate = parseCalendarDate(json.serviceDate, at('serviceDate'));
  if (json.servicePeriod !== undefined) {
    document.servicePeriod = { start: parseCalendarDate(json.servicePeriod.start, at('servicePeriod.start')), end: parseCalendarDate(json.servicePeriod.end, at('servicePeriod.end')) };
  }
  for (const field of ['purchaseOrder', 'buyerReference', 'contract'] as const) {
    const value = json[field];
    if (value !== undefined) document[field] = value;
  }
  if (json.items !== undefined) {
    document.items = json.items.map((entry, index) => {
      const field = (name: string) => at(`items[${index}].${name}`);
      return {
        description: entry.description,
        unitPrice: decimalText(entry.unitPrice, field('unitPrice')),
        ...(entry.quantity !== undefined && { quantity: decimalText(entry.quantity, field('quantity')) }),
        ...(entry.taxRate !== undefined && { taxRate: decimalText(entry.taxRate, field('taxRate')) }),
        ...(entry.unit !== undefined && { unit: entry.unit }),
        ...(entry.baseQuantity !== undefined && { baseQuantity: decimalText(entry.baseQuantity, field('baseQuantity')) }),
        ...(entry.taxCategory !== undefined && { taxCategory: entry.taxCategory }),
        ...(entry.exemptionReason !== undefined && { exemptionReason: entry.exemptionReason }),
        ...(entry.exemptionCode !== undefined && { exemptionCode: entry.exemptionCode }),
        ...(entry.allowances !== undefined && { allowances: entry.allowances.map((adjustment, n) => adjustmentOf(adjustment, field(`allowances[${n}]`))) }),
        ...(entry.charges !== undefined && { charges: entry.charges.map((adjustment, n) => adjustmentOf(adjustment, field(`charges[${n}]`))) }),
      };
    });
  }
  if (json.allowances !== undefined) document.allowances = json.allowances.map((entry, index) => documentAdjustmentOf(entry, at(`allowances[${index}]`)));
  if (json.charges !== undefined) document.charges = json.charges.map((entry, index) => documentAdjustmentOf(entry, at(`charges[${index}]`)));
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
