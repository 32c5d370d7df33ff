import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { canPrompt } from '../../cli/io.js';
import { validatorFor } from '../../cli/prompter.js';
import { type CustomerInput, addCustomer } from '../../domain/customers.js';
import * as fields from '../../domain/fields.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import type { StoreDocument } from '../../domain/types.js';
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

/** How many ids a name may give (acme, acme-2, … acme-50) are looked up before the whole book is read. */
const ID_WINDOW = 50;

/** Thrown when the id the name gave lies past the ids looked up: the change is tried again on everything. */
class PastTheWindow extends Error {}

/**
 * Whatever may already use the id: invoices still carrying it (a removed customer's) and the audit log
 * (assertIdFree). An id made from the name is the first free one of acme, acme-2, …: those are read.
 */
function candidateIds(input: CustomerInput): string[] | undefined {
  if (input.id !== undefined) return [input.id.trim()];
  if (input.name === undefined) return undefined;
  const base = fields.slugify(input.name);
  return [base, ...Array.from({ length: ID_WINDOW - 1 }, (_, index) => `${base}-${index + 2}`)];
}

export async function run(options: AddCustomerOptions, deps: Deps): Promise<string> {
  const input = await askMissing(options.customer, deps);
  const store = await deps.store();
  const today = deps.today();
  const candidates = candidateIds(input);
  const add = (checked: boolean) => (doc: StoreDocument) => {
    requireBusiness(doc);
    const added = addCustomer(doc, input, today);
    if (checked && !candidates?.includes(added.id)) throw new PastTheWindow();
    return added;
  };
  const customer = await store
    .update(add(candidates !== undefined), candidates === undefined ? undefined : { invoices: { customers: candidates }, audit: 'all' })
    .catch((error: unknown) => {
      if (error instanceof PastTheWindow) return store.update(add(false));
      throw error;
    });
  deps.io.err.write(`Added customer ${customer.id} (${customer.name})\n`);
  return options.json ? toJsonText(customerJson(customer), deps.io.stdoutIsTTY) : `${customer.id}\n`;
}
