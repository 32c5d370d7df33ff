/**
 * `smallpay import invoices`: SmallPay's own CSV (invoice-csv.ts), and its payments file, into a store.
 *
 * - All or nothing: the result lists every bad row; the caller writes only when there is none.
 * - Idempotent: a document whose number the store holds is that document (same type, currency, issue
 *   date, customer and total), and is left alone with its payments; another document under that number is a
 *   bad row. A second import of the same files adds nothing.
 * - Issued documents keep their numbers, dates, lines and customer details; their money comes from the
 *   payments file (payments, refunds, write-offs); their credit notes from the file. Every total is computed
 *   again (invoice-rows.ts), and the paid, credited, refunded, written-off, balance and status columns must
 *   be what that money makes them.
 * - Numbers: a number that SmallPay's own format for its type gives (INV-2026-0042 for INV-{YYYY}-{SEQ:4},
 *   issued in 2026) takes its place in that series, and the series continues after the highest such number,
 *   so SmallPay never gives it again. Any other number is outside SmallPay's series and can never collide
 *   with them. Imported documents are marked `imported`; `verify` counts gaps only after the highest
 *   imported number of a series (what came before was numbered by the tool used before).
 * - Customers the documents name that the store does not have (by id, else email) are added from the
 *   customer columns; the documents keep the customer details as written.
 */
import { groupOf, netLeftToCredit } from './credit-notes.js';
import { type CustomerInput } from './customers.js';
import { customerOfRow } from './customer-import.js';
import { DEFAULT_CREDIT_NUMBER_FORMAT } from './business.js';
import { parseCalendarDate, daysBetween } from './dates.js';
import { invalid } from './errors.js';
import * as fields from './fields.js';
import { type ImportProblem, type ImportTable, readCell } from './import-table.js';
import { issuerSnapshot, requireBusiness } from './invoice-issue.js';
import { PAYMENT_COLUMNS, PAYMENT_KINDS, type PaymentColumn, type PaymentKind } from './invoice-csv.js';
import { type ParsedDocument, readInvoiceRows } from './invoice-rows.js';
import { parseAmount } from './money.js';
import { formatAmount } from './money-format.js';
import { formatInvoiceNumber, placeInSeries } from './numbering.js';
import { currentPresentation } from './presentation.js';
import { balanceOf, settlementStatus } from './status.js';
import type { HistoryEntry, Invoice, StoreDocument } from './types.js';
import { vatRuleProblems } from './vat-rules.js';

export interface InvoiceImportResult {
  customers: { added: string[]; matched: string[] };
  invoices: { added: string[]; matched: string[] };
  /** Payments, refunds and write-offs recorded on the documents added. */
  payments: { added: number };
  problems: { file: 'invoices' | 'payments'; problem: ImportProblem }[];
}

interface MoneyRow {
  line: number;
  kind: PaymentKind;
  date: string;
  amount: number;
  method?: string;
  reason?: string;
}

