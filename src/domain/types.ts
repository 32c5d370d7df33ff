/**
 * The business's data as the core sees it: plain objects, the same shape as the store file.
 * Amounts are integers of minor units of the invoice's currency (see money.ts); quantities, unit prices and
 * tax rates are canonical decimal strings; dates are calendar dates "YYYY-MM-DD".
 */

export interface Business {
  name: string;
  email: string;
  address?: string;
  taxId?: string;
  currency: string;
  /** Default payment terms in days. */
  terms: number;
  numberFormat: string;
  /** Default language of documents, a BCP 47 code such as "en" or "de". */
  lang: string;
  pdf?: PdfSettings;
  payment?: PaymentSettings;
  smtp?: SmtpSettings;
  mail?: MailSettings;
}

/** The SMTP server, when SMALLPAY_SMTP_URL does not give one. */
export interface SmtpSettings {
  host?: string;
  port?: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  user?: string;
  /** Used only while the store is readable by its owner alone; SMALLPAY_SMTP_PASSWORD is preferred. */
  password?: string;
  /** false only by explicit choice, for a server with a self-signed certificate. */
  tlsRejectUnauthorized?: boolean;
}

export interface MailSettings {
  /** Addresses that get a blind copy of every message, for the books. */
  bcc?: string;
}

/** How invoice PDFs look. Paths are absolute. */
export interface PdfSettings {
  /** A built-in template's name or the path of a template module. */
  template?: string;
  logo?: string;
  /** "#1f6feb" */
  accentColor?: string;
  footer?: string;
  /** A folder of <lang>.json label files adding or overriding languages. */
  labels?: string;
  /** TTF files replacing the built-in Unicode font (e.g. for CJK). */
  font?: string;
  fontBold?: string;
}

/** One bank account: its name, IBAN and BIC. */
export interface PaymentAccount {
  bank?: string;
  iban?: string;
  bic?: string;
}

/**
 * Where customers pay: printed on invoices, and the EPC QR code of EUR invoices. The account itself serves
 * invoices in the business's currency; `accounts` holds one per other currency (see paymentAccountFor).
 */
export interface PaymentSettings extends PaymentAccount {
  /** By ISO 4217 code: "USD" → the account USD invoices are paid to. */
  accounts?: Record<string, PaymentAccount>;
}

export interface Customer {
  id: string;
  name: string;
  email: string;
  address?: string;
  phone?: string;
  taxId?: string;
  currency?: string;
  terms?: number;
  lang?: string;
  createdAt: string;
}

/** The customer as an invoice knows them: frozen when the invoice is issued. */
export type CustomerSnapshot = Omit<Customer, 'createdAt' | 'currency' | 'terms'>;

/** The issuing business as an invoice knows it: frozen when the invoice is issued. */
export type IssuerSnapshot = Pick<Business, 'name' | 'email' | 'address' | 'taxId'>;

export type InvoiceStatus = 'draft' | 'open' | 'partial' | 'paid' | 'void';

export interface LineItem {
  description: string;
  quantity: string;
  unitPrice: string;
  /** Percent, e.g. "19" or "7.5". */
  taxRate: string;
  /** quantity × unitPrice rounded to the minor unit. */
  net: number;
}

export interface TaxLine {
  rate: string;
  /** Sum of the nets of the items at this rate. */
  base: number;
  tax: number;
}

export interface Payment {
  amount: number;
  date: string;
  method?: string;
}

export interface PdfRecord {
  sha256: string;
  /** Where it was written; null when it went to stdout. */
  path: string | null;
  pages: number;
  at: string;
  template: string;
  lang: string;
}

/** What an issued invoice looked like before an edit replaced it. */
export interface InvoiceVersion {
  number: string | null;
  issueDate: string;
  dueDate: string;
  terms: number;
  note?: string;
  items: LineItem[];
  taxes: TaxLine[];
  subtotal: number;
  tax: number;
  total: number;
}

