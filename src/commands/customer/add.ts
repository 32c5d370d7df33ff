import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { canPrompt } from '../../cli/io.js';
import { validatorFor } from '../../cli/prompter.js';
import { type CustomerInput, addCustomer, idFromName } from '../../domain/customers.js';
import * as fields from '../../domain/fields.js';
import { requireBusiness } from '../../domain/invoice-issue.js';
import type { Customer } from '../../domain/types.js';
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

/** How many of the ids a name may give (acme, acme-2, … acme-50) are looked up first; then 8 times more. */
const ID_WINDOW = 50;
const MAX_WINDOW = 3_200;

/** Thrown when the id the name gave lies past the ids looked up: the change is tried again with more. */
class PastTheWindow extends Error {}

/**
 * Whatever may already use the id: invoices still carrying it (a removed customer's) and the audit log
 * (assertIdFree). An id made from the name is the first free one of acme, acme-2, …: the first `window`.
 */
function candidateIds(input: CustomerInput, window: number): string[] {
  if (input.id !== undefined) return [input.id.trim()];
  return Array.from({ length: window }, (_, attempt) => idFromName(input.name ?? '', attempt));
}

export async function run(options: AddCustomerOptions, deps: Deps): Promise<string> {
  const input = await askMissing(options.customer, deps);
  const store = await deps.store();
  const today = deps.today();
  let customer: Customer | undefined;
  for (let window = ID_WINDOW; customer === undefined; window *= 8) {
    const candidates = candidateIds(input, window);
    customer = await store
      .update(
        (doc) => {
          requireBusiness(doc);
          const added = addCustomer(doc, input, today);
          if (window <= MAX_WINDOW && !candidates.includes(added.id)) throw new PastTheWindow();
          return added;
        },
        // Past a few thousand names alike, the whole book (a SQL statement takes some 30,000 parameters).
        window > MAX_WINDOW ? undefined : { invoices: { customers: candidates }, audit: 'all' },
      )
      .catch((error: unknown) => {
        if (error instanceof PastTheWindow) return undefined;
        throw error;
      });
  }
  deps.io.err.write(`Added customer ${customer.id} (${customer.name})\n`);
  return options.json ? toJsonText(customerJson(customer), deps.io.stdoutIsTTY) : `${customer.id}\n`;
}