/** The payments file's rows by invoice number, every cell checked. */
function readPaymentRows(table: ImportTable, currencyOf: (number: string) => string | undefined, problems: ImportProblem[], unreadable: ReadonlySet<string>): { byNumber: Map<string, MoneyRow[]>; badMoney: Set<string> } {
  const byNumber = new Map<string, MoneyRow[]>();
  const badMoney = new Set<string>();
  const missing = PAYMENT_COLUMNS.filter((column) => !table.columns.includes(column));
  const unknown = table.columns.filter((column) => !(PAYMENT_COLUMNS as readonly string[]).includes(column));
  if (missing.length > 0) problems.push({ line: 0, column: '', reason: `misses the columns ${missing.join(', ')} of smallpay export csv --payments (docs/exports.md)` });
  if (unknown.length > 0) problems.push({ line: 0, column: '', reason: `has columns that smallpay export csv --payments does not write: ${unknown.join(', ')}` });
  if (problems.length > 0) return { byNumber, badMoney };
  for (const row of table.rows) {
    const before = problems.length;
    const cell = <T>(column: PaymentColumn, parse: (text: string) => T, optional = false): T | undefined => readCell(row, column, parse, problems, optional);
    const number = row.cells.number?.trim() ?? '';
    const currency = currencyOf(number);
    // A document whose currency cannot be read is reported in the invoices file; its amounts cannot be checked.
    if (currency === undefined && unreadable.has(number)) continue;
    if (currency === undefined) {
      problems.push({ line: row.line, column: 'number', reason: number === '' ? 'must not be empty' : `${number} is neither in the invoices file nor in the store` });
      continue;
    }
    const kind = cell('kind', (text) => {
      const kind = PAYMENT_KINDS.find((candidate) => candidate === text);
      if (kind === undefined) throw invalid(`'${text}' is not ${PAYMENT_KINDS.join(', ')}`);
      return kind;
    });
    const date = cell('date', (text) => parseCalendarDate(text, 'date'));
    cell('currency', (text) => {
      if (text !== currency) throw invalid(`is ${text}, but ${number} is in ${currency}`);
    });
    const amount = cell('amount', (text) => {
      const minor = parseAmount(text.trim(), currency, 'amount');
      if (minor <= 0) throw invalid('must be more than 0');
      return minor;
    });
    const method = cell('method', (text) => fields.singleLine(text, 'method'), true);
    const reason = cell('reason', (text) => fields.singleLine(text, 'reason'), true);
    if (problems.length > before || kind === undefined || date === undefined || amount === undefined) {
      badMoney.add(number);
      continue;
    }
    byNumber.set(number, [...(byNumber.get(number) ?? []), { line: row.line, kind, date, amount, ...(method !== undefined && { method }), ...(reason !== undefined && { reason }) }]);
  }
  return { byNumber, badMoney };
}

/** Whether the store's document under this number is the file's: same type, currency, date, customer, total. */
function sameDocument(stored: Invoice, parsed: ParsedDocument): boolean {
  const { invoice } = parsed;
  // The customer as matched on the first import: by id, else email (the store's id may differ from the file's).
  const sameCustomer = stored.customer.id === invoice.customer.id || fields.sameEmail(stored.customer.email, invoice.customer.email);
  return (stored.type ?? 'invoice') === invoice.type && stored.currency === invoice.currency && stored.issueDate === invoice.issueDate && stored.total === invoice.total && sameCustomer;
}

const CUSTOMER_COLUMN: Record<string, string> = { id: 'customer_id', name: 'customer_name', email: 'customer_email', address: 'customer_address', street: 'customer_street', taxId: 'customer_vat_id', vatTreatment: 'customer_vat_treatment' };

