import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { CancelledError } from '../../cli/errors.js';
import { flag, singleArgument } from '../../cli/flags.js';
import { canPrompt } from '../../cli/io.js';
import { findCustomer, removeCustomer } from '../../domain/customers.js';
import { customerJson, toJsonText } from '../../render/json.js';
import { cell } from '../../render/text.js';
import { customerScope } from '../../cli/scopes.js';

export interface RemoveCustomerOptions {
  customer: string;
  force: boolean;
  yes: boolean;
  json: boolean;
}

export function toOptions({ args, opts }: RawInput): RemoveCustomerOptions {
  return { customer: singleArgument(args, 'customer id or email'), force: flag(opts, 'force'), yes: flag(opts, 'yes'), json: flag(opts, 'json') };
}

/** Asks on a terminal only; scripts remove without --yes, as they always could. */
export async function run(options: RemoveCustomerOptions, deps: Deps): Promise<string> {
  const store = await deps.store();
  if (!options.yes && canPrompt(deps.io)) {
    const customer = findCustomer(await store.read({}), options.customer);
    if (!(await deps.prompter.confirm(`Remove customer ${cell(customer.name)} (${customer.id})?`))) throw new CancelledError('cancelled');
  }
  const today = deps.today();
  // The customer's invoices: removal is refused while any is unsettled.
  const removed = await store.update((doc) => removeCustomer(doc, options.customer, { force: options.force, today }), customerScope(options.customer));
  deps.io.err.write(`Removed customer ${removed.id}\n`);
  return options.json ? toJsonText(customerJson(removed), deps.io.stdoutIsTTY) : `${removed.id}\n`;
}
