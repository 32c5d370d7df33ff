/** The human views of invoices: the list table and the detail of one invoice. */
import { daysBetween } from '../domain/dates.js';
import { balanceOf, isOverdue } from '../domain/status.js';
import type { HistoryEntry, Invoice } from '../domain/types.js';
import { type Cell, type TableStyle, colors, renderFields, renderTable } from './table.js';
import { displayDecimal, displayMoney } from '../domain/money-format.js';
import { block, cell, fitWidth, wrap } from './text.js';

function statusCell(invoice: Invoice, today: string, style: Pick<TableStyle, 'color'>): Exclude<Cell, string> {
  const paint = colors(style);
  if (isOverdue(invoice, today)) return { text: `${invoice.status}, overdue`, paint: paint.red.bold };
  if (invoice.status === 'paid') return { text: invoice.status, paint: paint.green };
  if (invoice.status === 'void' || invoice.status === 'draft') return { text: invoice.status, paint: paint.dim };
  return { text: invoice.status, paint: (text) => text };
}

export function renderInvoiceList(invoices: readonly Invoice[], today: string, style: TableStyle): string {
  return renderTable(
    [
      { header: 'Number' },
      { header: 'Customer', shrink: true },
      { header: 'Issued', drop: 1 },
      { header: 'Due', drop: 3 },
      { header: 'Total', align: 'right', drop: 2 },
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
      statusCell(invoice, today, style),
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
  const status = statusCell(invoice, today, style);
  const title = `${invoice.number ? `Invoice ${cell(invoice.number)}` : `Draft ${cell(invoice.id)}`}  ${status.paint(status.text)}${overdueDays ? paint.red(` (${overdueDays} days)`) : ''}`;
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
    [
      { header: '#', align: 'right' },
      { header: 'Description', shrink: true },
      { header: 'Qty', align: 'right', drop: 3 },
      { header: 'Unit price', align: 'right', drop: 2 },
      { header: 'Tax', align: 'right', drop: 1 },
      { header: 'Net', align: 'right' },
    ],
    invoice.items.map((item, index) => [String(index + 1), cell(item.description), item.quantity, displayDecimal(item.unitPrice, invoice.currency), `${item.taxRate}%`, money(item.net)]),
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
  // Free lines wrap under themselves at the width, like the fields above them.
  const indented = (line: string) => wrap(line, style.columns - 4).map((part, index) => `${index === 0 ? '  ' : '    '}${part}`).join('\n');
  const payments = invoice.payments.map((payment) => indented(`${payment.date}  ${money(payment.amount)}${payment.method ? `  ${cell(payment.method)}` : ''}`));
  const history = invoice.history.map((entry) => indented(historyLine(entry, invoice.currency)));
  return [
    `${fitWidth(paint.bold(title), style.columns)}\n`,
    header,
    items,
    totals,
    ...(payments.length ? [`${paint.bold('Payments')}\n${payments.join('\n')}\n`] : []),
    ...(history.length ? [`${paint.bold('History')}\n${history.join('\n')}\n`] : []),
  ].join('\n');
}