export function importInvoices(doc: StoreDocument, invoices: ImportTable, payments: ImportTable | undefined, context: { today: string; newId: (prefix: string) => string }): InvoiceImportResult {
  const business = requireBusiness(doc);
  const result: InvoiceImportResult = { customers: { added: [], matched: [] }, invoices: { added: [], matched: [] }, payments: { added: 0 }, problems: [] };
  const invoiceProblems: ImportProblem[] = [];
  const paymentProblems: ImportProblem[] = [];
  const { documents, problems, failed } = readInvoiceRows(invoices, business);
  invoiceProblems.push(...problems);

  const deleted = new Set(doc.audit.flatMap((entry) => (entry.event === 'invoice.deleted' && entry.invoice?.number ? [entry.invoice.number] : [])));
  // Maps, not searches: an import of 100,000 documents into a store as large stays linear.
  const storedByNumber = new Map(doc.invoices.flatMap((invoice) => (invoice.number === null ? [] : [[invoice.number, invoice] as const])));
  const fresh: ParsedDocument[] = [];
  for (const parsed of documents) {
    const stored = storedByNumber.get(parsed.number);
    if (stored && sameDocument(stored, parsed)) result.invoices.matched.push(parsed.number);
    else if (stored) invoiceProblems.push({ line: parsed.line, column: 'number', reason: `${parsed.number} is already in the store as another document (${stored.type ?? 'invoice'} of ${formatAmount(stored.total, stored.currency)} ${stored.currency} to ${stored.customer.id}, issued ${stored.issueDate})` });
    else if (deleted.has(parsed.number)) invoiceProblems.push({ line: parsed.line, column: 'number', reason: `${parsed.number} was given to an invoice deleted from this store (smallpay audit list); numbers are never given twice` });
    else fresh.push(parsed);
  }
  const freshByNumber = new Map(fresh.map((parsed) => [parsed.number, parsed]));
  const currencyOf = (number: string) => freshByNumber.get(number)?.invoice.currency ?? failed.get(number) ?? storedByNumber.get(number)?.currency;
  const { byNumber: money, badMoney } = payments ? readPaymentRows(payments, currencyOf, paymentProblems, new Set(failed.keys())) : { byNumber: new Map<string, MoneyRow[]>(), badMoney: new Set<string>() };

  // Ids first, so credit notes can name the invoices they correct.
  const usedIds = new Set([...doc.invoices.map((invoice) => invoice.id), ...doc.audit.flatMap((entry) => (entry.invoice ? [entry.invoice.id] : []))]);
  const idOf = new Map<string, string>();
  for (const parsed of fresh) {
    let id = parsed.invoiceId !== undefined && !usedIds.has(parsed.invoiceId) ? parsed.invoiceId : context.newId('inv');
    while (usedIds.has(id)) id = context.newId('inv');
    usedIds.add(id);
    idOf.set(parsed.number, id);
  }

  const built: Invoice[] = [];
  for (const parsed of fresh) {
    const before = invoiceProblems.length + paymentProblems.length;
    const invoice = buildDocument(doc, parsed, idOf.get(parsed.number) as string, context.today, invoiceProblems, result);
    if (!invoice) continue;
    const rows = money.get(parsed.number) ?? [];
    for (const row of rows) {
      if (invoice.type === 'credit-note' || invoice.status === 'void') paymentProblems.push({ line: row.line, column: 'kind', reason: `${parsed.number} is ${invoice.type === 'credit-note' ? 'a credit note' : 'void'}: it takes no payments` });
      else if (row.date < invoice.issueDate) paymentProblems.push({ line: row.line, column: 'date', reason: `${row.date} is before the issue date ${invoice.issueDate} of ${parsed.number}` });
      else if (row.date > context.today) paymentProblems.push({ line: row.line, column: 'date', reason: `${row.date} is in the future (today is ${context.today})` });
      else if (row.kind === 'write-off' && invoice.writeOff) paymentProblems.push({ line: row.line, column: 'kind', reason: `${parsed.number} has a write-off already` });
      else recordMoney(invoice, row);
    }
    if (invoiceProblems.length + paymentProblems.length === before) {
      built.push(invoice);
      result.payments.added += rows.length;
    }
  }
  const notesOf = linkCreditNotes(storedByNumber, built, fresh, new Set(failed.keys()), invoiceProblems);
  // Money with a bad row is reported there; the sums it would give say nothing more.
  for (const invoice of built) if (!badMoney.has(invoice.number as string)) checkMoney(invoice, notesOf.get(invoice.id) ?? [], freshByNumber.get(invoice.number as string) as ParsedDocument, invoiceProblems);
  const matched = new Set(result.invoices.matched);
  for (const [number, rows] of money) {
    if (!freshByNumber.has(number) && !failed.has(number) && !matched.has(number)) for (const row of rows) paymentProblems.push({ line: row.line, column: 'number', reason: `${number} is in the store but not in the invoices file` });
  }

  result.problems = [...invoiceProblems.map((problem) => ({ file: 'invoices' as const, problem })), ...paymentProblems.map((problem) => ({ file: 'payments' as const, problem }))];
  if (result.problems.length > 0) return result;
  for (const invoice of built) {
    numberInSeries(doc, invoice, invoice.type === 'credit-note' ? (business.creditNumberFormat ?? DEFAULT_CREDIT_NUMBER_FORMAT) : business.numberFormat);
    invoice.history = historyOf(invoice, notesOf.get(invoice.id) ?? []);
    invoice.presentation = currentPresentation(invoice, business);
    doc.invoices.push(invoice);
    result.invoices.added.push(invoice.number as string);
  }
  return result;
}

