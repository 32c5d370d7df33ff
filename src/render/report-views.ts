/** The human views of the reports: a summary, a chart when wanted, and the table of the figures. */
import { AGING_BUCKETS, type CurrencyAging } from '../domain/reports/aging.js';
import type { CustomerRow } from '../domain/reports/customers.js';
import type { CurrencyDashboard } from '../domain/reports/dashboard.js';
import type { Forecast } from '../domain/reports/forecast.js';
import type { CurrencyStatement } from '../domain/reports/statement.js';
import { displayMoney, formatAmount } from '../domain/money-format.js';
import { barChart, lineChart } from './charts.js';
import { type TableStyle, colors, renderFields, renderTable } from './table.js';
import { cell, plural } from './text.js';

export interface ReportStyle extends TableStyle {
  columns: number;
  chart: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12,000 EUR" for the y axis: whole units are enough to read a chart. */
function axisLabel(currency: string): (value: number) => string {
  const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return (value) => `${format.format(Math.round(value))} ${currency}`;
}

/** Minor units as major units for drawing only. */
function major(minor: number, currency: string): number {
  return Number(formatAmount(minor, currency));
}

export function renderDashboard(currencies: readonly CurrencyDashboard[], period: { from: string; to: string }, style: ReportStyle): string {
  const paint = colors(style);
  if (currencies.length === 0) return '';
  const parts = [`${paint.bold(`Dashboard ${period.from} – ${period.to}`)}\n`];
  for (const c of currencies) {
    const money = (minor: number) => displayMoney(minor, c.currency);
    const oldest = c.overdue.oldest ? `; oldest ${c.overdue.oldest.number}, ${c.overdue.oldest.daysOverdue} days` : '';
    parts.push(
      renderFields(
        [
          ['Received', `${money(c.received.amount)} (${plural(c.received.count, 'payment')})`],
          ['Pending', `${money(c.pending.amount)} (${plural(c.pending.count, 'invoice')} not yet due)`],
          ['Overdue', `${c.overdue.amount > 0 ? paint.red(money(c.overdue.amount)) : money(c.overdue.amount)} (${plural(c.overdue.count, 'invoice')}${oldest})`],
          ['Invoiced', `${money(c.invoiced.amount)} (${plural(c.invoiced.count, 'invoice')})`],
          ['Days to pay', c.averageDaysToPay === null ? 'no invoice paid in full in the period' : `${c.averageDaysToPay} on average, from issue to full payment`],
        ],
        style,
      ),
    );
    if (style.chart) {
      parts.push(
        lineChart(
          [
            { name: 'invoiced', values: c.months.map((m) => major(m.invoiced, c.currency)) },
            { name: 'received', values: c.months.map((m) => major(m.received, c.currency)) },
          ],
          c.months.map((m) => MONTHS[Number(m.month.slice(5)) - 1] as string),
          axisLabel(c.currency),
          style,
        ),
      );
    }
    parts.push(renderTable([{ header: 'Month' }, { header: 'Invoiced', align: 'right' }, { header: 'Received', align: 'right' }], c.months.map((m) => [m.month, money(m.invoiced), money(m.received)]), style));
  }
  return parts.join('\n');
}

export function renderAging(currencies: readonly CurrencyAging[], style: TableStyle): string {
  return currencies
    .map((c) => {
      const money = (minor: number) => (minor === 0 ? '-' : displayMoney(minor, c.currency));
      return renderTable(
        [{ header: `Customer (${c.currency})` }, ...AGING_BUCKETS.map((bucket) => ({ header: bucket, align: 'right' as const })), { header: 'Total', align: 'right' }],
        [
          ...c.customers.map((row) => [cell(row.name), ...AGING_BUCKETS.map((bucket) => money(row.buckets[bucket])), money(row.total)]),
          [colors(style).bold('Total'), ...AGING_BUCKETS.map((bucket) => money(c.totals[bucket])), colors(style).bold(money(c.total))],
        ],
        style,
      );
    })
    .join('\n');
}

export function renderCustomers(rows: readonly CustomerRow[], style: TableStyle): string {
  const percent = (share: number | null) => (share === null ? '-' : `${Math.round(share * 100)}%`);
  return renderTable(
    [
      { header: 'Customer' },
      { header: 'Invoiced', align: 'right' },
      { header: 'Received', align: 'right' },
      { header: 'Outstanding', align: 'right' },
      { header: 'Overdue', align: 'right' },
      { header: 'Invoices', align: 'right' },
      { header: 'Days to pay', align: 'right' },
      { header: 'Paid late', align: 'right' },
      { header: 'Last payment' },
    ],
    rows.map((row) => [
      cell(row.name),
      displayMoney(row.invoiced, row.currency),
      displayMoney(row.received, row.currency),
      displayMoney(row.outstanding, row.currency),
      displayMoney(row.overdue, row.currency),
      String(row.invoices),
      row.averageDaysToPay === null ? '-' : String(row.averageDaysToPay),
      percent(row.lateShare),
      row.lastPayment ?? '-',
    ]),
    style,
  );
}

export function renderForecast(result: Forecast, method: string, style: ReportStyle): string {
  const parts: string[] = [];
  for (const c of result.currencies) {
    const money = (minor: number) => displayMoney(minor, c.currency);
    const rows = c.weeks.map((w) => ({ label: `Week ${w.week}  ${w.from} – ${w.to}`, value: major(w.expected, c.currency), text: money(w.expected) }));
    if (style.chart) parts.push(`${colors(style).bold(`Expected cash in, ${c.currency}`)}\n${barChart(rows, style)}`);
    parts.push(
      renderTable(
        [{ header: 'Week' }, { header: 'From' }, { header: 'To' }, { header: 'Expected', align: 'right' }, { header: 'Invoices', align: 'right' }],
        [...c.weeks.map((w) => [String(w.week), w.from, w.to, money(w.expected), String(w.invoices)]), ['later', '', '', money(c.later), '']],
        style,
      ),
    );
    if (c.atRisk.invoices.length > 0) {
      parts.push(
        `${colors(style).red(`At risk, more than 90 days overdue: ${money(c.atRisk.amount)}`)}\n` +
          c.atRisk.invoices.map((i) => `  ${i.number}  ${cell(i.customer)}  ${money(i.balance)}  due ${i.dueDate}, ${i.daysOverdue} days overdue`).join('\n') +
          '\n',
      );
    }
  }
  parts.push(`${method}\n`);
  return parts.join('\n');
}

export function renderStatement(customer: { name: string; id: string }, currencies: readonly CurrencyStatement[], style: TableStyle): string {
  const parts = [`${colors(style).bold(`Statement of account: ${cell(customer.name)} (${customer.id})`)}\n`];
  for (const c of currencies) {
    const money = (minor: number) => displayMoney(minor, c.currency);
    parts.push(
      renderTable(
        [{ header: 'Date' }, { header: 'Entry' }, { header: 'Charge', align: 'right' }, { header: 'Credit', align: 'right' }, { header: 'Balance', align: 'right' }],
        [
          ['', 'Balance brought forward', '', '', money(c.opening)],
          ...c.lines.map((l) => [l.date, `${l.type === 'invoice' ? 'Invoice' : 'Payment for'} ${l.number}`, l.charge ? money(l.charge) : '', l.credit ? money(l.credit) : '', money(l.balance)]),
          ['', colors(style).bold('Balance due'), '', '', colors(style).bold(money(c.closing))],
        ],
        style,
      ),
    );
  }
  return parts.join('\n');
}
