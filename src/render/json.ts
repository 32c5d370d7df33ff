/**
 * The documented JSON shapes (README "JSON output"): fixed projections of the stored records, not dumps of
 * them. Amounts become decimal strings with the currency's minor digits; absent optional fields are null.
 */
import { DEFAULT_CREDIT_NUMBER_FORMAT } from '../domain/business.js';
import { formatAmount } from '../domain/money.js';
import { balanceOf, creditedOf, isOverdue, refundDueOf, refundedOf } from '../domain/status.js';
import type { AuditEntry, Business, Customer, DocumentAdjustment, ElectronicAddress, HistoryEntry, Invoice, InvoiceVersion, LineAdjustment, LineItem, Payment, PostalAddress, TaxLine } from '../domain/types.js';
import { DEFAULT_UNIT } from '../domain/units.js';

type Money = (minor: number) => string;

function adjustmentsJson(entries: readonly LineAdjustment[] | undefined, money: Money) {
  return (entries ?? []).map((entry) => ({
    amount: money(entry.amount),
    percent: entry.percent ?? null,
    base: entry.base === undefined ? null : money(entry.base),
    reason: entry.reason ?? null,
    reasonCode: entry.reasonCode ?? null,
  }));
}

function documentAdjustmentsJson(entries: readonly DocumentAdjustment[] | undefined, money: Money) {
  const lines = adjustmentsJson(entries, money);
  return (entries ?? []).map((entry, index) => ({
    ...lines[index],
    taxCategory: entry.taxCategory,
    taxRate: entry.taxRate,
    exemptionReason: entry.exemptionReason ?? null,
    exemptionCode: entry.exemptionCode ?? null,
  }));
}

/** Lines of stores from before VAT categories (hand-made records) read as the migration would make them. */
const categoryOf = (category: string | undefined, rate: string) => category ?? (/^0+(\.0+)?$/.test(rate) ? 'Z' : 'S');

function itemsJson(items: readonly LineItem[], money: Money) {
  return items.map((item) => ({
    description: item.description,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    taxRate: item.taxRate,
    net: money(item.net),
    unit: item.unit ?? DEFAULT_UNIT,
    baseQuantity: item.baseQuantity ?? '1',
    taxCategory: categoryOf(item.taxCategory, item.taxRate),
    exemptionReason: item.exemptionReason ?? null,
    exemptionCode: item.exemptionCode ?? null,
    allowances: adjustmentsJson(item.allowances, money),
    charges: adjustmentsJson(item.charges, money),
  }));
}

function taxesJson(taxes: readonly TaxLine[], money: Money) {
  return taxes.map((line) => ({
    rate: line.rate,
    base: money(line.base),
    tax: money(line.tax),
    category: categoryOf(line.category, line.rate),
    exemptionReason: line.exemptionReason ?? null,
    exemptionCode: line.exemptionCode ?? null,
  }));
}

function paymentJson(payment: Payment, money: Money) {
  return { amount: money(payment.amount), date: payment.date, method: payment.method ?? null };
}

/**
 * Credit notes, refunds and write-offs (issue 10): a credit note's `precedingInvoice` (its `type` is
 * "credit-note", given with the other EN 16931 fields); an
 * invoice's `credited` (the sum of its credit notes), `refunded`, `refunds`, `writeOff` and `refundDue`
 * (what is owed back to the customer; `balance` is then negative).
 */
function correctionsJson(invoice: Invoice, money: Money) {
  return {
    precedingInvoice: invoice.precedingInvoice
      ? { number: invoice.precedingInvoice.number, id: invoice.precedingInvoice.invoiceId, issueDate: invoice.precedingInvoice.issueDate }
      : null,
    credited: money(creditedOf(invoice)),
    refunded: money(refundedOf(invoice)),
    refunds: (invoice.refunds ?? []).map((refund) => ({ amount: money(refund.amount), date: refund.date, method: refund.method ?? null })),
    writeOff: invoice.writeOff ? { amount: money(invoice.writeOff.amount), date: invoice.writeOff.date, reason: invoice.writeOff.reason ?? null } : null,
    refundDue: money(refundDueOf(invoice)),
  };
}

function versionJson(version: InvoiceVersion, money: Money) {
  return {
    number: version.number,
    issueDate: version.issueDate,
    dueDate: version.dueDate,
    note: version.note ?? null,
    items: itemsJson(version.items, money),
    subtotal: money(version.subtotal),
    tax: money(version.tax),
    total: money(version.total),
    lineTotal: money(version.lineTotal ?? version.subtotal),
    allowanceTotal: money(version.allowanceTotal ?? 0),
    chargeTotal: money(version.chargeTotal ?? 0),
    allowances: documentAdjustmentsJson(version.allowances, money),
    charges: documentAdjustmentsJson(version.charges, money),
  };
}