function buildDocument(doc: StoreDocument, parsed: ParsedDocument, id: string, today: string, problems: ImportProblem[], result: InvoiceImportResult): Invoice | undefined {
  const business = requireBusiness(doc);
  const outcome = customerOfRow(doc, parsed.customerInput as CustomerInput, today);
  if ('problem' in outcome) {
    problems.push({ line: parsed.line, column: CUSTOMER_COLUMN[outcome.problem.field] ?? `customer_${outcome.problem.field}`, reason: outcome.problem.reason });
    return undefined;
  }
  if (outcome.added) result.customers.added.push(outcome.customer.id);
  else if (!result.customers.matched.includes(outcome.customer.id) && !result.customers.added.includes(outcome.customer.id)) result.customers.matched.push(outcome.customer.id);
  const invoice: Invoice = {
    id,
    ...parsed.invoice,
    customer: { ...parsed.invoice.customer, id: outcome.customer.id },
    status: parsed.status === 'void' ? 'void' : parsed.invoice.type === 'credit-note' ? 'issued' : 'open',
    issuer: issuerSnapshot(business),
    terms: daysBetween(parsed.invoice.issueDate, parsed.invoice.dueDate),
    history: [],
    imported: { at: today },
  };
  for (const problem of vatRuleProblems(invoice, business)) {
    if (problem.level === 'refuse') problems.push({ line: parsed.line, column: 'line_vat_category', reason: `${problem.rule}: ${problem.message}` });
  }
  return invoice;
}

function recordMoney(invoice: Invoice, row: MoneyRow): void {
  if (row.kind === 'payment') {
    invoice.payments.push({ amount: row.amount, date: row.date, ...(row.method !== undefined && { method: row.method }) });
    invoice.paid += row.amount;
  } else if (row.kind === 'refund') {
    invoice.refunds = [...(invoice.refunds ?? []), { amount: row.amount, date: row.date, ...(row.method !== undefined && { method: row.method }) }];
  } else {
    invoice.writeOff = { amount: row.amount, date: row.date, ...(row.reason !== undefined && { reason: row.reason }) };
  }
}

/** Each credit note names an invoice of this import (same customer and currency, issued no later); the notes of each invoice by id. */
function linkCreditNotes(stored: ReadonlyMap<string, Invoice>, built: Invoice[], fresh: readonly ParsedDocument[], failed: ReadonlySet<string>, problems: ImportProblem[]): Map<string, Invoice[]> {
  const builtByNumber = new Map(built.map((invoice) => [invoice.number as string, invoice]));
  const freshNumbers = new Set(fresh.filter((parsed) => parsed.invoice.type === 'invoice').map((parsed) => parsed.number));
  const notesOf = new Map<string, Invoice[]>();
  for (const parsed of fresh) {
    const note = builtByNumber.get(parsed.number);
    if (!note || !parsed.corrects) continue;
    const { number, issueDate } = parsed.corrects;
    const candidate = builtByNumber.get(number);
    const target = candidate?.type === 'invoice' ? candidate : undefined;
    const problem = (reason: string) => problems.push({ line: parsed.line, column: 'corrects_number', reason });
    if (!target) {
      // An invoice of the file with bad rows of its own is reported there.
      if (failed.has(number) || freshNumbers.has(number)) continue;
      problem(stored.has(number) ? `${number} is already in the store; import a credit note with the invoice it corrects, or issue it with smallpay invoice credit` : `${number} is not an invoice of this file`);
      continue;
    }
    if (target.issueDate !== issueDate) problems.push({ line: parsed.line, column: 'corrects_issue_date', reason: `is ${issueDate}, but ${number} was issued ${target.issueDate}` });
    if (target.currency !== note.currency) problem(`${number} is in ${target.currency}, the credit note in ${note.currency}`);
    if (target.customer.id !== note.customer.id) problem(`${number} is to ${target.customer.id}, the credit note to ${note.customer.id}`);
    if (note.issueDate < target.issueDate) problems.push({ line: parsed.line, column: 'issue_date', reason: `${note.issueDate} is before the issue date ${target.issueDate} of ${number}` });
    note.precedingInvoice = { invoiceId: target.id, number, issueDate: target.issueDate };
    target.credited = (target.credited ?? 0) + note.total;
    notesOf.set(target.id, [...(notesOf.get(target.id) ?? []), note]);
  }
  return notesOf;
}

