/** The human views of invoices: the list table and the detail of one invoice. */
import { daysBetween } from '../domain/dates.js';
import { balanceOf, isOverdue } from '../domain/status.js';
import type { HistoryEntry, Invoice } from '../domain/types.js';
import { type TableStyle, colors, renderFields, renderTable } from './table.js';
import { displayMoney } from '../domain/money-format.js';
import { block, cell } from './text.js';

function statusText(invoice: Invoice, today: string, style: TableStyle): string {
  const paint = colors(style);
  if (isOverdue(invoice, today)) return paint.red.bold(`${invoice.status}, overdue`);
  if (invoice.status === 'paid') return paint.green(invoice.status);
  if (invoice.status === 'void' || invoice.status === 'draft') return paint.dim(invoice.status);
  return invoice.status;
}

export function renderInvoiceList(invoices: readonly Invoice[], today: string, style: TableStyle): string {
  return renderTable(
    [
      { header: 'Number' },
      { header: 'Customer' },
      { header: 'Issued' },
      { header: 'Due' },
      { header: 'Total', align: 'right' },
      { header: 'Balance', align: 'right' },
      { header: 'Status' },
    ],
    invoices.map((invoice) => [
      invoice.number ?? invoice.id,
      cell(invoice.customer.name),
      invoice.issueDate,
      invoice.dueDate,
      displayMoney(invoice.total, invoice.currency),
      displayMoney(balanceOf(invoice), invoice.currency),
      statusText(invoice, today, style),
    ]),
    style,
  );
}

function historyLine(entry: HistoryEntry, currency: string): string {
  switch (entry.event) {
    case 'edited':
      return `${entry.at}  edited; replaced version dated ${entry.previous.issueDate}, due ${entry.previous.dueDate}, total ${displayMoney(entry.previous.total, currency)}`;
    case 'payment':
      return `${entry.at}  payment of ${displayMoney(entry.amount, currency)} dated ${entry.date}`;
    case 'voided':
      return `${entry.at}  voided${entry.reason ? `: ${cell(entry.reason)}` : ''}`;
    case 'sent':
      return `${entry.at}  ${entry.kind === 'reminder' ? 'reminder' : 'invoice'} sent to ${entry.to.map(cell).join(', ')} ${cell(entry.messageId)}`;
    default:
      return `${entry.at}  ${entry.event}`;
  }
}

export function renderInvoiceDetail(invoice: Invoice, today: string, style: TableStyle): string {
  const money = (minor: number) => displayMoney(minor, invoice.currency);
  const paint = colors(style);
  const overdueDays = isOverdue(invoice, today) ? daysBetween(invoice.dueDate, today) : 0;
  const title = `${invoice.number ? `Invoice ${invoice.number}` : `Draft ${invoice.id}`}  ${statusText(invoice, today, style)}${overdueDays ? paint.red(` (${overdueDays} days)`) : ''}`;
  const customer = invoice.customer;
  const header = renderFields(
    [
      ['Customer', `${cell(customer.name)} <${cell(customer.email)}> (${customer.id})${customer.address ? `\n${block(customer.address)}` : ''}`],
      ...(invoice.issuer ? [['From', `${cell(invoice.issuer.name)} <${cell(invoice.issuer.email)}>`] as const] : []),
      ['Issued', invoice.issueDate],
      ['Due', `${invoice.dueDate} (${invoice.terms} days)`],
      ...(invoice.note ? [['Note', block(invoice.note)] as const] : []),
    ],
    style,
  );
  const items = renderTable(
    [{ header: '#', align: 'right' }, { header: 'Description' }, { header: 'Qty', align: 'right' }, { header: 'Unit price', align: 'right' }, { header: 'Tax', align: 'right' }, { header: 'Net', align: 'right' }],
    invoice.items.map((item, index) => [String(index + 1), cell(item.description), item.quantity, item.unitPrice, `${item.taxRate}%`, money(item.net)]),
    style,
  );
  const totals = renderFields(
    [
      ['Subtotal', money(invoice.subtotal)],
      ...invoice.taxes.map((line) => [`Tax ${line.rate}% on ${money(line.base)}`, money(line.tax)] as const),
      ['Total', paint.bold(money(invoice.total))],
      ['Paid', money(invoice.paid)],
      ['Balance due', paint.bold(money(balanceOf(invoice)))],
    ],
    style,
    'right',
  );
  const payments = invoice.payments.map((payment) => `  ${payment.date}  ${money(payment.amount)}${payment.method ? `  ${cell(payment.method)}` : ''}`);
  const history = invoice.history.map((entry) => `  ${historyLine(entry, invoice.currency)}`);
  return [
    `${paint.bold(title)}\n`,
    header,
    items,
    totals,
    ...(payments.length ? [`${paint.bold('Payments')}\n${payments.join('\n')}\n`] : []),
    ...(history.length ? [`${paint.bold('History')}\n${history.join('\n')}\n`] : []),
  ].join('\n');
}
