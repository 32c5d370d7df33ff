/**
 * The business's data as the core sees it: plain objects, the same shape as the store file.
 * Amounts are integers of minor units of the invoice's currency (see money.ts); quantities, unit prices and
 * tax rates are canonical decimal strings; dates are calendar dates "YYYY-MM-DD".
 */

import type { QuickBooksSettings, XeroSettings } from './accounting-import-settings.js';

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
  tax?: TaxSettings;
  // Issue 10 (legal completeness). `address` stays the free-text form older stores have; new data uses postalAddress.
  /** BG-5. */
  postalAddress?: PostalAddress;
  /** A national tax number such as the German Steuernummer (BT-32); taxId is the VAT id (BT-31). */
  taxNumber?: string;
  /** Legal registration, e.g. a trade register number (BT-30). */
  registration?: string;
  /** Electronic address (BT-34). */
  endpoint?: ElectronicAddress;
  vat?: VatSettings;
  /** The credit-note number series, default CN-{YYYY}-{SEQ:4}. */
  creditNumberFormat?: string;
  /** The seller contact (BG-6), used by XRechnung; name and email default to the business's. */
  contact?: { name?: string; phone?: string; email?: string };
  /** Issue 12: settings of `export xero` and `export quickbooks` (accounting-import-settings.ts). */
  xero?: XeroSettings;
  quickbooks?: QuickBooksSettings;
  /** Issue 12: the accounts of the hledger and beancount exports (settings accounts.*; see ledger-accounts.ts). */
  accounts?: LedgerAccountSettings;
}

/** Account names in hledger's form, with {customer} and {currency} placeholders; absent ones take defaults. */
export interface LedgerAccountSettings {
  receivable?: string;
  revenue?: string;
  bank?: string;
  writeoff?: string;
  /** By "<category>.<rate>", e.g. "S.19" (setting accounts.vat.S.19). */
  vat?: Record<string, string>;
}

export interface VatSettings {
  /** A small business exempt from VAT (§19 UStG, franchise en base): new invoices are category O (or E). */
  smallBusiness?: boolean;
  /** The category such invoices use: O (default) or E. */
  smallBusinessCategory?: 'O' | 'E';
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
  /** false only by explicit choice: a login over smtp:// may then go in clear text when the server offers no STARTTLS. */
  requireTLS?: boolean;
}

export interface MailSettings {
  /** Addresses that get a blind copy of every message, for the books. */
  bcc?: string;
  /** file: messages are written as .eml files to outbox/ instead of sent (as --eml does); default smtp. */
  transport?: 'smtp' | 'file';
  /** Issue 11: e-invoice formats attached to every invoice sent, comma-separated (see einvoice-attach.ts). */
  attach?: string;
}

export interface TaxSettings {
  /** Percent, e.g. "19": the rate interactive `invoice new` proposes for each item. */
  defaultRate?: string;
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
  /** Issue 11: issued invoices' PDFs are Factur-X hybrids (PDF/A-3 with the CII XML embedded). */
  facturx?: boolean;
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
  /** BG-8 (issue 10); `address` stays the free-text form of older stores. */
  postalAddress?: PostalAddress;
  /** The person greeted in emails (BT-56). */
  contact?: string;
  /** Electronic address (BT-49). */
  endpoint?: ElectronicAddress;
  /** The category of this customer's new lines unless a line says otherwise. */
  vatTreatment?: VatTreatment;
}

/** The customer as an invoice knows them: frozen when the invoice is issued. */
export type CustomerSnapshot = Omit<Customer, 'createdAt' | 'currency' | 'terms'>;

/** The issuing business as an invoice knows it: frozen when the invoice is issued. */
export type IssuerSnapshot = Pick<Business, 'name' | 'email' | 'address' | 'taxId' | 'postalAddress' | 'taxNumber' | 'registration' | 'endpoint' | 'contact'>;

/**
 * Issue 10 adds: `credited` (an invoice fully credited by credit notes), `written-off` (its unpaid balance
 * closed as bad debt) and `issued` (the status of every credit note: a document with nothing to collect).
 */
export type InvoiceStatus = 'draft' | 'open' | 'partial' | 'paid' | 'void' | 'credited' | 'written-off' | 'issued';

