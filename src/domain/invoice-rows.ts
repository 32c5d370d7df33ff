/**
 * Reading the rows of SmallPay's invoice CSV (invoice-csv.ts) back into documents, every cell checked by the
 * rules the store itself keeps, and the totals computed again by SmallPay's own arithmetic (totals.ts): a
 * file total that differs from the computed one is a bad row, never taken on trust.
 * A document is the rows sharing a number; its document and customer columns must agree on every row.
 */
import type { DocumentAdjustmentInput, AdjustmentInput, ItemInput } from './totals.js';
import { computeTotals } from './totals.js';
import type { CustomerInput } from './customers.js';
import { DomainError, invalid } from './errors.js';
import * as fields from './fields.js';
import { isCurrencyCode } from './currency.js';
import { parseCalendarDate } from './dates.js';
import { parseAmount } from './money.js';
import { formatAmount } from './money-format.js';
import { isInvoiceNumber, isRecordId, INVOICE_NUMBER_RULE } from './identifiers.js';
import { type ImportProblem, type ImportRow, type ImportTable, readCell } from './import-table.js';
import { readCustomerColumns } from './invoice-row-customer.js';
import { INVOICE_COLUMNS, type InvoiceColumn } from './invoice-csv.js';
import { MAX_NOTE_LENGTH } from './invoices.js';
import type { Business, DocumentType, Invoice, InvoiceStatus } from './types.js';

/** The money columns a document's payments file must account for (minor units). */
export interface FileMoney {
  paid: number;
  credited: number;
  refunded: number;
  writtenOff: number;
  balance: number;
}

export interface ParsedDocument {
  number: string;
  /** The document's first row and every row, for problems. */
  line: number;
  /** Everything but id, issuer, history, numbering and payments, which the import decides. */
  invoice: Omit<Invoice, 'id' | 'issuer' | 'history' | 'status'>;
  status: InvoiceStatus;
  invoiceId?: string;
  corrects?: { number: string; issueDate: string };
  customerInput: CustomerInput;
  money: FileMoney;
}

const LINE_COLUMNS = new Set<string>(INVOICE_COLUMNS.filter((column) => column === 'line' || (column.startsWith('line_') && column !== 'line_total')));
const STATUSES: readonly InvoiceStatus[] = ['open', 'partial', 'paid', 'void', 'credited', 'written-off', 'issued'];

/** readCell for the columns of this file. */
function cellReader(problems: ImportProblem[]) {
  return <T>(row: ImportRow, column: InvoiceColumn, parse: (text: string) => T, optional = false): T | undefined => readCell(row, column, parse, problems, optional);
}

function jsonArray<T>(text: string, column: string): T[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(`${column}: not a JSON array`);
  }
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry))) throw invalid(`${column}: must be a JSON array of objects`);
  return value as T[];
}

/** Rows grouped by number, in the order numbers first appear. */
function documentsOf(table: ImportTable, problems: ImportProblem[]): ImportRow[][] {
  const groups = new Map<string, ImportRow[]>();
  for (const row of table.rows) {
    const number = (row.cells.number ?? '').trim();
    if (number === '') {
      problems.push({ line: row.line, column: 'number', reason: 'must not be empty' });
      continue;
    }
    groups.set(number, [...(groups.get(number) ?? []), row]);
  }
  return [...groups.values()];
}

/** Reads every document of the file; problems name the line and column of every bad cell. */
export function readInvoiceRows(table: ImportTable, business: Business): { documents: ParsedDocument[]; problems: ImportProblem[]; failed: Map<string, string | undefined> } {
  const problems: ImportProblem[] = [];
  const missing = INVOICE_COLUMNS.filter((column) => !table.columns.includes(column));
  const unknown = table.columns.filter((column) => !(INVOICE_COLUMNS as readonly string[]).includes(column));
  if (missing.length > 0) problems.push({ line: 0, column: '', reason: `misses the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of smallpay export csv (docs/exports.md)` });
  if (unknown.length > 0) problems.push({ line: 0, column: '', reason: `has column${unknown.length === 1 ? '' : 's'} that smallpay export csv does not write: ${unknown.join(', ')}` });
  // Documents with bad rows, by number, with their currency when it reads: their payments are checked still.
  const failed = new Map<string, string | undefined>();
  if (problems.length > 0) return { documents: [], problems, failed };
  const documents: ParsedDocument[] = [];
  for (const rows of documentsOf(table, problems)) {
    const document = readDocument(rows, business, problems);
    if (document) documents.push(document);
    else {
      const currency = rows[0]?.cells.currency ?? '';
      failed.set(rows[0]?.cells.number?.trim() ?? '', isCurrencyCode(currency) ? currency : undefined);
    }
  }
  return { documents, problems, failed };
}

