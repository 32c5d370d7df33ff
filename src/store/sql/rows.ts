/**
 * How the records of a StoreDocument become rows (tables.ts): the record whole as JSON in `doc`, and beside
 * it the columns queries filter and join on, derived from the record on every write so they never disagree.
 * Also which invoices a scope loads, as a SQL condition.
 */
import { settlementOf } from '../../domain/reports/dashboard-facts.js';
import type { Customer, Invoice, Schedule, SendJob } from '../../domain/types.js';
import type { InvoiceScope } from '../store.js';
import type { SqlValue } from './driver.js';

/** A collection of the document kept one row per record, keyed by its id. */
export interface Collection<R> {
  table: 'customers' | 'invoices' | 'outbox' | 'schedules';
  /** What messages call a record of it. */
  what: string;
  /** The columns after business_id: id first, doc last. */
  columns: readonly string[];
  values(record: R, doc: string): SqlValue[];
}

export const CUSTOMERS: Collection<Customer> = {
  table: 'customers',
  what: 'customer',
  columns: ['id', 'email', 'doc'],
  values: (c, doc) => [c.id, c.email, doc],
};

export const INVOICES: Collection<Invoice> = {
  table: 'invoices',
  what: 'invoice',
  columns: ['id', 'number', 'type', 'status', 'customer_id', 'issue_date', 'due_date', 'currency', 'total', 'paid', 'recurring_schedule', 'recurring_period', 'balance', 'paid_on', 'days_to_pay', 'doc'],
  values: (i, doc) => {
    // Schema version 2: derived for the dashboard's sums (dashboard-facts.ts); `verify` checks them.
    const settlement = settlementOf(i);
    return [
      i.id,
      i.number,
      i.type ?? 'invoice',
      i.status,
      i.customer.id,
      i.issueDate,
      i.dueDate,
      i.currency,
      i.total,
      i.paid,
      i.recurring?.scheduleId ?? null,
      i.recurring?.period ?? null,
      settlement.balance,
      settlement.paidOn,
      settlement.daysToPay,
      doc,
    ];
  },
};


export const OUTBOX: Collection<SendJob> = {
  table: 'outbox',
  what: 'outbox job',
  columns: ['id', 'invoice_id', 'state', 'doc'],
  values: (job, doc) => [job.id, job.invoiceId, job.state, doc],
};

export const SCHEDULES: Collection<Schedule> = {
  table: 'schedules',
  what: 'recurring schedule',
  columns: ['id', 'doc'],
  values: (s, doc) => [s.id, doc],
};

/** Statuses of invoices with nothing left to settle; every other issued status is `unsettled`. */
const SETTLED = ['draft', 'paid', 'void', 'credited', 'written-off'];

/**
 * The invoices a scope names, as a condition on the invoices table; parameters are numbered from `first`,
 * and $1 is the business (sub-selects name it). Undefined when the scope names none.
 */
export function invoiceCondition(scope: InvoiceScope, first: number): { sql: string; params: SqlValue[] } | undefined {
  const params: SqlValue[] = [];
  const place = (value: SqlValue) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const list = (values: readonly string[]) => values.map(place).join(', ');
  const any: string[] = [];
  // upper(number) has an index of its own; numbers are ASCII (identifiers.ts), so SQL's upper() is JS's.
  // Trimmed as findInvoice trims what it is given.
  const named = (refs: readonly string[]) => `id IN (${list(refs.map((ref) => ref.trim()))}) OR upper(number) IN (${list(refs.map((ref) => ref.trim().toUpperCase()))})`;
  if (scope.refs !== undefined && scope.refs.length > 0) any.push(named(scope.refs));
  if (scope.statuses !== undefined && scope.statuses.length > 0) any.push(`status IN (${list(scope.statuses)})`);
  if (scope.customers !== undefined && scope.customers.length > 0) any.push(`customer_id IN (${list(scope.customers)})`);
  if (scope.unsettled === true) any.push(`status NOT IN (${list(SETTLED)})`);
  if (scope.drafts === true) any.push(`status = ${place('draft')}`);
  if (scope.recurring === true) any.push('recurring_schedule IS NOT NULL');
  if (scope.issuedFrom !== undefined || scope.issuedTo !== undefined) {
    const period: string[] = [];
    if (scope.issuedFrom !== undefined) period.push(`issue_date >= ${place(scope.issuedFrom)}`);
    if (scope.issuedTo !== undefined) period.push(`issue_date <= ${place(scope.issuedTo)}`);
    any.push(period.join(' AND '));
  }
  // Through the customer's index: the credit notes of an invoice are among its customer's documents.
  if (scope.creditNotesOf !== undefined && scope.creditNotesOf.length > 0) {
    any.push(`type = 'credit-note' AND customer_id IN (SELECT customer_id FROM invoices WHERE business_id = $1 AND (${named(scope.creditNotesOf)}))`);
  }
  // IN rather than NOT IN ('sent', 'cancelled'): the states index finds the few waiting jobs among the sent.
  if (scope.withActiveJobs === true) any.push(`id IN (SELECT invoice_id FROM outbox WHERE business_id = $1 AND state IN ('pending', 'failed'))`);
  if (any.length === 0) return undefined;
  return { sql: any.map((condition) => `(${condition})`).join(' OR '), params };
}