export interface LineItem {
  description: string;
  quantity: string;
  unitPrice: string;
  /** Percent, e.g. "19" or "7.5". */
  taxRate: string;
  /**
   * The line net (BT-131): quantity × (unitPrice ÷ baseQuantity) − allowances + charges, rounded to the minor unit.
   */
  net: number;
  /** UN/ECE Rec. 20/21 code (BT-130); absent means C62 ("one"), which prints nothing. */
  unit?: string;
  /** Price base quantity (BT-149), e.g. "12" for a price per dozen; absent means 1. */
  baseQuantity?: string;
  /** BT-151; stores of schema ≤ 3 are migrated to S (rate > 0) or Z (rate 0). */
  taxCategory?: VatCategory;
  exemptionReason?: string;
  exemptionCode?: string;
  /** BG-27 and BG-28, in the order given. */
  allowances?: LineAdjustment[];
  charges?: LineAdjustment[];
}

export interface TaxLine {
  /** BT-118; with `rate` the key of the group (EN 16931 groups by category and rate). */
  category?: VatCategory;
  rate: string;
  /** BT-120/121: the reason its lines, allowances and charges give, or the default text in the invoice's language. */
  exemptionReason?: string;
  exemptionCode?: string;
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
export type InvoiceVersion = Pick<
  Invoice,
  | 'number' | 'issueDate' | 'dueDate' | 'terms' | 'note' | 'items' | 'taxes' | 'subtotal' | 'tax' | 'total'
  // Issue 10: absent in versions recorded before schema 4.
  | 'lineTotal' | 'allowanceTotal' | 'chargeTotal' | 'allowances' | 'charges' | 'serviceDate' | 'servicePeriod'
  | 'purchaseOrder' | 'buyerReference' | 'contract'
>;

/** The lifecycle of an invoice, oldest first. `at` is the day it happened. */
export type HistoryEntry =
  | { at: string; event: 'created' }
  | { at: string; event: 'issued' }
  | { at: string; event: 'edited'; previous: InvoiceVersion }
  | { at: string; event: 'payment'; amount: number; date: string }
  | { at: string; event: 'voided'; reason?: string }
  | { at: string; event: 'sent'; kind: SendKind; to: string[]; messageId: string }
  // Issue 10: corrections and money flows other than payments.
  | { at: string; event: 'credited'; creditNoteId: string; number: string; amount: number }
  | { at: string; event: 'refund'; amount: number; date: string }
  | { at: string; event: 'written-off'; amount: number; reason?: string }
  | { at: string; event: 'payment-removed'; payment: Payment; index: number; reason?: string };

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
  recurring?: {
    scheduleId: string;
    period: string;
    /** The run that issued it was asked to email it (recurring run --send); a later --send run sends it if that failed. */
    sendRequested?: boolean;
  };
  /** The last PDF written of this invoice (smallpay invoice pdf, or sent by mail). */
  pdf?: PdfRecord;
  /** Drafts only: the issue and due dates were given, so issuing keeps them instead of dating the invoice anew. */
  issueDateGiven?: boolean;
  dueDateGiven?: boolean;

  // Issue 10. Amounts of a credit note are positive, as on the document.
  /** Absent in stores of schema ≤ 3 until migrated; 'invoice' is the default. */
  type?: DocumentType;
  /** BT-106: the sum of line nets. subtotal stays BT-109 (total without VAT), so subtotal + tax = total. */
  lineTotal?: number;
  /** BT-107 and BT-108: document-level only. */
  allowanceTotal?: number;
  chargeTotal?: number;
  allowances?: DocumentAdjustment[];
  charges?: DocumentAdjustment[];
  /** BT-72, or BT-73/74. */
  serviceDate?: string;
  servicePeriod?: ServicePeriod;
  /** BT-13, BT-10 (the Leitweg-ID for German public buyers), BT-12. */
  purchaseOrder?: string;
  buyerReference?: string;
  contract?: string;
  /** Credit notes only: the invoice corrected (BG-3). */
  precedingInvoice?: PrecedingInvoice;
  /** Invoices only: the sum of the totals of credit notes issued against it. */
  credited?: number;
  refunds?: Refund[];
  writeOff?: WriteOff;
  /** Frozen at issue: what the PDF shows beyond the parties. Drafts have none and follow the settings. */
  presentation?: FrozenPresentation;
  /** Issue 12: brought in by `smallpay import invoices` on that day, numbered by the tool used before (see verify.ts). */
  imported?: { at: string };
}

