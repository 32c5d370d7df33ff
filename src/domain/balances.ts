/** Open balances summed per currency: amounts in different currencies are never added together. */
import { balanceOf, isOverdue } from './status.js';
import type { Invoice } from './types.js';

export interface CurrencyBalance {
  currency: string;
  outstanding: number;
  overdue: number;
}

export function balancesByCurrency(invoices: readonly Invoice[], today: string): CurrencyBalance[] {
  const byCurrency = new Map<string, CurrencyBalance>();
  for (const invoice of invoices) {
    if (invoice.status !== 'open' && invoice.status !== 'partial') continue;
    const entry = byCurrency.get(invoice.currency) ?? { currency: invoice.currency, outstanding: 0, overdue: 0 };
    entry.outstanding += balanceOf(invoice);
    if (isOverdue(invoice, today)) entry.overdue += balanceOf(invoice);
    byCurrency.set(invoice.currency, entry);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
