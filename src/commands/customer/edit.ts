import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { singleArgument } from '../../cli/flags.js';
import { type CustomerInput, editCustomer, lookupCustomer } from '../../domain/customers.js';
import type { StoreDocument } from '../../domain/types.js';
import { customerJson, toJsonText } from '../../render/json.js';
import type { StoreScope } from '../../store/store.js';
import { customerInputFromFlags } from './input.js';

export interface EditCustomerOptions {
  customer: string;
  changes: CustomerInput;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): EditCustomerOptions {
  const changes = customerInputFromFlags(opts, true);
  if (Object.keys(changes).length === 0) throw new UsageError('nothing to change: give at least one of --name, --email, --id, --street, --postcode, --city, --region, --country, --address, --contact, --phone, --tax-id, --vat-treatment, --endpoint, --currency, --terms, --lang');
  return { customer: singleArgument(args, 'customer id or email'), changes, json: opts.json === true };
}

export async function run(options: EditCustomerOptions, deps: Deps): Promise<string> {
  const store = await deps.store();
  const newId = options.changes.id?.trim();
  // The customer's invoices (a new id is carried over to them, drafts take the new details); for a new id,
  // whatever may already use it: invoices and audit entries of a removed customer (assertIdFree).
  const scope = (books: StoreDocument): StoreScope => ({
    invoices: { customers: [lookupCustomer(books, options.customer)?.id ?? options.customer.trim(), ...(newId !== undefined ? [newId] : [])] },
    ...(newId !== undefined && { audit: 'all' }),
  });
  const customer = await store.update((doc) => editCustomer(doc, options.customer, options.changes), scope);
  deps.io.err.write(`Updated customer ${customer.id}\n`);
  return options.json ? toJsonText(customerJson(customer), deps.io.stdoutIsTTY) : `${customer.id}\n`;
}