export interface AuditEntry {
  at: string;
  event: 'invoice.deleted' | 'customer.removed' | 'payment.removed';
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

// ---------------------------------------------------------------------------------------------------------
// Issue 10: the legally complete invoice (EN 16931 terms; BT-/BG- numbers are the standard's business terms).
// New fields are optional in the type where stores of schema ≤ 3 lack them; the schema-4 migration fills
// taxCategory on every line and tax line, and `type` on every invoice, so code may rely on those after load.
// ---------------------------------------------------------------------------------------------------------

/** EN 16931 VAT category codes (UNTDID 5305 subset, BT-118/151). */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O';

/** A customer's default treatment: the category of their new lines unless a line says otherwise. */
export type VatTreatment = 'standard' | 'reverse-charge' | 'intra-community' | 'export' | 'exempt';

/** A structured postal address (BG-5 seller, BG-8 buyer). */
export interface PostalAddress {
  /** Street lines (BT-35/36/162, BT-50/51/163), at most 3. */
  lines: string[];
  postcode?: string;
  city?: string;
  /** Country subdivision (BT-39/54). */
  region?: string;
  /** ISO 3166-1 alpha-2 (BT-40/55), upper case. */
  country?: string;
}

/** An electronic address (BT-34 seller, BT-49 buyer): scheme (ISO 6523 ICD / EAS code) and id. */
export interface ElectronicAddress {
  scheme: string;
  id: string;
}

/** Why a line or group carries no VAT (BT-120/121): a text, a VATEX code, or both. */
export interface VatExemption {
  exemptionReason?: string;
  /** e.g. "VATEX-EU-AE" */
  exemptionCode?: string;
}

/**
 * A line allowance (BG-27) or charge (BG-28). Stored computed: `amount` in minor units; `percent` and `base`
 * (minor units, quantity × net price) kept when it was given as a percentage.
 */
export interface LineAdjustment {
  amount: number;
  percent?: string;
  base?: number;
  reason?: string;
  /** UNTDID 5189 (allowances) / 7161 (charges) code, when given. */
  reasonCode?: string;
}

/** A document-level allowance (BG-20) or charge (BG-21): one VAT category and rate each. */
export interface DocumentAdjustment extends LineAdjustment, VatExemption {
  /** A percentage's base was given (baseAmount); otherwise it is its group's line total and follows edits. */
  baseGiven?: boolean;
  taxCategory: VatCategory;
  /** Percent; "0" for every category but S ("0" for O too, which carries no rate on the document). */
  taxRate: string;
}

/** The date of supply (BT-72) or the invoicing period (BT-73/74). */
export interface ServicePeriod {
  start: string;
  end: string;
}

/** What the document is: an invoice (UNTDID 1001 code 380) or a credit note (381). */
export type DocumentType = 'invoice' | 'credit-note';

/** A credit note's reference to the invoice it corrects (BG-3: BT-25 number, BT-26 issue date). */
export interface PrecedingInvoice {
  invoiceId: string;
  number: string;
  issueDate: string;
}

/** Money paid back to the customer (negative of a payment; reports count it against received). */
export interface Refund {
  amount: number;
  date: string;
  method?: string;
}

/** An unpaid balance closed as bad debt: not a payment, never counted as received. */
export interface WriteOff {
  amount: number;
  date: string;
  reason?: string;
}

/**
 * What an issued invoice freezes, so re-rendering gives the same document whatever settings change later
 * (drafts follow the current settings and have none).
 */
export interface FrozenPresentation {
  template: string;
  lang: string;
  footer?: string;
  /** Payment details printed (BG-16), or none. */
  payment?: { bank?: string; iban?: string; bic?: string };
  /** The logo's SHA-256 and path at issue; rendering refuses a logo whose bytes changed. */
  logo?: { path: string; sha256: string };
  accentColor?: string;
  /** Legal notes printed on the document (small-business note, exemption notes), in its language. */
  legalNotes: string[];
}