/** The money columns of the file against what the payments file and the credit notes make them. */
function checkMoney(invoice: Invoice, notes: readonly Invoice[], parsed: ParsedDocument, problems: ImportProblem[]): void {
  const amount = (minor: number) => formatAmount(minor, invoice.currency);
  const fullyCredited = notes.length > 0 && [...netLeftToCredit(invoice, notes).values()].every((entry) => entry.left <= 0);
  for (const note of notes) for (const line of note.taxes) if (!netLeftToCredit(invoice, []).has(groupOf(line).key)) problems.push({ line: parsed.line, column: 'credited', reason: `credit note ${note.number} credits a VAT group ${invoice.number} does not charge` });
  if (invoice.status !== 'void') invoice.status = settlementStatus({ ...invoice, status: 'open' }, fullyCredited);
  const computed = { paid: invoice.paid, credited: invoice.credited ?? 0, refunded: (invoice.refunds ?? []).reduce((sum, refund) => sum + refund.amount, 0), writtenOff: invoice.writeOff?.amount ?? 0, balance: balanceOf(invoice) };
  const column = { paid: 'paid', credited: 'credited', refunded: 'refunded', writtenOff: 'written_off', balance: 'balance' } as const;
  for (const key of Object.keys(column) as (keyof typeof column)[]) {
    if (parsed.money[key] !== computed[key]) {
      const from = key === 'credited' ? 'its credit notes in the file add up to' : key === 'balance' ? 'SmallPay computes' : 'the payments file gives';
      problems.push({ line: parsed.line, column: column[key], reason: `is ${amount(parsed.money[key])}, but ${from} ${amount(computed[key])}` });
    }
  }
  if (invoice.status !== parsed.status) problems.push({ line: parsed.line, column: 'status', reason: `is ${parsed.status}, but its money makes it ${invoice.status}` });
  if (invoice.status === 'void' && (invoice.paid > 0 || (invoice.credited ?? 0) > 0)) problems.push({ line: parsed.line, column: 'status', reason: 'a void invoice has no payments or credit notes' });
}

/** A number SmallPay's format for the type would give takes its place in that series, which then continues after it. */
function numberInSeries(doc: StoreDocument, invoice: Invoice, format: string): void {
  const place = placeInSeries(invoice.number as string, format);
  if (!place || formatInvoiceNumber(format, invoice.issueDate, place.sequence) !== invoice.number) return;
  invoice.series = place.series;
  invoice.sequence = place.sequence;
  invoice.numberFormat = format;
  doc.sequences[place.series] = Math.max(doc.sequences[place.series] ?? 0, place.sequence);
}

/** The history the money tells, by date: issued, payments, refunds, credit notes, write-off; void on the issue date. */
function historyOf(invoice: Invoice, notes: readonly Invoice[]): HistoryEntry[] {
  const events: HistoryEntry[] = [
    ...invoice.payments.map((payment): HistoryEntry => ({ at: payment.date, event: 'payment', amount: payment.amount, date: payment.date })),
    ...(invoice.refunds ?? []).map((refund): HistoryEntry => ({ at: refund.date, event: 'refund', amount: refund.amount, date: refund.date })),
    ...notes.map((note): HistoryEntry => ({ at: note.issueDate, event: 'credited', creditNoteId: note.id, number: note.number as string, amount: note.total })),
    ...(invoice.writeOff ? [{ at: invoice.writeOff.date, event: 'written-off', amount: invoice.writeOff.amount, ...(invoice.writeOff.reason !== undefined && { reason: invoice.writeOff.reason }) } as HistoryEntry] : []),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return [{ at: invoice.issueDate, event: 'issued' }, ...(invoice.status === 'void' ? [{ at: invoice.issueDate, event: 'voided' } as HistoryEntry] : []), ...events];
}
