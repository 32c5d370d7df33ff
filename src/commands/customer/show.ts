import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { singleArgument } from '../../cli/flags.js';
import { balancesByCurrency } from '../../domain/balances.js';
import { findCustomer } from '../../domain/customers.js';
import { formatAmount } from '../../domain/money.js';
import { customerJson, toJsonText } from '../../render/json.js';
import { customerScope } from '../../cli/scopes.js';

export interface ShowCustomerOptions {
  customer: string;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): ShowCustomerOptions {
  return { customer: singleArgument(args, 'customer id or email'), json: opts.json === true };
}

export async function run(options: ShowCustomerOptions, deps: Deps): Promise<string> {
  const doc = await (await deps.store()).read(customerScope(options.customer));
  const customer = findCustomer(doc, options.customer);
  const invoices = doc.invoices.filter((invoice) => invoice.customer.id === customer.id);
  const balances = balancesByCurrency(invoices, deps.today());
  if (options.json) {
    return toJsonText({
      ...customerJson(customer),
      invoiceCount: invoices.length,
      balances: balances.map((b) => ({ currency: b.currency, outstanding: formatAmount(b.outstanding, b.currency), overdue: formatAmount(b.overdue, b.currency) })),
    }, deps.io.stdoutIsTTY);
  }
  const { renderCustomerDetail } = await import('../../render/customer-views.js');
  return renderCustomerDetail(customer, balances, invoices.length, deps.io);
}