/** The lifecycle of an invoice, oldest first. `at` is the day it happened. */
export type HistoryEntry =
  | { at: string; event: 'created' }
  | { at: string; event: 'issued' }
  | { at: string; event: 'edited'; previous: InvoiceVersion }
  | { at: string; event: 'payment'; amount: number; date: string }
  | { at: string; event: 'voided'; reason?: string }
  | { at: string; event: 'sent'; kind: SendKind; to: string[]; messageId: string };

export interface Invoice {
  id: string;
  /** Given when the invoice is issued; null for drafts. */
  number: string | null;
  status: InvoiceStatus;
  customer: CustomerSnapshot;
  /** Null while a draft. */
  issuer: IssuerSnapshot | null;
  issueDate: string;
  dueDate: string;
  /** Payment terms in days (dueDate − issueDate). */
  terms: number;
  currency: string;
  note?: string;
  lang?: string;
  items: LineItem[];
  taxes: TaxLine[];
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  payments: Payment[];
  history: HistoryEntry[];
  /** The number series and the place in it, and the number format they came from, given at issue. */
  series?: string;
  numberFormat?: string;
  sequence?: number;
  /** Invoices made by a recurring schedule: which one, for which period. */
  recurring?: { scheduleId: string; period: string };
  /** The last PDF written of this invoice (smallpay invoice pdf, or sent by mail). */
  pdf?: PdfRecord;
  /** Drafts only: the issue and due dates were given, so issuing keeps them instead of dating the invoice anew. */
  issueDateGiven?: boolean;
  dueDateGiven?: boolean;
}

export interface AuditEntry {
  at: string;
  event: 'invoice.deleted' | 'customer.removed';
  reason?: string;
  invoice?: Invoice;
  customer?: Customer;
}

export type SendKind = 'invoice' | 'reminder';

/**
 * A message in the outbox: written before it leaves, marked sent in the same write that records it in the
 * invoice's history. See outbox.ts for the states.
 */
export interface SendJob {
  id: string;
  invoiceId: string;
  number: string;
  kind: SendKind;
  to: string[];
  cc: string[];
  bcc: string[];
  /** The Message-ID header, the same on every attempt, so mail clients drop a duplicate. */
  messageId: string;
  /** cancelled: the message was no longer true when its turn came (the invoice was paid, voided, deleted). */
  state: 'pending' | 'sent' | 'failed' | 'cancelled';
  createdAt: string;
  attempts: number;
  /** The run working on it; a pending job without a live claim is picked up by the next run. */
  claim?: { pid: number; host: string; at: number; token?: string };
  lastError?: string;
  response?: string;
  sentAt?: string;
  /** smtp, or file when no server was configured and the message went to the outbox folder. */
  channel?: 'smtp' | 'file';
}

export type Cadence = 'week' | 'month' | 'quarter' | 'year';

/** A recurring invoice: what to bill, to whom, how often; and every period it has billed, for good. */
export interface Schedule {
  id: string;
  customer: string;
  every: Cadence;
  interval: number;
  /** Day of the month (1–28, or 'last') for month, quarter and year; absent: the day of `start`. */
  day?: number | 'last';
  start: string;
  end?: string;
  /** At most this many invoices in all. */
  count?: number;
  terms?: number;
  currency?: string;
  note?: string;
  /** As given; priced when each invoice is made. Descriptions may hold {period}, {month}, {year}. */
  items: { description: string; quantity?: string; unitPrice: string; taxRate?: string }[];
  status: 'active' | 'paused';
  createdAt: string;
  /** The periods billed, each once ever, recorded in the write that made the invoice. */
  issued: { period: string; date: string; invoiceId: string; number: string | null }[];
}

export interface StoreDocument {
  schemaVersion: number;
  business: Business | null;
  customers: Customer[];
  invoices: Invoice[];
  /** Last sequence number given per invoice-number series (see numbering.ts). */
  sequences: Record<string, number>;
  audit: AuditEntry[];
  outbox: SendJob[];
  recurring: Schedule[];
}
