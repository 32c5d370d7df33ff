/**
 * The documented JSON of the reports (README "Reports"): amounts as decimal strings with the currency's
 * minor digits, every report with the day it describes (`asOf`).
 */
import { formatAmount } from '../domain/money.js';
import type { CurrencyAging } from '../domain/reports/aging.js';
import { AGING_BUCKETS } from '../domain/reports/aging.js';
import type { CustomerRow } from '../domain/reports/customers.js';
import type { CurrencyDashboard, Period } from '../domain/reports/dashboard.js';
import type { Forecast } from '../domain/reports/forecast.js';
import type { CurrencyStatement } from '../domain/reports/statement.js';
import type { EcSalesList } from '../domain/reports/ec-sales.js';
import type { VatReport } from '../domain/reports/vat.js';
import type { Customer } from '../domain/types.js';

export function dashboardJson(currencies: readonly CurrencyDashboard[], period: Period, asOf: string) {
  return {
    asOf,
    from: period.from,
    to: period.to,
    currencies: currencies.map((c) => {
      const money = (minor: number) => formatAmount(minor, c.currency);
      return {
        currency: c.currency,
        received: { amount: money(c.received.amount), count: c.received.count },
        pending: { amount: money(c.pending.amount), count: c.pending.count },
        overdue: { amount: money(c.overdue.amount), count: c.overdue.count, oldest: c.overdue.oldest },
        invoiced: { amount: money(c.invoiced.amount), count: c.invoiced.count },
        credited: { amount: money(c.credited.amount), count: c.credited.count },
        refunded: { amount: money(c.refunded.amount), count: c.refunded.count },
        writtenOff: { amount: money(c.writtenOff.amount), count: c.writtenOff.count },
        averageDaysToPay: c.averageDaysToPay,
        months: c.months.map((m) => ({ month: m.month, invoiced: money(m.invoiced), received: money(m.received) })),
      };
    }),
  };
}

export function agingJson(currencies: readonly CurrencyAging[], asOf: string) {
  return {
    asOf,
    buckets: AGING_BUCKETS,
    currencies: currencies.map((c) => {
      const buckets = (amounts: Record<string, number>) => Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, formatAmount(amounts[bucket] ?? 0, c.currency)]));
      return {
        currency: c.currency,
        totals: buckets(c.totals),
        total: formatAmount(c.total, c.currency),
        customers: c.customers.map((row) => ({ id: row.customerId, name: row.name, buckets: buckets(row.buckets), total: formatAmount(row.total, c.currency) })),
      };
    }),
  };
}

export function customersJson(rows: readonly CustomerRow[], options: { asOf: string; period?: Period; sort: string; top?: number }) {
  return {
    asOf: options.asOf,
    from: options.period?.from ?? null,
    to: options.period?.to ?? null,
    sort: options.sort,
    top: options.top ?? null,
    customers: rows.map((row) => ({
      id: row.customerId,
      name: row.name,
      currency: row.currency,
      invoiced: formatAmount(row.invoiced, row.currency),
      received: formatAmount(row.received, row.currency),
      writtenOff: formatAmount(row.writtenOff, row.currency),
      outstanding: formatAmount(row.outstanding, row.currency),
      overdue: formatAmount(row.overdue, row.currency),
      invoices: row.invoices,
      averageDaysToPay: row.averageDaysToPay,
      lateShare: row.lateShare,
      lastPayment: row.lastPayment,
    })),
  };
}

export function forecastJson(result: Forecast, options: { asOf: string; weeks: number; method: string }) {
  return {
    asOf: options.asOf,
    weeks: options.weeks,
    method: options.method,
    averageDelay: result.averageDelay,
    currencies: result.currencies.map((c) => ({
      currency: c.currency,
      weeks: c.weeks.map((w) => ({ week: w.week, from: w.from, to: w.to, expected: formatAmount(w.expected, c.currency), invoices: w.invoices })),
      later: formatAmount(c.later, c.currency),
      atRisk: {
        amount: formatAmount(c.atRisk.amount, c.currency),
        invoices: c.atRisk.invoices.map((i) => ({ number: i.number, customer: { id: i.customerId, name: i.customer }, balance: formatAmount(i.balance, c.currency), dueDate: i.dueDate, daysOverdue: i.daysOverdue })),
      },
    })),
  };
}

export function statementJson(customer: Pick<Customer, 'id' | 'name' | 'email'>, currencies: readonly CurrencyStatement[], options: { asOf: string; from?: string; to?: string }) {
  return {
    asOf: options.asOf,
    customer: { id: customer.id, name: customer.name, email: customer.email },
    from: options.from ?? null,
    to: options.to ?? null,
    currencies: currencies.map((c) => {
      const money = (minor: number) => formatAmount(minor, c.currency);
      return {
        currency: c.currency,
        opening: money(c.opening),
        lines: c.lines.map((line) => ({
          date: line.date,
          type: line.type,
          number: line.number,
          charge: line.charge ? money(line.charge) : null,
          credit: line.credit ? money(line.credit) : null,
          balance: money(line.balance),
        })),
        closing: money(c.closing),
        balanceDue: money(c.closing),
      };
    }),
  };
}

/** `report vat --json`: the contract of issue 12 (asOf, from, to, basis, rows of currency, category, rate, net, tax), plus `foreign` and totals. */
export function vatJson(report: VatReport) {
  return {
    asOf: report.asOf,
    from: report.from,
    to: report.to,
    basis: report.basis,
    currency: report.currency,
    rows: report.rows.map((row) => ({ currency: row.currency, category: row.category, rate: row.rate, net: formatAmount(row.net, row.currency), tax: formatAmount(row.tax, row.currency), foreign: row.foreign })),
    totals: report.totals.map((total) => ({ currency: total.currency, net: formatAmount(total.net, total.currency), tax: formatAmount(total.tax, total.currency), foreign: total.foreign })),
  };
}

/** `report ec-sales --json`: asOf, from, to, rows of buyerVatId, currency, services, goods (issue 12), plus the buyer's name and `foreign`. */
export function ecSalesJson(list: EcSalesList) {
  return {
    asOf: list.asOf,
    from: list.from,
    to: list.to,
    currency: list.currency,
    rows: list.rows.map((row) => ({
      buyerVatId: row.buyerVatId,
      currency: row.currency,
      services: formatAmount(row.services, row.currency),
      goods: formatAmount(row.goods, row.currency),
      buyerName: row.buyerName,
      foreign: row.foreign,
    })),
  };
}
