/**
 * SmallPay's own CSV of invoices (`smallpay export csv`) and of their money (`--payments`): the one
 * definition of both files, read back by `smallpay import invoices`. docs/exports.md documents every column;
 * the names and their order are stable (new columns are only ever added at the end).
 *
 * Invoices: one row per line of each issued invoice and credit note, the invoice's and the customer's
 * columns repeated on each row, so that a row alone says what it belongs to and a spreadsheet filter works.
 * Amounts are exact decimals with the currency's minor digits (formatAmount); quantities, prices and rates
 * the canonical decimals the store holds; discounts and charges JSON arrays (empty when none), which is the
 * only way to keep several of each, given as percentages or amounts, exactly.
 * Payments: one row per payment, refund and write-off, in that order per invoice.
 */
import { inputOfDocumentAdjustment } from './adjustments.js';
import { formatAmount } from './money-format.js';
import { electronicAddressText } from './parties.js';
import { balanceOf, creditedOf, refundedOf, writtenOffOf } from './status.js';
import { inputOfLine } from './totals.js';
import type { Invoice } from './types.js';

export const INVOICE_COLUMNS = [
  'number',
  'type',
  'status',
  'issue_date',
  'due_date',
  'currency',
  'corrects_number',
  'corrects_issue_date',
  'invoice_id',
  'lang',
  'note',
  'service_date',
  'service_start',
  'service_end',
  'purchase_order',
  'buyer_reference',
  'contract',
  'customer_id',
  'customer_name',
  'customer_email',
  'customer_address',
  'customer_street',
  'customer_postcode',
  'customer_city',
  'customer_region',
  'customer_country',
  'customer_vat_id',
  'customer_phone',
  'customer_contact',
  'customer_endpoint',
  'customer_vat_treatment',
  'customer_lang',
  'line',
  'line_description',
  'line_quantity',
  'line_unit',
  'line_base_quantity',
  'line_unit_price',
  'line_vat_category',
  'line_vat_rate',
  'line_exemption_reason',
  'line_exemption_code',
  'line_allowances',
  'line_charges',
  'line_net',
  'document_allowances',
  'document_charges',
  'line_total',
  'allowance_total',
  'charge_total',
  'net_total',
  'tax_total',
  'total',
  'paid',
  'credited',
  'refunded',
  'written_off',
  'balance',
] as const;

export type InvoiceColumn = (typeof INVOICE_COLUMNS)[number];

export const PAYMENT_COLUMNS = ['number', 'kind', 'date', 'amount', 'currency', 'method', 'reason'] as const;

export type PaymentColumn = (typeof PAYMENT_COLUMNS)[number];

export const PAYMENT_KINDS = ['payment', 'refund', 'write-off'] as const;

export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** Issue date, then number: the order of both files, so the same store gives the same bytes. */
export function exportOrder(invoices: readonly Invoice[]): Invoice[] {
  return [...invoices].sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : (a.number ?? '') < (b.number ?? '') ? -1 : (a.number ?? '') > (b.number ?? '') ? 1 : 0));
}

/** [] is written as an empty cell: most lines have no discounts. */
function jsonCell(entries: readonly object[]): string {
  return entries.length === 0 ? '' : JSON.stringify(entries);
}

/** The columns of one line; the others are the invoice's and its customer's, the same on each of its rows. */
type LineColumn = Exclude<Extract<InvoiceColumn, `line${string}`>, 'line_total'>;

