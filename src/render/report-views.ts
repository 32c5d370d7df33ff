/** The human views of the reports: a summary, a chart when wanted, and the table of the figures. */
import { AGING_BUCKETS, type CurrencyAging } from '../domain/reports/aging.js';
import type { CustomerRow } from '../domain/reports/customers.js';
import type { CurrencyDashboard } from '../domain/reports/dashboard.js';
import type { Forecast } from '../domain/reports/forecast.js';
import type { CurrencyStatement } from '../domain/reports/statement.js';
import type { EcSalesList } from '../domain/reports/ec-sales.js';
import type { VatReport } from '../domain/reports/vat.js';
import type { VatCategory } from '../domain/types.js';
import { displayMoney, formatAmount } from '../domain/money-format.js';
import { barChart, lineChart } from './charts.js';
import { type Cell, type TableStyle, colors, renderFields, renderTable } from './table.js';
import { cell, fitWidth, plural, wrap } from './text.js';

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

const STATEMENT_LINE_TITLES: Record<CurrencyStatement['lines'][number]['type'], string> = {
  invoice: 'Invoice',
  payment: 'Payment for',
  'credit-note': 'Credit note',
  refund: 'Refund for',
  'write-off': 'Written off',
};

export function renderDashboard(currencies: readonly CurrencyDashboard[], period: { from: string; to: string }, style: ReportStyle): string {
  const paint = colors(style);
  if (currencies.length === 0) return '';
  const parts = [`${fitWidth(paint.bold(`Dashboard ${period.from} – ${period.to}`), style.columns)}\n`];
  for (const c of currencies) {
    const money = (minor: number) => displayMoney(minor, c.currency);
    const oldest = c.overdue.oldest ? `; oldest ${cell(c.overdue.oldest.number)}, ${c.overdue.oldest.daysOverdue} days` : '';
    parts.push(
      renderFields(
        [
          ['Received', `${money(c.received.amount)} (${plural(c.received.count, 'payment')})`],
          ['Pending', `${money(c.pending.amount)} (${plural(c.pending.count, 'invoice')} not yet due)`],
          ['Overdue', `${c.overdue.amount > 0 ? paint.red(money(c.overdue.amount)) : money(c.overdue.amount)} (${plural(c.overdue.count, 'invoice')}${oldest})`],
          ['Invoiced', `${money(c.invoiced.amount)} (${plural(c.invoiced.count, 'invoice')})`],
          ...(c.credited.count > 0 ? [['Credited', `${money(c.credited.amount)} (${plural(c.credited.count, 'credit note')}, taken out of invoiced)`] as [string, string]] : []),
          ...(c.refunded.count > 0 ? [['Refunded', `${money(c.refunded.amount)} (${plural(c.refunded.count, 'refund')}, taken out of received)`] as [string, string]] : []),
          ...(c.writtenOff.count > 0 ? [['Written off', `${money(c.writtenOff.amount)} (${plural(c.writtenOff.count, 'invoice')}, not received)`] as [string, string]] : []),
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

/** On a narrow terminal the middle buckets go first; the customer, the current balance and the total stay. */
const AGING_DROP: Record<(typeof AGING_BUCKETS)[number], number> = { '61-90': 1, '91-120': 2, '31-60': 3, 'over-120': 4, '1-30': 5, current: 6 };

export function renderAging(currencies: readonly CurrencyAging[], style: TableStyle): string {
  const bold = (text: string): Cell => ({ text, paint: colors(style).bold });
  return currencies
    .map((c) => {
      const money = (minor: number) => (minor === 0 ? '-' : displayMoney(minor, c.currency));
      return renderTable(
        [
          { header: `Customer (${c.currency})`, shrink: true },
          ...AGING_BUCKETS.map((bucket) => ({ header: bucket, align: 'right' as const, drop: AGING_DROP[bucket] })),
          { header: 'Total', align: 'right' },
        ],
        [
          ...c.customers.map((row) => [row.name, ...AGING_BUCKETS.map((bucket) => money(row.buckets[bucket])), money(row.total)]),
          [bold('Total'), ...AGING_BUCKETS.map((bucket) => money(c.totals[bucket])), bold(money(c.total))],
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
      { header: 'Customer', shrink: true },
      { header: 'Invoiced', align: 'right', drop: 6 },
      { header: 'Received', align: 'right', drop: 5 },
      { header: 'Outstanding', align: 'right' },
      { header: 'Overdue', align: 'right', drop: 7 },
      { header: 'Invoices', align: 'right', drop: 4 },
      { header: 'Days to pay', align: 'right', drop: 3 },
      { header: 'Paid late', align: 'right', drop: 2 },
      { header: 'Last payment', drop: 1 },
    ],
    rows.map((row) => [
      row.name,
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
    // Week numbers padded to one width, so the dates and bars of week 10 line up with those of week 9.
    const weekWidth = String(c.weeks.length).length;
    const rows = c.weeks.map((w) => ({ label: `Week ${String(w.week).padStart(weekWidth)}  ${w.from} – ${w.to}`, value: major(w.expected, c.currency), text: money(w.expected) }));
    if (style.chart) parts.push(`${colors(style).bold(`Expected cash in, ${c.currency}`)}\n${barChart(rows, style)}`);
    parts.push(
      renderTable(
        [{ header: 'Week' }, { header: 'From' }, { header: 'To', drop: 2 }, { header: 'Expected', align: 'right' }, { header: 'Invoices', align: 'right', drop: 1 }],
        [...c.weeks.map((w) => [String(w.week), w.from, w.to, money(w.expected), String(w.invoices)]), ['later', '', '', money(c.later), '']],
        style,
      ),
    );
    if (c.atRisk.invoices.length > 0) {
      const lines = c.atRisk.invoices.map((i) => `${cell(i.number)}  ${cell(i.customer)}  ${money(i.balance)}  due ${i.dueDate}, ${i.daysOverdue} days overdue`);
      parts.push(
        `${colors(style).red(wrap(`At risk, more than 90 days overdue: ${money(c.atRisk.amount)}`, style.columns).join('\n'))}\n` +
          lines.map((line) => wrap(line, style.columns - 4).map((part, index) => `${index === 0 ? '  ' : '    '}${part}`).join('\n')).join('\n') +
          '\n',
      );
    }
  }
  parts.push(`${wrap(method, style.columns).join('\n')}\n`);
  return parts.join('\n');
}

export function renderStatement(customer: { name: string; id: string }, currencies: readonly CurrencyStatement[], style: TableStyle): string {
  const bold = (text: string): Cell => ({ text, paint: colors(style).bold });
  const title = wrap(`Statement of account: ${cell(customer.name)} (${cell(customer.id)})`, style.columns).join('\n');
  const parts = [`${colors(style).bold(title)}\n`];
  for (const c of currencies) {
    const money = (minor: number) => displayMoney(minor, c.currency);
    parts.push(
      renderTable(
        [{ header: 'Date', drop: 1 }, { header: 'Entry', shrink: true }, { header: 'Charge', align: 'right' }, { header: 'Credit', align: 'right' }, { header: 'Balance', align: 'right' }],
        [
          ['', 'Balance brought forward', '', '', money(c.opening)],
          ...c.lines.map((l) => [l.date, `${STATEMENT_LINE_TITLES[l.type]} ${l.number}`, l.charge ? money(l.charge) : '', l.credit ? money(l.credit) : '', money(l.balance)]),
          // A negative closing balance is money owed back to the customer (a credit note on paid invoices).
          c.closing < 0 ? ['', bold('Refund due'), '', '', bold(money(-c.closing))] : ['', bold('Balance due'), '', '', bold(money(c.closing))],
        ],
        style,
      ),
    );
  }
  return parts.join('\n');
}

const CATEGORY_TITLES: Record<VatCategory, string> = {
  S: 'S standard rate',
  Z: 'Z zero rated',
  E: 'E exempt',
  AE: 'AE reverse charge',
  K: 'K intra-community supply',
  G: 'G export outside the EU',
  O: 'O outside the scope of VAT',
};

const BASIS_NOTES = {
  invoice: 'Invoice basis: invoices count at their date of supply, else their issue date (goods to other EU countries, K, at the issue date); credit notes subtract at their own issue date.',
  payment: 'Payment basis: payments and refunds made in the period, each split over the rates of its invoice (after its credit notes); credit notes count through what is paid or refunded.',
};

/** The note over amounts in other currencies: they are never converted. */
function foreignNote(home: string | null, currency: string): string {
  return `In ${currency}, not ${home ?? 'the business\'s currency'}: listed apart and not converted. Convert at the rate your tax office accepts before adding to the return.`;
}

export function renderVat(report: VatReport, style: ReportStyle): string {
  const paint = colors(style);
  const bold = (text: string): Cell => ({ text, paint: paint.bold });
  const parts = [`${fitWidth(paint.bold(`VAT ${report.from} – ${report.to}, ${report.basis} basis`), style.columns)}\n`];
  for (const total of report.totals) {
    const money = (minor: number) => displayMoney(minor, total.currency);
    if (total.foreign) parts.push(`${wrap(foreignNote(report.currency, total.currency), style.columns).join('\n')}\n`);
    parts.push(
      renderTable(
        [{ header: `Category (${total.currency})`, shrink: true }, { header: 'Rate', align: 'right' }, { header: 'Net', align: 'right' }, { header: 'VAT', align: 'right' }],
        [
          ...report.rows.filter((row) => row.currency === total.currency).map((row) => [CATEGORY_TITLES[row.category], row.category === 'O' ? '-' : `${row.rate}%`, money(row.net), money(row.tax)]),
          [bold('Total'), '', bold(money(total.net)), bold(money(total.tax))],
        ],
        style,
      ),
    );
  }
  parts.push(`${wrap(BASIS_NOTES[report.basis], style.columns).join('\n')}\n`);
  return parts.join('\n');
}

export function renderEcSales(list: EcSalesList, style: ReportStyle): string {
  const paint = colors(style);
  const parts = [`${fitWidth(paint.bold(`EC sales list ${list.from} – ${list.to}`), style.columns)}\n`];
  const currencies = [...new Set(list.rows.map((row) => row.currency))];
  for (const currency of currencies) {
    const rows = list.rows.filter((row) => row.currency === currency);
    const money = (minor: number) => (minor === 0 ? '-' : displayMoney(minor, currency));
    if (rows[0]?.foreign) parts.push(`${wrap(foreignNote(list.currency, currency), style.columns).join('\n')}\n`);
    parts.push(
      renderTable(
        [{ header: `Buyer VAT id (${currency})` }, { header: 'Buyer', shrink: true, drop: 1 }, { header: 'Services (AE)', align: 'right' }, { header: 'Goods (K)', align: 'right' }],
        rows.map((row) => [row.buyerVatId === null ? { text: '(none)', paint: paint.red } : row.buyerVatId, row.buyerName, money(row.services), money(row.goods)]),
        style,
      ),
    );
  }
  parts.push(`${wrap('Net amounts; services at their date of supply, goods at their issue date; credit notes subtract at their issue date.', style.columns).join('\n')}\n`);
  return parts.join('\n');
}
