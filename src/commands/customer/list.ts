import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { optionalString } from '../../cli/flags.js';
import { searchCustomers } from '../../domain/customers.js';
import { customerJson, toJsonText } from '../../render/json.js';

export interface ListCustomersOptions {
  search?: string;
  json: boolean;
}

export function toOptions({ opts }: RawInput): ListCustomersOptions {
  const search = optionalString(opts, 'search');
  return { ...(search !== undefined && { search }), json: opts.json === true };
}

export async function run(options: ListCustomersOptions, deps: Deps): Promise<string> {
  // Customers are read whole by every scope; no invoice is needed.
  const doc = await (await deps.store()).read({});
  const customers = searchCustomers(doc.customers, options.search);
  if (options.json) return toJsonText(customers.map(customerJson), deps.io.stdoutIsTTY);
  if (customers.length === 0) {
    deps.io.err.write(options.search ? `No customer matches '${options.search}'.\n` : 'No customers yet; add one with smallpay customer add.\n');
    return '';
  }
  const { renderCustomerList } = await import('../../render/customer-views.js');
  return renderCustomerList(customers, deps.io);
}
