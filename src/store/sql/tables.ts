/**
 * The tables of a SQL store, the same on SQLite and PostgreSQL (PostgreSQL: in schema `smallpay`, with
 * row-level security on business_id). Each record is kept whole as JSON text in `doc` (the StoreDocument's
 * own shape, so the domain sees the same objects on every engine), beside the columns that queries filter,
 * sort and join on. Every table has business_id: one PostgreSQL database holds many businesses; a SQLite
 * file holds one ('default' unless named).
 *
 *   meta        (key PK, value)                     schema_version: the SQL schema's version
 *   businesses  (business_id PK, doc, schema_version)  doc: Business (settings) — null business = no row
 *   customers   (business_id, id, email, doc)       PK (business_id, id)
 *   invoices    (business_id, id, number, type, status, customer_id, issue_date, due_date, currency,
 *                total, paid, recurring_schedule, recurring_period, balance, paid_on, days_to_pay, doc)
 *               PK (business_id, id); UNIQUE (business_id, number) where number is not null;
 *               UNIQUE (business_id, recurring_schedule, recurring_period) where set: a period is issued once
 *   sequences   (business_id, series, last)         PK (business_id, series): the counter of a number series
 *   outbox      (business_id, id, invoice_id, state, doc)   PK (business_id, id)
 *   schedules   (business_id, id, doc)              PK (business_id, id)   (StoreDocument.recurring)
 *   audit       (business_id, seq, doc)             PK (business_id, seq): seq orders the log, append-only
 *   invoice_events (business_id, invoice_id, seq, kind, event_date, currency, amount, status, invoice_type)
 *               PK (business_id, invoice_id, seq): each payment, refund and write-off of an invoice, dated,
 *               with its invoice's currency, status and type; rewritten with its invoice (schema version 2)
 * Derived columns (balance, paid_on, days_to_pay, and invoice_events) are computed from the record by the
 * domain's own functions at every write (rows.ts, dashboard-facts.ts), so SQL can sum them for the reports;
 * `verify` reports any that disagree with the record.
 * Money columns hold integer minor units (as the model does); dates ISO text.
 */
/** 1: the tables above. 2: the derived columns and invoice_events, for the dashboard's GROUP BY (issue 13). */
export const SQL_SCHEMA_VERSION = 2;

/** The tables that hold a business's rows (all but meta): what "empty" means, and what RLS guards. */
export const BUSINESS_TABLES = ['businesses', 'customers', 'invoices', 'sequences', 'outbox', 'schedules', 'audit', 'invoice_events'] as const;
