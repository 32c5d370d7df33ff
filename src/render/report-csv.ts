/** The tables of the reports as CSV (see csv.ts for quoting and formula neutralising). */
import { formatAmount } from '../domain/money.js';
import { AGING_BUCKETS, type CurrencyAging } from '../domain/reports/aging.js';
import type { CustomerRow } from '../domain/reports/customers.js';
import type { CurrencyDashboard } from '../domain/reports/dashboard.js';
import type { Forecast } from '../domain/reports/forecast.js';
import type { CurrencyStatement } from '../domain/reports/statement.js';
import type { EcSalesList } from '../domain/reports/ec-sales.js';
import type { VatReport } from '../domain/reports/vat.js';
import { toCsv } from './csv.js';

export function dashboardCsv(currencies: readonly CurrencyDashboard[]): string {
  return toCsv(
    ['month', 'currency', 'invoiced', 'received'],
    currencies.flatMap((c) => c.months.map((m) => [m.month, c.currency, formatAmount(m.invoiced, c.currency), formatAmount(m.received, c.currency)])),
  );
}

export function agingCsv(currencies: readonly CurrencyAging[]): string {
  return toCsv(
    ['currency', 'customer_id', 'customer', ...AGING_BUCKETS, 'total'],
    currencies.flatMap((c) => [
      ...c.customers.map((row) => [c.currency, row.customerId, row.name, ...AGING_BUCKETS.map((b) => formatAmount(row.buckets[b], c.currency)), formatAmount(row.total, c.currency)]),
      [c.currency, '', 'Total', ...AGING_BUCKETS.map((b) => formatAmount(c.totals[b], c.currency)), formatAmount(c.total, c.currency)],
    ]),
  );
}

export function customersCsv(rows: readonly CustomerRow[]): string {
  return toCsv(
    ['customer_id', 'customer', 'currency', 'invoiced', 'received', 'outstanding', 'overdue', 'invoices', 'average_days_to_pay', 'late_share', 'last_payment'],
    rows.map((row) => [
      row.customerId,
      row.name,
      row.currency,
      formatAmount(row.invoiced, row.currency),
      formatAmount(row.received, row.currency),
      formatAmount(row.outstanding, row.currency),
      formatAmount(row.overdue, row.currency),
      row.invoices,
      row.averageDaysToPay,
      row.lateShare,
      row.lastPayment,
    ]),
  );
}

export function forecastCsv(result: Forecast): string {
  return toCsv(
    ['currency', 'week', 'from', 'to', 'expected', 'invoices'],
    result.currencies.flatMap((c) => [
      ...c.weeks.map((w) => [c.currency, w.week, w.from, w.to, formatAmount(w.expected, c.currency), w.invoices]),
      [c.currency, 'later', null, null, formatAmount(c.later, c.currency), null],
      [c.currency, 'at risk', null, null, formatAmount(c.atRisk.amount, c.currency), c.atRisk.invoices.length],
    ]),
  );
}

export function statementCsv(currencies: readonly CurrencyStatement[]): string {
  return toCsv(
    ['currency', 'date', 'type', 'number', 'charge', 'credit', 'balance'],
    currencies.flatMap((c) => {
      const money = (minor: number) => formatAmount(minor, c.currency);
      return [
        [c.currency, null, 'opening', null, null, null, money(c.opening)],
        ...c.lines.map((l) => [c.currency, l.date, l.type, l.number, l.charge ? money(l.charge) : null, l.credit ? money(l.credit) : null, money(l.balance)]),
        [c.currency, null, 'closing', null, null, null, money(c.closing)],
      ];
    }),
  );
}

/** One row per currency, category and rate; `foreign` is true for amounts not in the business's currency. */
export function vatCsv(report: VatReport): string {
  return toCsv(
    ['currency', 'category', 'rate', 'net', 'tax', 'foreign'],
    report.rows.map((row) => [row.currency, row.category, row.rate, formatAmount(row.net, row.currency), formatAmount(row.tax, row.currency), String(row.foreign)]),
  );
}

export function ecSalesCsv(list: EcSalesList): string {
  return toCsv(
    ['buyer_vat_id', 'buyer', 'currency', 'services', 'goods', 'foreign'],
    list.rows.map((row) => [row.buyerVatId, row.buyerName, row.currency, formatAmount(row.services, row.currency), formatAmount(row.goods, row.currency), String(row.foreign)]),
  );
}