function historyJson(entry: HistoryEntry, money: Money) {
  switch (entry.event) {
    case 'edited':
      return { at: entry.at, event: entry.event, previous: versionJson(entry.previous, money) };
    case 'payment':
      return { at: entry.at, event: entry.event, amount: money(entry.amount), date: entry.date };
    case 'voided':
      return entry.reason === undefined ? { at: entry.at, event: entry.event } : { at: entry.at, event: entry.event, reason: entry.reason };
    case 'sent':
      return { at: entry.at, event: entry.event, kind: entry.kind, to: entry.to, messageId: entry.messageId };
    // Issue 10: corrections and money flows other than payments.
    case 'credited':
      return { at: entry.at, event: entry.event, creditNote: entry.number, creditNoteId: entry.creditNoteId, amount: money(entry.amount) };
    case 'refund':
      return { at: entry.at, event: entry.event, amount: money(entry.amount), date: entry.date };
    case 'written-off':
      return { at: entry.at, event: entry.event, amount: money(entry.amount), reason: entry.reason ?? null };
    case 'payment-removed':
      return { at: entry.at, event: entry.event, index: entry.index, payment: paymentJson(entry.payment, money), reason: entry.reason ?? null };
    default:
      return { at: entry.at, event: entry.event };
  }
}

export function invoiceJson(invoice: Invoice, today: string) {
  const money: Money = (minor) => formatAmount(minor, invoice.currency);
  const { customer, issuer } = invoice;
  return {
    number: invoice.number,
    id: invoice.id,
    status: invoice.status,
    overdue: isOverdue(invoice, today),
    customer: { id: customer.id, name: customer.name, email: customer.email, address: customer.address ?? null, taxId: customer.taxId ?? null },
    issuer: issuer && { name: issuer.name, email: issuer.email, address: issuer.address ?? null, taxId: issuer.taxId ?? null },
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    terms: invoice.terms,
    currency: invoice.currency,
    note: invoice.note ?? null,
    items: itemsJson(invoice.items, money),
    taxes: taxesJson(invoice.taxes, money),
    subtotal: money(invoice.subtotal),
    tax: money(invoice.tax),
    total: money(invoice.total),
    paid: money(invoice.paid),
    balance: money(balanceOf(invoice)),
    payments: invoice.payments.map((payment) => paymentJson(payment, money)),
    ...correctionsJson(invoice, money),
    history: invoice.history.map((entry) => historyJson(entry, money)),
    pdf: invoice.pdf ? { sha256: invoice.pdf.sha256, path: invoice.pdf.path, pages: invoice.pdf.pages, writtenAt: invoice.pdf.at } : null,
    // Issue 10 (EN 16931): subtotal above stays the total without VAT (BT-109).
    type: invoice.type ?? 'invoice',
    lineTotal: money(invoice.lineTotal ?? invoice.subtotal),
    allowanceTotal: money(invoice.allowanceTotal ?? 0),
    chargeTotal: money(invoice.chargeTotal ?? 0),
    allowances: documentAdjustmentsJson(invoice.allowances, money),
    charges: documentAdjustmentsJson(invoice.charges, money),
    serviceDate: invoice.serviceDate ?? null,
    servicePeriod: invoice.servicePeriod ? { start: invoice.servicePeriod.start, end: invoice.servicePeriod.end } : null,
    purchaseOrder: invoice.purchaseOrder ?? null,
    buyerReference: invoice.buyerReference ?? null,
    contract: invoice.contract ?? null,
  };
}

/** Always an object, so scripts read `.postalAddress.country` without a null check; [] and nulls when unset. */
function postalAddressJson(address: PostalAddress | undefined) {
  return {
    lines: address?.lines ?? [],
    postcode: address?.postcode ?? null,
    city: address?.city ?? null,
    region: address?.region ?? null,
    country: address?.country ?? null,
  };
}

function endpointJson(endpoint: ElectronicAddress | undefined) {
  return endpoint ? { scheme: endpoint.scheme, id: endpoint.id } : null;
}

export function customerJson(customer: Customer) {
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    address: customer.address ?? null,
    phone: customer.phone ?? null,
    taxId: customer.taxId ?? null,
    currency: customer.currency ?? null,
    terms: customer.terms ?? null,
    lang: customer.lang ?? null,
    createdAt: customer.createdAt,
    postalAddress: postalAddressJson(customer.postalAddress),
    contact: customer.contact ?? null,
    endpoint: endpointJson(customer.endpoint),
    vatTreatment: customer.vatTreatment ?? null,
  };
}

