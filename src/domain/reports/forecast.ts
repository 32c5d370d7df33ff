/**
 * Expected cash in per week for the coming weeks, per currency. Each open balance is expected on its due
 * date moved by its customer's average delay in paying (days after the due date, early payers negative,
 * over their invoices paid in full); a customer with no such history gets the average of all customers
 * (0 days when nobody has paid yet). A balance expected before today is expected this week. Invoices more
 * than AT_RISK_DAYS past due are at risk: shown apart, not in the weeks.
 */
import { LAST_DATE, addDays, epochDay } from '../dates.js';
import { invalid } from '../errors.js';
import { balanceOf } from '../status.js';
import type { Invoice } from '../types.js';
import { addMoney, byCurrency, getOrCreate, paymentTiming } from './common.js';

export const AT_RISK_DAYS = 90;

export interface ForecastWeek {
  week: number;
  from: string;
  to: string;
  expected: number;
  invoices: number;
}

export interface AtRiskInvoice {
  number: string;
  customerId: string;
  customer: string;
  balance: number;
  dueDate: string;
  daysOverdue: number;
}

export interface CurrencyForecast {
  currency: string;
  weeks: ForecastWeek[];
  /** Expected after the last week. */
  later: number;
  atRisk: { amount: number; invoices: AtRiskInvoice[] };
}

export interface Forecast {
  /** Days, per customer id with a history, and for everyone. */
  averageDelay: number;
  currencies: CurrencyForecast[];
}

function averageDelays(invoices: readonly Invoice[]): { perCustomer: Map<string, number>; overall: number } {
  const sums = new Map<string, { total: number; count: number }>();
  let total = 0;
  let count = 0;
  for (const invoice of invoices) {
    const timing = paymentTiming(invoice);
    if (!timing) continue;
    const entry = getOrCreate(sums, invoice.customer.id, () => ({ total: 0, count: 0 }));
    entry.total += timing.delay;
    entry.count += 1;
    total += timing.delay;
    count += 1;
  }
  const perCustomer = new Map([...sums].map(([id, entry]) => [id, Math.round(entry.total / entry.count)]));
  return { perCustomer, overall: count === 0 ? 0 : Math.round(total / count) };
}

export function forecast(invoices: readonly Invoice[], today: string, weeks: number): Forecast {
  if (epochDay(today) + weeks * 7 - 1 > epochDay(LAST_DATE)) {
    throw invalid(`a forecast of ${weeks} week${weeks === 1 ? '' : 's'} from ${today} would end after ${LAST_DATE}, the last date SmallPay handles`);
  }
  const delays = averageDelays(invoices);
  const todayNumber = epochDay(today);
  const perCurrency = new Map<string, CurrencyForecast>();
  for (const invoice of invoices) {
    if (invoice.status !== 'open' && invoice.status !== 'partial') continue;
    const entry = getOrCreate(perCurrency, invoice.currency, () => ({
      currency: invoice.currency,
      weeks: Array.from({ length: weeks }, (_, index) => ({ week: index + 1, from: addDays(today, index * 7), to: addDays(today, index * 7 + 6), expected: 0, invoices: 0 })),
      later: 0,
      atRisk: { amount: 0, invoices: [] },
    }));
    const balance = balanceOf(invoice);
    const daysOverdue = todayNumber - epochDay(invoice.dueDate);
    if (daysOverdue > AT_RISK_DAYS) {
      entry.atRisk.amount = addMoney(entry.atRisk.amount, balance);
      entry.atRisk.invoices.push({ number: invoice.number ?? invoice.id, customerId: invoice.customer.id, customer: invoice.customer.name, balance, dueDate: invoice.dueDate, daysOverdue });
      continue;
    }
    const delay = delays.perCustomer.get(invoice.customer.id) ?? delays.overall;
    const expectedIn = Math.max(0, epochDay(invoice.dueDate) + delay - todayNumber);
    const week = entry.weeks[Math.floor(expectedIn / 7)];
    if (week) {
      week.expected = addMoney(week.expected, balance);
      week.invoices += 1;
    } else {
      entry.later = addMoney(entry.later, balance);
    }
  }
  for (const entry of perCurrency.values()) entry.atRisk.invoices.sort((a, b) => b.daysOverdue - a.daysOverdue || a.number.localeCompare(b.number));
  return { averageDelay: delays.overall, currencies: byCurrency(perCurrency).map(({ value }) => value) };
}

/** One line saying how the forecast was made, for under the chart. */
export function forecastMethod(averageDelay: number): string {
  const habit = averageDelay === 0 ? 'on time' : `${Math.abs(averageDelay)} day${Math.abs(averageDelay) === 1 ? '' : 's'} ${averageDelay > 0 ? 'late' : 'early'}`;
  return `Method: each open balance is expected on its due date moved by its customer's average delay in paying (customers without history: the average, ${habit}); balances more than ${AT_RISK_DAYS} days overdue are at risk and left out of the weeks.`;
}