function invoiceColumns(invoice: Invoice): Record<Exclude<InvoiceColumn, LineColumn>, string> {
  const money = (minor: number) => formatAmount(minor, invoice.currency);
  const { customer } = invoice;
  const address = customer.postalAddress;
  return {
    number: invoice.number ?? '',
    type: invoice.type ?? 'invoice',
    status: invoice.status,
    issue_date: invoice.issueDate,
    due_date: invoice.dueDate,
    currency: invoice.currency,
    corrects_number: invoice.precedingInvoice?.number ?? '',
    corrects_issue_date: invoice.precedingInvoice?.issueDate ?? '',
    invoice_id: invoice.id,
    lang: invoice.lang ?? '',
    note: invoice.note ?? '',
    service_date: invoice.serviceDate ?? '',
    service_start: invoice.servicePeriod?.start ?? '',
    service_end: invoice.servicePeriod?.end ?? '',
    purchase_order: invoice.purchaseOrder ?? '',
    buyer_reference: invoice.buyerReference ?? '',
    contract: invoice.contract ?? '',
    customer_id: customer.id,
    customer_name: customer.name,
    customer_email: customer.email,
    customer_address: customer.address ?? '',
    customer_street: (address?.lines ?? []).join('\n'),
    customer_postcode: address?.postcode ?? '',
    customer_city: address?.city ?? '',
    customer_region: address?.region ?? '',
    customer_country: address?.country ?? '',
    customer_vat_id: customer.taxId ?? '',
    customer_phone: customer.phone ?? '',
    customer_contact: customer.contact ?? '',
    customer_endpoint: customer.endpoint ? electronicAddressText(customer.endpoint) : '',
    customer_vat_treatment: customer.vatTreatment ?? '',
    customer_lang: customer.lang ?? '',
    document_allowances: jsonCell((invoice.allowances ?? []).map((entry) => inputOfDocumentAdjustment(entry, invoice.currency))),
    document_charges: jsonCell((invoice.charges ?? []).map((entry) => inputOfDocumentAdjustment(entry, invoice.currency))),
    // Documents of older stores lack lineTotal and the adjustment totals: then subtotal is the line total.
    line_total: money(invoice.lineTotal ?? invoice.subtotal),
    allowance_total: money(invoice.allowanceTotal ?? 0),
    charge_total: money(invoice.chargeTotal ?? 0),
    net_total: money(invoice.subtotal),
    tax_total: money(invoice.tax),
    total: money(invoice.total),
    paid: money(invoice.paid),
    credited: money(creditedOf(invoice)),
    refunded: money(refundedOf(invoice)),
    written_off: money(writtenOffOf(invoice)),
    balance: money(balanceOf(invoice)),
  };
}

/** The rows of `export csv` for these documents (issued ones; the caller picks them), in INVOICE_COLUMNS order. */
export function invoiceCsvRows(invoices: readonly Invoice[]): string[][] {
  const rows: string[][] = [];
  for (const invoice of exportOrder(invoices)) {
    const shared = invoiceColumns(invoice);
    invoice.items.forEach((item, index) => {
      const input = inputOfLine(item, invoice.currency);
      const row: Record<InvoiceColumn, string> = {
        ...shared,
        line: String(index + 1),
        line_description: item.description,
        line_quantity: item.quantity,
        line_unit: item.unit ?? '',
        line_base_quantity: item.baseQuantity ?? '',
        line_unit_price: item.unitPrice,
        line_vat_category: item.taxCategory ?? '',
        line_vat_rate: item.taxRate,
        line_exemption_reason: item.exemptionReason ?? '',
        line_exemption_code: item.exemptionCode ?? '',
        line_allowances: jsonCell(input.allowances ?? []),
        line_charges: jsonCell(input.charges ?? []),
        line_net: formatAmount(item.net, invoice.currency),
      };
      rows.push(INVOICE_COLUMNS.map((column) => row[column]));
    });
  }
  return rows;
}

/** The rows of `export csv --payments`: every payment, refund and write-off of these documents. */
export function paymentCsvRows(invoices: readonly Invoice[]): string[][] {
  const rows: string[][] = [];
  for (const invoice of exportOrder(invoices)) {
    const money = (minor: number) => formatAmount(minor, invoice.currency);
    const row = (kind: PaymentKind, date: string, amount: number, method?: string, reason?: string): string[] => {
      const cells: Record<PaymentColumn, string> = { number: invoice.number ?? '', kind, date, amount: money(amount), currency: invoice.currency, method: method ?? '', reason: reason ?? '' };
      return PAYMENT_COLUMNS.map((column) => cells[column]);
    };
    for (const payment of invoice.payments) rows.push(row('payment', payment.date, payment.amount, payment.method));
    for (const refund of invoice.refunds ?? []) rows.push(row('refund', refund.date, refund.amount, refund.method));
    if (invoice.writeOff) rows.push(row('write-off', invoice.writeOff.date, invoice.writeOff.amount, undefined, invoice.writeOff.reason));
  }
  return rows;
}
