import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { canPrompt } from '../../cli/io.js';
import { validatorFor } from '../../cli/prompter.js';
import { type CustomerInput, addCustomer } from '../../domain/customers.js';
import * as fields from '../../domain/fields.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import { customerJson, toJsonText } from '../../render/json.js';
import { customerInputFromFlags } from './input.js';

export interface AddCustomerOptions {
  customer: CustomerInput;
  json: boolean;
}

export function toOptions({ opts }: RawInput): AddCustomerOptions {
  return { customer: customerInputFromFlags(opts, false), json: opts.json === true };
}

async function askMissing(input: CustomerInput, deps: Deps): Promise<CustomerInput> {
  const missing = (['name', 'email'] as const).filter((key) => input[key] === undefined);
  if (missing.length === 0) return input;
  if (!canPrompt(deps.io)) throw new UsageError(`--${missing[0]} is required (no terminal to ask on)`);
  const name = input.name ?? (await deps.prompter.input('Customer name', { validate: validatorFor(fields.singleLine) }));
  const email = input.email ?? (await deps.prompter.input('Email for invoices', { validate: validatorFor(fields.email) }));
  return { ...input, name, email };
}

export async function run(options: AddCustomerOptions, deps: Deps): Promise<string> {
  const input = await askMissing(options.customer, deps);
  const store = await deps.store();
  const today = deps.today();
  const customer = await store.update((doc) => {
    requireBusiness(doc);
    return addCustomer(doc, input, today);
  });
  deps.io.err.write(`Added customer ${customer.id} (${customer.name})\n`);
  return options.json ? toJsonText(customerJson(customer), deps.io.stdoutIsTTY) : `${customer.id}\n`;
}