export function businessJson(business: Business) {
  return {
    name: business.name,
    email: business.email,
    address: business.address ?? null,
    taxId: business.taxId ?? null,
    currency: business.currency,
    terms: business.terms,
    numberFormat: business.numberFormat,
    lang: business.lang,
    pdf: {
      template: business.pdf?.template ?? null,
      logo: business.pdf?.logo ?? null,
      accentColor: business.pdf?.accentColor ?? null,
      footer: business.pdf?.footer ?? null,
      labels: business.pdf?.labels ?? null,
      font: business.pdf?.font ?? null,
      fontBold: business.pdf?.fontBold ?? null,
    },
    payment: {
      bank: business.payment?.bank ?? null,
      iban: business.payment?.iban ?? null,
      bic: business.payment?.bic ?? null,
      // By currency: { "USD": { "bank", "iban", "bic" } }; {} when none is set.
      accounts: Object.fromEntries(
        Object.entries(business.payment?.accounts ?? {}).map(([currency, account]) => [currency, { bank: account.bank ?? null, iban: account.iban ?? null, bic: account.bic ?? null }]),
      ),
    },
    smtp: {
      host: business.smtp?.host ?? null,
      port: business.smtp?.port ?? null,
      secure: business.smtp?.secure ?? null,
      user: business.smtp?.user ?? null,
      // Never printed: only whether one is set.
      password: business.smtp?.password === undefined ? null : REDACTED,
      tlsRejectUnauthorized: business.smtp?.tlsRejectUnauthorized ?? null,
      requireTLS: business.smtp?.requireTLS ?? null,
    },
    mail: { bcc: business.mail?.bcc ?? null, transport: business.mail?.transport ?? null },
    tax: { defaultRate: business.tax?.defaultRate ?? null },
    postalAddress: postalAddressJson(business.postalAddress),
    taxNumber: business.taxNumber ?? null,
    registration: business.registration ?? null,
    endpoint: endpointJson(business.endpoint),
    creditNumberFormat: business.creditNumberFormat ?? DEFAULT_CREDIT_NUMBER_FORMAT,
    contact: { name: business.contact?.name ?? null, phone: business.contact?.phone ?? null, email: business.contact?.email ?? null },
    vat: { smallBusiness: business.vat?.smallBusiness ?? false, smallBusinessCategory: business.vat?.smallBusiness === true ? (business.vat.smallBusinessCategory ?? 'O') : (business.vat?.smallBusinessCategory ?? null) },
    // Issue 12: what is set, by category ("S", "S.19"); the defaults apply to the rest (docs/accounting-import.md).
    xero: { accountCode: business.xero?.accountCode ?? null, dateFormat: business.xero?.dateFormat ?? null, taxTypes: { ...business.xero?.taxTypes } },
    quickbooks: { item: business.quickbooks?.item ?? null, dateFormat: business.quickbooks?.dateFormat ?? null, taxCodes: { ...business.quickbooks?.taxCodes } },
    // Issue 12: the export accounts as set (null: the default of ledger-accounts.ts); vat by "S.19".
    accounts: { receivable: business.accounts?.receivable ?? null, revenue: business.accounts?.revenue ?? null, bank: business.accounts?.bank ?? null, writeoff: business.accounts?.writeoff ?? null, vat: { ...business.accounts?.vat } },
  };
}

export const REDACTED = '(set, not shown)';

export function auditJson(entry: AuditEntry, today: string) {
  return {
    at: entry.at,
    event: entry.event,
    reason: entry.reason ?? null,
    number: entry.invoice?.number ?? null,
    customerId: entry.customer?.id ?? entry.invoice?.customer.id ?? null,
    invoice: entry.invoice ? invoiceJson(entry.invoice, today) : null,
    customer: entry.customer ? customerJson(entry.customer) : null,
  };
}

/**
 * One JSON document ending in a newline: what `--json` writes to stdout. Indented for a person at a
 * terminal; compact when piped (as gh does), which halves the time and size of a 100,000-invoice list.
 */
export function toJsonText(value: unknown, pretty: boolean): string {
  return `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;
}

/**
 * A JSON array as chunks of text, each element projected and stringified on its own: the projections die
 * young instead of piling up, which keeps a 100,000-invoice list fast and small in memory. The text is
 * exactly what toJsonText would give for the whole array.
 */
export function* jsonArrayChunks<T>(values: readonly T[], project: (value: T) => unknown, pretty: boolean): Generator<string> {
  if (values.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[';
  for (let index = 0; index < values.length; index += 1) {
    const separator = index === 0 ? '' : ',';
    yield pretty ? `${separator}\n  ${JSON.stringify(project(values[index] as T), null, 2).replace(/\n/g, '\n  ')}` : `${separator}${JSON.stringify(project(values[index] as T))}`;
  }
  yield pretty ? '\n]\n' : ']\n';
}
