import type { RawInput } from '../../cli/command.js';
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalString } from '../../cli/flags.js';
import { canPrompt } from '../../cli/io.js';
import { validatorFor } from '../../cli/prompter.js';
import { type BusinessInput, createBusiness } from '../../domain/business.js';
import { refused } from '../../domain/errors.js';
import * as fields from '../../domain/fields.js';
import { countryCode } from '../../domain/parties.js';
import { businessJson, toJsonText } from '../../render/json.js';

export interface InitOptions {
  business: Partial<BusinessInput>;
  json: boolean;
}

export function toOptions({ opts }: RawInput): InitOptions {
  const business: Partial<BusinessInput> = {};
  const keys = ['name', 'email', 'address', 'postcode', 'city', 'region', 'country', 'taxId', 'taxNumber', 'registration', 'endpoint', 'currency', 'terms', 'numberFormat', 'lang'] as const;
  for (const key of keys) {
    const value = optionalString(opts, key);
    if (value !== undefined) business[key] = value;
  }
  if (Array.isArray(opts.street)) business.street = opts.street as string[];
  if (business.street !== undefined && business.address !== undefined) throw new UsageError('--street and --address both give the street lines: use one of them');
  // Check what was given now, before the store is read.
  createBusiness({ name: 'check', email: 'check@example.com', ...business });
  return { business, json: opts.json === true };
}

/**
 * On a terminal, asks for the name and email when missing, and then for the country too unless given (every
 * invoice needs it). A command line with --name and --email is taken as complete: no question, as in scripts.
 */
async function askMissing(business: Partial<BusinessInput>, deps: Deps): Promise<BusinessInput> {
  const missing = (['name', 'email'] as const).filter((key) => business[key] === undefined);
  if (missing.length === 0) return business as BusinessInput;
  if (!canPrompt(deps.io)) throw new UsageError(`--${missing[0]} is required (no terminal to ask on)`);
  const name = business.name ?? (await deps.prompter.input('Business name', { validate: validatorFor(fields.singleLine) }));
  const email = business.email ?? (await deps.prompter.input('Business email', { validate: validatorFor(fields.email) }));
  const country = business.country ?? (await deps.prompter.input('Country (ISO 3166 code, e.g. DE, FR, US)', { validate: validatorFor(countryCode) }));
  return { ...business, name, email, country };
}

export async function run(options: InitOptions, deps: Deps): Promise<string | undefined> {
  const input = await askMissing(options.business, deps);
  const business = createBusiness(input);
  // On PostgreSQL the first init creates the schema (as `store init-postgres` does).
  const store = await deps.openStoreAt(deps.storeLocator(), { createSchema: true });
  await store.update((doc) => {
    if (doc.business) {
      throw refused(`store ${store.path} already has a business (${doc.business.name})`, 'change it with smallpay config set <key> <value>');
    }
    doc.business = business;
  }, {});
  deps.io.err.write(`Set up ${business.name} in ${store.path}\n`);
  return options.json ? toJsonText(businessJson(business), deps.io.stdoutIsTTY) : undefined;
}
