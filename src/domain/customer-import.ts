/**
 * `smallpay import customers`: rows of a table (import-table.ts) become customers, through the same rules as
 * `customer add` (customers.ts), so an imported customer is one that could have been added by hand.
 *
 * Columns are named by the CustomerInput fields (`name`, `email`, `taxId`, `street`, …), in camelCase or
 * snake_case (`tax_id`), or with the `customer_` prefix of `smallpay export csv` (`customer_vat_id` is the
 * VAT id), so an invoice export imports as customers too (then only its customer_ columns count: its
 * `currency` is the invoice's). `--map column=field` names a column otherwise called. A `street` cell may hold
 * several lines (one street line each). Other columns are ignored.
 *
 * Matching: a row whose id, else email, is a customer already in the store is that customer, left as it is
 * (an import adds, it never edits); so importing the same file twice adds nothing the second time. Rows that
 * repeat a customer of an earlier row (an invoice export has one row per invoice line) must agree with it.
 */
import { type CustomerInput, addCustomer } from './customers.js';
import { DomainError, invalid } from './errors.js';
import * as fields from './fields.js';
import type { ImportProblem, ImportRow, ImportTable } from './import-table.js';
import type { Customer, StoreDocument } from './types.js';

export const CUSTOMER_FIELDS = [
  'id', 'name', 'email', 'address', 'street', 'postcode', 'city', 'region', 'country', 'phone', 'taxId', 'currency', 'terms', 'lang', 'contact', 'endpoint', 'vatTreatment',
] as const satisfies readonly (keyof CustomerInput)[];

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The field a column name stands for without --map, or undefined. */
function fieldOfColumn(column: string): CustomerField | undefined {
  const name = column.trim().replace(/^customer_/, '');
  if (name === 'vat_id' || name === 'vatId') return 'taxId';
  return CUSTOMER_FIELDS.find((field) => field === name || snake(field) === name);
}

/** "--map Firma=name": the column of the file and the customer field it holds. Throws DomainError('invalid'). */
export function parseColumnMapping(text: string): [string, CustomerField] {
  const at = text.lastIndexOf('=');
  const column = text.slice(0, at).trim();
  const field = fieldOfColumn(text.slice(at + 1).trim());
  if (at <= 0 || column === '') throw invalid(`--map '${text}': expected column=field`);
  if (field === undefined) throw invalid(`--map '${text}': '${text.slice(at + 1).trim()}' is not a customer field (${CUSTOMER_FIELDS.join(', ')})`);
  return [column, field];
}

export interface CustomerImportResult {
  added: Customer[];
  /** Ids of store customers the rows named (by id or email), left unchanged. */
  matched: string[];
  /** Columns that are no customer field, and were ignored. */
  ignoredColumns: string[];
  problems: ImportProblem[];
}

/** The columns of each field: --map first, then the names the header gives. */
function columnsOfFields(table: ImportTable, mapping: readonly [string, CustomerField][], problems: ImportProblem[]): { columnOf: Map<CustomerField, string>; ignored: string[] } {
  const columnOf = new Map<CustomerField, string>();
  for (const [column, field] of mapping) {
    if (!table.columns.includes(column)) problems.push({ line: 0, column, reason: `--map names column '${column}', which the file does not have` });
    else columnOf.set(field, column);
  }
  const mapped = new Set(mapping.map(([column]) => column));
  // An invoice export: its `currency` and `lang` are the invoice's, only the customer_ columns are the customer's.
  const exported = table.columns.includes('customer_name');
  const ignored: string[] = [];
  for (const column of table.columns) {
    if (mapped.has(column)) continue;
    const field = exported && !column.startsWith('customer_') ? undefined : fieldOfColumn(column);
    if (field === undefined || columnOf.has(field)) ignored.push(column);
    else columnOf.set(field, column);
  }
  for (const field of ['name', 'email'] as const) {
    if (!columnOf.has(field)) problems.push({ line: 0, column: field, reason: `no column holds the customer's ${field} (name one with --map <column>=${field})` });
  }
  return { columnOf, ignored };
}

/** The CustomerInput a row gives: empty cells are absent fields. */
function inputOfRow(row: ImportRow, columnOf: ReadonlyMap<CustomerField, string>): CustomerInput {
  const input: CustomerInput = {};
  for (const [field, column] of columnOf) {
    const value = row.cells[column] ?? '';
    if (value.trim() === '') continue;
    if (field === 'street') input.street = value.split(/\r\n|\r|\n/);
    else input[field] = value;
  }
  return input;
}

/**
 * Adds the customers of `table` to `doc` (which the caller writes only when there are no problems). A
 * DomainError of customer add names its field first ("email: …"), which is turned back into the column.
 */
export function importCustomers(doc: StoreDocument, table: ImportTable, mapping: readonly [string, CustomerField][], today: string): CustomerImportResult {
  const problems: ImportProblem[] = [];
  const { columnOf, ignored } = columnsOfFields(table, mapping, problems);
  const result: CustomerImportResult = { added: [], matched: [], ignoredColumns: ignored, problems };
  if (problems.length > 0) return result;
  const fromRow = new Map<Customer, { line: number; input: CustomerInput }>();
  for (const row of table.rows) {
    const input = inputOfRow(row, columnOf);
    const outcome = customerOfRow(doc, input, today);
    if ('problem' in outcome) {
      const field = outcome.problem.field as CustomerField;
      problems.push({ line: row.line, column: columnOf.get(field) ?? '', reason: outcome.problem.reason });
    } else if (outcome.added) {
      result.added.push(outcome.customer);
      fromRow.set(outcome.customer, { line: row.line, input });
    } else {
      const earlier = fromRow.get(outcome.customer);
      if (earlier && JSON.stringify(earlier.input) !== JSON.stringify(input)) {
        problems.push({ line: row.line, column: '', reason: `names customer '${outcome.customer.id}' of ${table.unit} ${earlier.line} with other details` });
      } else if (!earlier && !result.matched.includes(outcome.customer.id)) result.matched.push(outcome.customer.id);
    }
  }
  return result;
}

type RowOutcome = { customer: Customer; added: boolean } | { problem: { field: string; reason: string } };

/** The store customer a row names (by id, else email), or a new one from it; problems as field and reason. */
export function customerOfRow(doc: StoreDocument, input: CustomerInput, today: string): RowOutcome {
  const id = input.id?.trim();
  const existing =
    (id !== undefined && id !== '' ? doc.customers.find((customer) => customer.id === id) : undefined) ??
    (input.email !== undefined ? doc.customers.find((customer) => fields.sameEmail(customer.email, input.email as string)) : undefined);
  if (existing) return { customer: existing, added: false };
  try {
    return { customer: addCustomer(doc, input, today), added: true };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const match = /^([a-zA-Z]+): (.*)$/s.exec(error.message);
    return { problem: match ? { field: match[1] as string, reason: match[2] as string } : { field: '', reason: error.message } };
  }
}