function readDocument(rows: ImportRow[], business: Business, problems: ImportProblem[]): ParsedDocument | undefined {
  const before = problems.length;
  const cell = cellReader(problems);
  const [first] = rows as [ImportRow];
  // The document's columns are the same on each of its rows.
  for (const row of rows.slice(1)) {
    for (const column of INVOICE_COLUMNS) {
      if (!LINE_COLUMNS.has(column) && row.cells[column] !== first.cells[column]) problems.push({ line: row.line, column, reason: `differs from ${first.cells[column] === '' ? 'the empty cell' : `'${first.cells[column]}'`} on line ${first.line} of the same document` });
    }
  }
  rows.forEach((row, index) => {
    if (row.cells.line !== String(index + 1)) problems.push({ line: row.line, column: 'line', reason: `expected ${index + 1}: a document's lines are numbered 1, 2, … in order` });
  });
  const number = cell(first, 'number', (text) => {
    if (!isInvoiceNumber(text)) throw invalid(`'${text}' is not an invoice number (${INVOICE_NUMBER_RULE}, at most 64 characters)`);
    return text;
  });
  const type = cell(first, 'type', (text): DocumentType => {
    if (text !== 'invoice' && text !== 'credit-note') throw invalid(`'${text}' is not invoice or credit-note`);
    return text;
  });
  const status = cell(first, 'status', (text) => {
    const status = STATUSES.find((candidate) => candidate === text);
    if (status === undefined || (type !== undefined && (status === 'issued') !== (type === 'credit-note'))) {
      throw invalid(`'${text}' is not a status of ${type === 'credit-note' ? 'a credit note (issued)' : `an issued invoice (${STATUSES.slice(0, -1).join(', ')})`}`);
    }
    return status;
  });
  const date = (column: InvoiceColumn, optional = false) => cell(first, column, (text) => parseCalendarDate(text, column), optional);
  const issueDate = date('issue_date');
  const dueDate = date('due_date');
  if (issueDate !== undefined && dueDate !== undefined && dueDate < issueDate) problems.push({ line: first.line, column: 'due_date', reason: `${dueDate} is before the issue date ${issueDate}` });
  const currency = cell(first, 'currency', (text) => fields.currency(text, 'currency'));
  const correctsNumber = cell(first, 'corrects_number', (text) => text, true);
  const correctsIssueDate = date('corrects_issue_date', true);
  if (type === 'credit-note' && (correctsNumber === undefined || correctsIssueDate === undefined)) problems.push({ line: first.line, column: correctsNumber === undefined ? 'corrects_number' : 'corrects_issue_date', reason: 'a credit note names the invoice it corrects' });
  if (type === 'invoice' && (correctsNumber !== undefined || correctsIssueDate !== undefined)) problems.push({ line: first.line, column: 'corrects_number', reason: 'only credit notes correct an invoice' });
  const invoiceId = cell(first, 'invoice_id', (text) => {
    if (!isRecordId(text)) throw invalid(`'${text}' is not a record id`);
    return text;
  }, true);
  const text = (column: InvoiceColumn, parse: (value: string, field: string) => string = fields.singleLine) => cell(first, column, (value) => parse(value, column), true);
  const lang = text('lang', fields.language);
  const note = text('note', (value, field) => fields.multiLine(value, field, MAX_NOTE_LENGTH));
  const serviceDate = date('service_date', true);
  const serviceStart = date('service_start', true);
  const serviceEnd = date('service_end', true);
  if ((serviceStart === undefined) !== (serviceEnd === undefined)) problems.push({ line: first.line, column: serviceStart === undefined ? 'service_start' : 'service_end', reason: 'a service period has a start and an end' });
  const purchaseOrder = text('purchase_order');
  const buyerReference = text('buyer_reference');
  const contract = text('contract');
  const customer = readCustomerColumns(first, problems);

  if (currency === undefined) return undefined;
  const amount = (row: ImportRow, column: InvoiceColumn) => cell(row, column, (value) => parseAmount(value.trim(), currency, column));
  const adjustments = <T>(row: ImportRow, column: InvoiceColumn) => cell(row, column, (value) => jsonArray<T>(value, column), true);
  const items: ItemInput[] = rows.map((row) => {
    const value = (column: InvoiceColumn) => (row.cells[column] === '' ? undefined : row.cells[column]);
    const allowances = adjustments<AdjustmentInput>(row, 'line_allowances');
    const charges = adjustments<AdjustmentInput>(row, 'line_charges');
    return {
      description: row.cells.line_description ?? '',
      unitPrice: row.cells.line_unit_price ?? '',
      ...(value('line_quantity') !== undefined && { quantity: value('line_quantity') }),
      ...(value('line_vat_rate') !== undefined && { taxRate: value('line_vat_rate') }),
      ...(value('line_unit') !== undefined && { unit: value('line_unit') }),
      ...(value('line_base_quantity') !== undefined && { baseQuantity: value('line_base_quantity') }),
      ...(value('line_vat_category') !== undefined && { taxCategory: value('line_vat_category') }),
      ...(value('line_exemption_reason') !== undefined && { exemptionReason: value('line_exemption_reason') }),
      ...(value('line_exemption_code') !== undefined && { exemptionCode: value('line_exemption_code') }),
      ...(allowances !== undefined && { allowances }),
      ...(charges !== undefined && { charges }),
    } as ItemInput;
  });
  const documentAllowances = adjustments<DocumentAdjustmentInput>(first, 'document_allowances');
  const documentCharges = adjustments<DocumentAdjustmentInput>(first, 'document_charges');
  const unreadable = (column: InvoiceColumn) => rows.some((row) => row.cells[column] !== '' && problems.some((problem) => problem.line === row.line && problem.column === column));
  if ((['line_allowances', 'line_charges', 'document_allowances', 'document_charges'] as const).some(unreadable)) return undefined;

  // Totals by SmallPay's arithmetic; the label says which row and column a bad item field came from.
  const itemColumn = { description: 'line_description', quantity: 'line_quantity', unitPrice: 'line_unit_price', taxRate: 'line_vat_rate' } as const;
  let totals;
  try {
    totals = computeTotals(items, currency, {
      label: (index, field) => `@${index}@${itemColumn[field]}`,
      ...(documentAllowances !== undefined && { allowances: documentAllowances }),
      ...(documentCharges !== undefined && { charges: documentCharges }),
      lang: lang ?? customer.snapshot.lang ?? business.lang,
      ...(business.postalAddress?.country !== undefined && { sellerCountry: business.postalAddress.country }),
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const labelled = /^@(\d+)@(\w+): (.*)$/s.exec(error.message) ?? /^item (\d+) (\w+): (.*)$/s.exec(error.message);
    const index = labelled ? Number(labelled[1]) - (labelled[0].startsWith('@') ? 0 : 1) : 0;
    const column = labelled ? (labelled[0].startsWith('@') ? (labelled[2] as string) : `line_${labelled[2] as string}`) : 'line_description';
    problems.push({ line: rows[index]?.line ?? first.line, column, reason: labelled ? (labelled[3] as string) : error.message });
    return undefined;
  }
  const money = (minor: number) => formatAmount(minor, currency);
  const check = (row: ImportRow, column: InvoiceColumn, computed: number) => {
    const given = amount(row, column);
    if (given !== undefined && given !== computed) problems.push({ line: row.line, column, reason: `is ${money(given)}, but SmallPay computes ${money(computed)}` });
  };
  totals.items.forEach((item, index) => check(rows[index] as ImportRow, 'line_net', item.net));
  check(first, 'line_total', totals.lineTotal);
  check(first, 'allowance_total', totals.allowanceTotal);
  check(first, 'charge_total', totals.chargeTotal);
  check(first, 'net_total', totals.subtotal);
  check(first, 'tax_total', totals.tax);
  check(first, 'total', totals.total);
  const fileMoney = { paid: amount(first, 'paid'), credited: amount(first, 'credited'), refunded: amount(first, 'refunded'), writtenOff: amount(first, 'written_off'), balance: cell(first, 'balance', (value) => parseAmount(value.trim(), currency, 'balance')) };
  if (problems.length > before || number === undefined || type === undefined || status === undefined || issueDate === undefined || dueDate === undefined) return undefined;
  return {
    number,
    line: first.line,
    status,
    ...(invoiceId !== undefined && { invoiceId }),
    ...(correctsNumber !== undefined && correctsIssueDate !== undefined && { corrects: { number: correctsNumber, issueDate: correctsIssueDate } }),
    customerInput: customer.input,
    money: fileMoney as FileMoney,
    invoice: {
      type,
      number,
      customer: customer.snapshot,
      issueDate,
      dueDate,
      terms: 0,
      currency,
      ...(note !== undefined && { note }),
      ...(lang !== undefined && { lang }),
      ...totals,
      paid: 0,
      payments: [],
      ...(serviceDate !== undefined && { serviceDate }),
      ...(serviceStart !== undefined && serviceEnd !== undefined && { servicePeriod: { start: serviceStart, end: serviceEnd } }),
      ...(purchaseOrder !== undefined && { purchaseOrder }),
      ...(buyerReference !== undefined && { buyerReference }),
      ...(contract !== undefined && { contract }),
    },
  };
}
