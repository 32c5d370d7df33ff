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
 *                total, paid, recurring_schedule, recurring_period, doc)
 *               PK (business_id, id); UNIQUE (business_id, number) where number is not null;
 *               UNIQUE (business_id, recurring_schedule, recurring_period) where set: a period is issued once
 *   sequences   (business_id, series, last)         PK (business_id, series): the counter of a number series
 *   outbox      (business_id, id, invoice_id, state, doc)   PK (business_id, id)
 *   schedules   (business_id, id, doc)              PK (business_id, id)   (StoreDocument.recurring)
 *   audit       (business_id, seq, doc)             PK (business_id, seq): seq orders the log, append-only
 * Money columns hold integer minor units (as the model does); dates ISO text.
 */
export const SQL_SCHEMA_VERSION = 1;

/** The tables that hold a business's rows (all but meta): what "empty" means, and what RLS guards. */
export const BUSINESS_TABLES = ['businesses', 'customers', 'invoices', 'sequences', 'outbox', 'schedules', 'audit'] as const;
